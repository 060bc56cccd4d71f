// The saved cards, asked for: with `savedCards: true` the host asks `{endpoint}/saved-cards` as the
// form would draw, and only an answer with cards or `canSave` loads the saved-cards code
// (pieces.ts). A guest, a shop without the route, or no answer within 3 s: the card form.
import { savedPiece } from "./pieces.ts";
import type { SavedApi } from "./pieces.ts";

export type { SavedApi };

/** What the host draws the saved cards from: their code and the endpoint's answer as it came. */
export interface SavedFound {
  api: SavedApi;
  list: unknown;
}

/**
 * The shopper's saved cards with their code, or undefined when there is nothing to show. The
 * cookie of the shop's session goes with it (`credentials: "include"`, as with `/pay`).
 */
export function askSavedCards(endpoint: string): Promise<SavedFound | undefined> {
  return fetch(`${endpoint.replace(/\/+$/, "")}/saved-cards`, { credentials: "include", signal: AbortSignal.timeout?.(3000) })
    .then((answer) => answer.json())
    .then((list: { cards?: unknown[]; canSave?: unknown } | null) => (list?.cards?.length || list?.canSave === true ? savedPiece.load().then((api) => ({ api, list })) : undefined))
    .catch(() => undefined);
}
