// The card family's saved cards: the list first (saved-card-list.tsx), "Pay with another card" opens
// the card form (with a way back), and under the form the "Save this card" box when the endpoint
// offers it. The host draws it in place of the card form once `{endpoint}/saved-cards` answered with
// cards or `canSave`; the answers (approved, declined, failed) stay the host's screens, passed in as
// `screen`, and this panel stays mounted around them so the list and the shopper's choices last.
import { Component } from "preact";
import type { ComponentChildren, RefObject, VNode } from "preact";
import { formatAmount, nextInstanceId, resolveLanguage } from "../shared/index.ts";
import type { CheckoutOptions, PaymentController, PaymentState } from "../shared/index.ts";
import type { SavedCardPayRequestBody } from "../../../server/contract.ts";
import { removeSavedCard } from "./remove-saved-card.ts";
import { savedCardName, SavedCardList } from "./saved-card-list.tsx";
import { readSavedCards } from "./saved-list.ts";
import type { SavedCardView } from "./saved-list.ts";
import { createSavedTranslator } from "./saved-texts.ts";

export interface SavedCardsPanelProps {
  /** The answer of `GET {endpoint}/saved-cards`, as it came. */
  list: unknown;
  /** The widget's options (endpoint, amount, language, texts). */
  options: CheckoutOptions;
  payment: PaymentState;
  controller: PaymentController;
  /** The card form, with `extra` drawn above its Pay button. */
  form: (extra?: ComponentChildren) => VNode;
  /** What the host shows for the payment's state when it is not idle, submitting or 3-D Secure. */
  screen: ComponentChildren;
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
  /** What the panel's live region says (removals, a card that is gone). */
  status: string;
}

/** The endpoint did not know the saved card paid with (removed elsewhere, another session). */
function unknownCard(payment: PaymentState): boolean {
  return payment.kind === "failed" && payment.code === "unknown_saved_card";
}

/** The states in which the panel, not the host's answer screen, is on view. */
function atForm(payment: PaymentState): boolean {
  return payment.kind === "idle" || payment.kind === "submitting" || payment.kind === "threeDs" || unknownCard(payment);
}

export class SavedCardsPanel extends Component<SavedCardsPanelProps, SavedCardsPanelState> {
  #unmounted = false;
  /** The saved card of the payment under way. */
  #paying: string | null = null;
  readonly #id: string;
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  /** Move focus into what the shopper switched to, after it is drawn. */
  #focusAfter = false;

  constructor(props: SavedCardsPanelProps) {
    super(props);
    const { cards, canSave } = readSavedCards(props.list);
    this.#id = nextInstanceId();
    this.state = { cards, canSave, showForm: cards.length === 0, removing: null, note: "", save: false, status: "" };
  }

  override componentDidUpdate(previous: SavedCardsPanelProps): void {
    const { payment } = this.props;
    // The endpoint did not know the card (removed elsewhere): it leaves the list, with a note, and
    // the flow goes back to idle (nothing was charged; onFail has heard unknown_saved_card).
    if (payment !== previous.payment && unknownCard(payment)) {
      const note = this.#t()("savedGone");
      const cards = this.state.cards.filter((card) => card.id !== this.#paying);
      this.#paying = null;
      this.setState({ cards, note, showForm: cards.length === 0 });
      this.#announce(note);
      void this.props.controller.retry();
    }
    // Back from an answer (Try again after a decline) to the list: focus on the chosen card, not <body>.
    if (!atForm(previous.payment) && atForm(payment) && !this.state.showForm) this.#focusAfter = true;
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

  #lang = () => resolveLanguage(this.props.options.language);

  #t = () => createSavedTranslator(this.#lang(), this.props.options.texts);

  // The same text twice would not be spoken again; a trailing no-break space makes it new.
  #announce = (text: string): void => this.setState((previous) => ({ status: previous.status === text ? `${text}\u00a0` : text }));

  #switch = (showForm: boolean): void => {
    this.#focusAfter = true;
    this.setState({ showForm, note: "" });
  };

  #pay = (id: string): void => {
    const card = this.state.cards.find((one) => one.id === id);
    if (!card) return;
    this.setState({ note: "" });
    const { options, controller } = this.props;
    const body: SavedCardPayRequestBody = { invoiceId: options.invoiceId, savedCardId: id };
    if (options.email) body.email = options.email;
    this.#paying = id;
    void controller.submit({ body, card: { brand: card.brand, lastFour: card.lastFour } });
  };

  #remove = (id: string): void => {
    const card = this.state.cards.find((one) => one.id === id);
    if (!card || this.state.removing) return;
    const t = this.#t();
    const name = savedCardName(card, t);
    this.setState({ removing: id, note: "" });
    void removeSavedCard(this.props.options.endpoint, id).then((result) => {
      if (this.#unmounted) return;
      if (result === "removed") {
        const cards = this.state.cards.filter((one) => one.id !== id);
        this.setState({ cards, removing: null, showForm: cards.length === 0 });
        this.#announce(t("savedRemoved", { card: name }));
      } else {
        const note = t("savedRemoveFailed");
        this.setState({ removing: null, note });
        this.#announce(note);
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

  override render({ options, payment, form, screen }: SavedCardsPanelProps, { cards, showForm, removing, note, status }: SavedCardsPanelState) {
    const live = (
      <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
    );
    if (!atForm(payment))
      return (
        <div ref={this.#root}>
          {screen}
          {live}
        </div>
      );
    const t = this.#t();
    const lang = this.#lang();
    return (
      <div ref={this.#root}>
        {/* An array, not a fragment: Fragment is one more name the main file would lend. */}
        {showForm ? (
          [
            cards.length > 0 && (
              <button key="back" type="button" class="cw-link cw-back" onClick={() => this.#switch(false)}>
                {`← ${t("savedBack")}`}
              </button>
            ),
            note && (
              <p key="note" class="cw-msg cw-snote">
                {note}
              </p>
            ),
            form(this.#saveBox()),
          ]
        ) : (
          <SavedCardList
            id={this.#id}
            cards={cards}
            t={t}
            payLabel={t("pay", { amount: formatAmount(options.amount, options.currency, lang) })}
            busy={payment.kind !== "idle"}
            removing={removing}
            note={note}
            initial={this.#paying}
            onPay={this.#pay}
            onRemove={this.#remove}
            onAnother={() => this.#switch(true)}
          />
        )}
        {live}
      </div>
    );
  }
}

/** The panel for one answer of `GET {endpoint}/saved-cards` (the host draws it with the rest of the props). */
export function panelFor(list: unknown): (props: Omit<SavedCardsPanelProps, "list">) => VNode {
  return (props) => <SavedCardsPanel {...props} list={list} />;
}
