// The answer of `GET {endpoint}/saved-cards` as the widget trusts it: only well-formed cards (an id,
// last four digits, a month and a year); anything else in the answer is left out rather than drawn.
import { isRecord } from "../shared/index.ts";
import type { SavedCardsResponse, SavedCardView } from "../../../server/contract.ts";

export type { SavedCardsResponse, SavedCardView };

function isCard(value: unknown): value is SavedCardView {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    value.id !== "" &&
    typeof value.brand === "string" &&
    typeof value.lastFour === "string" &&
    /^\d{4}$/.test(value.lastFour) &&
    typeof value.expMonth === "number" &&
    typeof value.expYear === "number"
  );
}

/** The list answer, read defensively: `{ cards: [], canSave: false }` for anything unreadable. */
export function readSavedCards(answer: unknown): SavedCardsResponse {
  if (!isRecord(answer)) return { cards: [], canSave: false };
  const cards = Array.isArray(answer.cards) ? answer.cards.filter(isCard).map((card) => ({ ...card, expired: card.expired === true })) : [];
  return { cards, canSave: answer.canSave === true };
}

/** `MM/YY` of a card's expiry. */
export function expiryText(card: Pick<SavedCardView, "expMonth" | "expYear">): string {
  return `${String(card.expMonth).padStart(2, "0")}/${String(card.expYear % 100).padStart(2, "0")}`;
}
