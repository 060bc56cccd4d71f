// Hosted mode's saved cards (RBS bindings): the card family's list (saved/SavedCardList) drawn on the
// Pay screen in place of its Pay button. Pay pays with the chosen card through the hosted flow
// (its X-Request-ID, retries, answers and callbacks), "Pay with another card" is the Pay button's
// own flow.pay() (the gateway's page, where the `saveCard` option applies), and Remove asks once.
// A logged-in shopper without cards where the shop keeps them (`canSave`) gets "Save this card"
// (off by default) above the Pay button: ticked, the gateway's page saves the card typed there.
// The hosted view draws this only on the Pay screen, so what must outlive an answer screen (the
// list, the card paid with, a note) is kept in the store of this one list answer.
import { Component } from "preact";
import type { ComponentChildren, RefObject } from "preact";
import { formatAmount, resolveLanguage } from "../shared/index.ts";
import type { HostedOptions, TextOverrides } from "../shared/index.ts";
import { removeSavedCard } from "../saved/remove-saved-card.ts";
import { SavedCardList, savedCardName } from "../saved/saved-card-list.tsx";
import { readSavedCards } from "../saved/saved-list.ts";
import { addSavedStyles } from "../saved/saved-styles.ts";
import type { SavedCardView } from "../saved/saved-list.ts";
import { createSavedTranslator } from "../saved/saved-texts.ts";
import { hostedPayBody } from "../hosted/pay-body.ts";
import type { HostedFlow, HostedState } from "../hosted/flow.ts";
import type { BeforePay, PayBar } from "../hosted/views.tsx";
import { readSavedPayAnswer } from "./saved-pay-answer.ts";

/** What lasts while the panel is off screen (an answer shown): one per list answer. */
interface SavedStore {
  id: string;
  cards: readonly SavedCardView[];
  /** The shop keeps cards for this shopper: "Save this card" is offered while no card is listed. */
  canSave: boolean;
  /** The shopper ticked "Save this card". */
  save: boolean;
  note: string;
  /** The saved card last paid with: chosen and focused when the list is back. */
  paying: string | null;
  fetch: typeof fetch;
}

interface PanelProps {
  store: SavedStore;
  flow: HostedFlow;
  state: HostedState;
  /** The hosted Pay button, drawn once no card is left. */
  bar: PayBar;
  options: HostedOptions;
}

/** The list and its note are the store's (they outlive the panel); the rest is the panel's own. */
interface PanelState {
  removing: string | null;
  status: string;
}

let sequence = 0;

export class HostedSavedPanel extends Component<PanelProps, PanelState> {
  #gone = false;
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  constructor(props: PanelProps) {
    super(props);
    this.state = { removing: null, status: props.store.note };
    // "Save this card" is drawn without the list too.
    addSavedStyles();
  }

