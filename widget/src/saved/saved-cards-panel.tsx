// The card family's saved cards: the list first (saved-card-list.tsx), "Pay with another card" opens
// the card form (with a way back), and under the form the "Save this card" box when the endpoint
// offers it. The host draws it in place of the card form once `{endpoint}/saved-cards` answered with
// cards or `canSave`; the answers (approved, declined, failed) stay the host's screens, passed in as
// `screen`, and this panel stays mounted around them so the list and the shopper's choices last.
import { Component } from "preact";
import type { ComponentChildren, RefObject, VNode } from "preact";
import type { Language, PaymentController, PaymentState, TextOverrides } from "../shared/index.ts";
import { removeSavedCard } from "./remove-saved-card.ts";
import { savedCardName, SavedCardList } from "./saved-card-list.tsx";
import { readSavedCards } from "./saved-list.ts";
import type { SavedCardView } from "./saved-list.ts";
import { createSavedTranslator } from "./saved-texts.ts";

export interface SavedCardsPanelProps {
  /** Prefix of the element ids (the host's, unique per widget). */
  id: string;
  /** The answer of `GET {endpoint}/saved-cards`, as it came. */
  list: unknown;
  endpoint: string;
  lang: Language;
  texts?: TextOverrides | undefined;
  payLabel: string;
  payment: PaymentState;
  controller: PaymentController;
  /** The card form, with `extra` drawn above its Pay button. */
  form: (extra?: ComponentChildren) => VNode;
  /** What the host shows for the payment's state when it is not idle, submitting or 3-D Secure. */
  screen: ComponentChildren;
  /** Says a text in the host's live region. */
  announce: (text: string) => void;
  /** The shopper ticked or cleared "Save this card": the host sends `saveCard: true` with the card. */
  onSave: (save: boolean) => void;
}

interface SavedCardsPanelState {
  cards: readonly SavedCardView[];
  canSave: boolean;
  /** The list, or the card form. */
  showForm: boolean;
  removing: string | null;
  note: string;
  save: boolean;
}

/** The states in which the panel, not the host's answer screen, is on view. */
function atForm(payment: PaymentState): boolean {
  return payment.kind === "idle" || payment.kind === "submitting" || payment.kind === "threeDs";
}

export class SavedCardsPanel extends Component<SavedCardsPanelProps, SavedCardsPanelState> {
  #unmounted = false;
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  /** Move focus into what the shopper switched to, after it is drawn. */
  #focusAfter = false;

  constructor(props: SavedCardsPanelProps) {
    super(props);
    const { cards, canSave } = readSavedCards(props.list);
    this.state = { cards, canSave, showForm: cards.length === 0, removing: null, note: "", save: false };
  }

  override componentDidUpdate(previous: SavedCardsPanelProps): void {
    const { payment } = this.props;
    // The endpoint did not know the card (removed elsewhere): it leaves the list, with a note.
    if (payment !== previous.payment && payment.kind === "idle" && payment.dropped) {
      const note = this.#t()("savedGone");
      const cards = this.state.cards.filter((card) => card.id !== payment.dropped);
      this.setState({ cards, note, showForm: cards.length === 0 });
      this.props.announce(note);
    }
    if (this.#focusAfter) {
      this.#focusAfter = false;
      // The chosen card, or the form's first field.
      const root = this.#root.current;
      (root?.querySelector<HTMLElement>("input:checked:not([type=checkbox])") ?? root?.querySelector<HTMLElement>("input"))?.focus();
    }
  }

  override componentWillUnmount(): void {
    this.#unmounted = true;
  }

  #t = () => createSavedTranslator(this.props.lang, this.props.texts);

  #switch = (showForm: boolean): void => {
    this.#focusAfter = true;
    this.setState({ showForm, note: "" });
  };

  #pay = (id: string): void => {
    const card = this.state.cards.find((one) => one.id === id);
    if (!card) return;
    this.setState({ note: "" });
    void this.props.controller.submit({ savedCardId: id, card: { brand: card.brand, lastFour: card.lastFour } });
  };

  #remove = (id: string): void => {
    const card = this.state.cards.find((one) => one.id === id);
    if (!card || this.state.removing) return;
    const t = this.#t();
    const name = savedCardName(card, t);
    this.setState({ removing: id, note: "" });
    void removeSavedCard(this.props.endpoint, id).then((result) => {
      if (this.#unmounted) return;
      if (result === "removed") {
        const cards = this.state.cards.filter((one) => one.id !== id);
        this.setState({ cards, removing: null, showForm: cards.length === 0 });
        this.props.announce(t("savedRemoved", { card: name }));
      } else {
        const note = t("savedRemoveFailed");
        this.setState({ removing: null, note });
        this.props.announce(note);
      }
    });
  };

  #saveBox = (): VNode | null => {
    if (!this.state.canSave) return null;
    return (
      <label class="cw-save">
        <input
          type="checkbox"
          checked={this.state.save}
          onChange={(event) => {
            const save = (event.currentTarget as HTMLInputElement).checked;
            this.setState({ save });
            this.props.onSave(save);
          }}
        />
        <span>{this.#t()("saveCard")}</span>
      </label>
    );
  };

  override render({ id, payment, payLabel, form, screen }: SavedCardsPanelProps, { cards, showForm, removing, note }: SavedCardsPanelState) {
    if (!atForm(payment)) return <div ref={this.#root}>{screen}</div>;
    const t = this.#t();
    return (
      <div ref={this.#root}>
        {showForm ? (
          <>
            {cards.length > 0 && (
              <button type="button" class="cw-link cw-back" onClick={() => this.#switch(false)}>
                {`← ${t("savedBack")}`}
              </button>
            )}
            {note && <p class="cw-msg cw-snote">{note}</p>}
            {form(this.#saveBox())}
          </>
        ) : (
          <SavedCardList
            id={id}
            cards={cards}
            t={t}
            payLabel={payLabel}
            busy={payment.kind !== "idle"}
            removing={removing}
            note={note}
            onPay={this.#pay}
            onRemove={this.#remove}
            onAnother={() => this.#switch(true)}
          />
        )}
      </div>
    );
  }
}
