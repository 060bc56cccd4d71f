// The shopper's saved cards as one radio group: brand mark, •••• last four, expiry; an expired card
// is listed but cannot be chosen; the first usable card is chosen at first. Pay pays with the
// chosen one, "Pay with another card" leaves the list, and each card's Remove asks once, inline,
// before the owner removes it. It knows nothing of the card form or of the network: the owner
// (the card family's panel, or later the hosted family) says what paying, removing and "another
// card" do. Native radios give the arrow keys and what a screen reader says; the fieldset's legend
// names the group.
import { Component } from "preact";
import type { RefObject } from "preact";
import { BrandMark, brandByName, brandLabel } from "../shared/index.ts";
import { expiryText } from "./saved-list.ts";
import type { SavedCardView } from "./saved-list.ts";
import { addSavedStyles } from "./saved-styles.ts";
import type { SavedTranslator } from "./saved-texts.ts";

export interface SavedCardListProps {
  /** Prefix of the element ids (unique per widget). */
  id: string;
  cards: readonly SavedCardView[];
  t: SavedTranslator;
  /** The Pay button's text (with the amount). */
  payLabel: string;
  /** A payment is under way: Pay does nothing and shows it. */
  busy: boolean;
  /** The card whose removal is under way, if any. */
  removing?: string | null | undefined;
  /** A line above the list (a removal that failed, a card that is gone); "" for none. */
  note?: string | undefined;
  /** The card chosen at first (the one paid with before, back from its answer); default the first usable. */
  initial?: string | null | undefined;
  onPay(id: string): void;
  /** Called once the shopper has confirmed. */
  onRemove(id: string): void;
  onAnother(): void;
}

interface SavedCardListState {
  /** What the shopper chose (null: the first usable card). */
  chosen: string | null;
  /** The card whose Remove asks "are you sure?". */
  asking: string | null;
}

/** `Visa •••• 4242` (the brand as the widget spells it; "Card" for one it does not know). */
export function savedCardName(card: SavedCardView, t: SavedTranslator): string {
  const brand = brandByName(card.brand);
  return t("savedCard", { brand: brand ? brandLabel(brand, t) : t("savedUnknownBrand"), last4: card.lastFour });
}

export class SavedCardList extends Component<SavedCardListProps, SavedCardListState> {
  readonly #root: RefObject<HTMLFormElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)
  /** What gets focus after the next render (a selector inside the list). */
  #focus: string | null = null;

  constructor(props: SavedCardListProps) {
    super(props);
    this.state = { chosen: props.initial ?? null, asking: null };
    addSavedStyles();
  }

  /** The chosen card, if still listed and usable, else the first usable one. */
  #chosen = (): SavedCardView | undefined => {
    const { cards } = this.props;
    return cards.find((card) => card.id === this.state.chosen && !card.expired) ?? cards.find((card) => !card.expired);
  };

  override componentDidUpdate(previous: SavedCardListProps): void {
    const { cards } = this.props;
    // A card left the list: focus goes on to the chosen card (or "another card"), never to <body>.
    if (previous.cards !== cards && this.state.asking !== null && !cards.some((card) => card.id === this.state.asking)) {
      this.#focus = "input:checked";
      this.setState({ asking: null });
    }
    const selector = this.#focus;
    if (selector === null) return;
    this.#focus = null;
    const root = this.#root.current;
    (root?.querySelector<HTMLElement>(selector) ?? root?.querySelector<HTMLElement>(".cw-another"))?.focus();
  }

  #ask = (id: string | null, focus: string): void => {
    this.#focus = focus;
    this.setState({ asking: id });
  };

  #pay = (event: Event): void => {
    event.preventDefault();
    const chosen = this.#chosen();
    if (chosen && !this.props.busy) this.props.onPay(chosen.id);
  };

  override render({ id, cards, t, payLabel, busy, removing, note, onRemove, onAnother }: SavedCardListProps, { asking }: SavedCardListState) {
    const chosen = this.#chosen();
    const unusable = !chosen;
    return (
      <form noValidate aria-labelledby={`${id}-saved`} onSubmit={this.#pay} ref={this.#root}>
        <fieldset class="cw-saved">
          <legend id={`${id}-saved`}>{t("savedTitle")}</legend>
          {(note || unusable) && <p class="cw-msg cw-snote">{note || t("savedNoneValid")}</p>}
          <ul>
            {cards.map((card, i) => {
              const name = savedCardName(card, t);
              const date = expiryText(card);
              const on = card === chosen;
              return (
                <li key={card.id} class={on ? "cw-scard cw-on" : "cw-scard"}>
                  <label>
                    <input
                      type="radio"
                      name={`${id}-card`}
                      value={card.id}
                      id={`${id}-card-${i}`}
                      checked={on}
                      disabled={card.expired}
                      onChange={() => this.setState({ chosen: card.id })}
                    />
                    <BrandMark brand={brandByName(card.brand)} />
                    <span>{name}</span>
                    <span class="cw-hint">{t(card.expired ? "savedExpired" : "savedExpiry", { date })}</span>
                  </label>
                  {asking === card.id ? (
                    <span
                      class="cw-ask"
                      role="group"
                      aria-label={t("savedRemoveAsk", { card: name })}
                      onKeyDown={(event) => event.key === "Escape" && this.#ask(null, `#${id}-rm-${i}`)}
                    >
                      <span>{removing === card.id ? t("savedRemoving") : t("savedRemoveAsk", { card: name })}</span>
                      <button type="button" class="cw-link cw-yes" aria-disabled={removing === card.id ? "true" : undefined} onClick={() => removing !== card.id && onRemove(card.id)}>
                        {t("savedRemoveYes")}
                      </button>
                      <button type="button" class="cw-link" onClick={() => this.#ask(null, `#${id}-rm-${i}`)}>
                        {t("savedRemoveNo")}
                      </button>
                    </span>
                  ) : (
                    <button type="button" class="cw-link" id={`${id}-rm-${i}`} aria-label={t("savedRemoveCard", { card: name })} onClick={() => this.#ask(card.id, ".cw-yes")}>
                      {t("savedRemove")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        {!unusable && (
          <div class="cw-bar">
            {/* aria-disabled, not disabled: a disabled button would drop focus to <body> on Pay. */}
            <button type="submit" class="cw-btn cw-pay" aria-disabled={busy ? "true" : undefined}>
              {busy && <span class="cw-spin" aria-hidden="true" />}
              <span>{payLabel}</span>
            </button>
          </div>
        )}
        <button type="button" class={unusable ? "cw-btn cw-another" : "cw-btn cw-alt cw-another"} onClick={onAnother}>
          {t("savedAnother")}
        </button>
      </form>
    );
  }
}