  // Back from an answer (Try again, a card that is gone): the keyboard stays on the list, not <body>.
  #focusList = (): void => {
    if (this.props.store.paying !== null) this.#root.current?.querySelector<HTMLElement>("input:checked,.cw-another")?.focus();
  };

  override componentDidMount(): void {
    this.#focusList();
  }

  #refocus = false;

  override componentDidUpdate(previous: PanelProps): void {
    if (this.#refocus) {
      this.#refocus = false;
      this.#root.current?.querySelector<HTMLElement>(".cw-save input,.cw-pay")?.focus();
    }
    if (previous.state.kind !== "idle" && this.props.state.kind === "idle") {
      if (this.props.store.note) this.#announce(this.props.store.note);
      this.#focusList();
    }
  }

  override componentWillUnmount(): void {
    this.#gone = true;
  }

  #t = () => createSavedTranslator(resolveLanguage(this.props.options.language), this.props.options.texts as TextOverrides | undefined);

  #set = (cards: readonly SavedCardView[], note: string): void => {
    this.props.store.cards = cards;
    this.props.store.note = note;
    this.setState({ removing: null });
  };

  // The same text twice would not be spoken again; a trailing no-break space makes it new.
  #announce = (text: string): void => this.setState((previous) => ({ status: previous.status === text ? `${text}\u00a0` : text }));

  #pay = (id: string): void => {
    const { store, flow, options } = this.props;
    const t = this.#t();
    store.paying = id;
    store.note = "";
    const body = { invoiceId: options.invoiceId, savedCardId: id, language: resolveLanguage(options.language), ...(options.email ? { email: options.email } : {}) };
    void flow.pay({
      body,
      read: (exchange) => {
        const answer = readSavedPayAnswer(exchange);
        // The endpoint does not know the card (removed elsewhere): it leaves the list, with a note,
        // and the flow goes back to the Pay screen once onFail has heard unknown_saved_card.
        if ("kind" in answer && answer.kind === "failed" && answer.code === "unknown_saved_card") {
          store.cards = store.cards.filter((card) => card.id !== id);
          store.note = t(store.cards.length > 0 ? "savedGone" : "savedGoneLast");
          queueMicrotask(() => void flow.retry());
        }
        return answer;
      },
    });
  };

  #remove = (id: string): void => {
    const { store } = this.props;
    const card = store.cards.find((one) => one.id === id);
    if (!card || this.state.removing) return;
    const t = this.#t();
    const name = savedCardName(card, t);
    store.note = "";
    this.setState({ removing: id });
    void removeSavedCard(this.props.options.endpoint, id, store.fetch).then((result) => {
      if (this.#gone) return;
      if (result === "removed") {
        // The last card gone: the keyboard goes on to "Save this card" or Pay, not to <body>.
        this.#refocus = store.cards.length === 1;
        this.#set(store.cards.filter((one) => one.id !== id), "");
        this.#announce(t("savedRemoved", { card: name }));
      } else {
        const note = t("savedRemoveFailed");
        this.#set(store.cards, note);
        this.#announce(note);
      }
    });
  };

  #saveBox = (): ComponentChildren => (
    <label class="cw-save">
      <input
        type="checkbox"
        checked={this.props.store.save}
        onChange={(event) => {
          this.props.store.save = (event.currentTarget as HTMLInputElement).checked;
          this.forceUpdate();
        }}
      />
      <span>{this.#t()("saveCard")}</span>
    </label>
  );

  override render({ store, flow, state, bar, options }: PanelProps, { removing, status }: PanelState) {
    const { cards, note } = store;
    const t = this.#t();
    const lang = resolveLanguage(options.language);
    return (
      <div ref={this.#root}>
        {cards.length > 0 ? (
          <SavedCardList
            id={store.id}
            cards={cards}
            t={t}
            payLabel={t("pay", { amount: formatAmount(options.amount, options.currency, lang) })}
            busy={state.kind !== "idle"}
            removing={removing}
            note={note}
            initial={store.paying}
            onPay={this.#pay}
            onRemove={this.#remove}
            onAnother={() => void flow.pay()}
          />
        ) : (
          // No card (left): the note stays in view, then "Save this card" where the shop keeps cards, and Pay.
          [
            note && <p class="cw-msg cw-snote">{note}</p>,
            store.canSave && this.#saveBox(),
            bar(() => {
              store.note = "";
              return flow.pay({ body: hostedPayBody(options, store.save) });
            }),
          ]
        )}
        <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
          {status}
        </div>
      </div>
    );
  }
}

/** What hosted mode draws for one answer of `GET {endpoint}/saved-cards` (`fetchFn`: the removals', a test seam). */
export function savedCardsFor(list: unknown, fetchFn: typeof fetch = (input, init) => fetch(input, init)): BeforePay {
  const { cards, canSave } = readSavedCards(list);
  const store: SavedStore = { id: `cwh${++sequence}`, cards, canSave, save: false, note: "", paying: null, fetch: fetchFn };
  return (flow, state, bar, options) => <HostedSavedPanel store={store} flow={flow} state={state} bar={bar} options={options} />;
}
