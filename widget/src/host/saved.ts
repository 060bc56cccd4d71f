// The saved cards' slot, beside the late one (late.ts): with `savedCards: true` the host asks
// `{endpoint}/saved-cards` as the form would draw, and only an answer with cards or `canSave` loads
// the saved-cards code (saved/: checkout-widget-saved.js beside the late file, or the npm build's
// dynamic import). A guest, a shop without the route, or no answer within 3 s: the card form.
import { memoizeUntilFailure } from "../shared/index.ts";
import type * as SavedModule from "../saved/index.ts";

export type SavedApi = typeof SavedModule;

/** What the host draws the saved cards from: their code and the endpoint's answer as it came. */
export interface SavedFound {
  api: SavedApi;
  list: unknown;
}

let load: (() => Promise<SavedApi>) | undefined;

/** Where the saved-cards code comes from; set by the entry (tests set their own). */
export function setSavedSource(from: () => Promise<SavedApi>): void {
  load = memoizeUntilFailure(from);
}

/** The source, unless an entry (or a test) has set one: the npm entry's dynamic import. */
export function defaultSavedSource(from: () => Promise<SavedApi>): void {
  load ??= memoizeUntilFailure(from);
}

/**
 * The shopper's saved cards with their code, or undefined when there is nothing to show. The
 * cookie of the shop's session goes with it (`credentials: "include"`, as with `/pay`).
 */
export function askSavedCards(endpoint: string): Promise<SavedFound | undefined> {
  return fetch(`${endpoint.replace(/\/+$/, "")}/saved-cards`, { credentials: "include", signal: AbortSignal.timeout?.(3000) })
    .then((answer) => answer.json())
    .then((list: { cards?: unknown[]; canSave?: unknown } | null) => (list?.cards?.length || list?.canSave === true ? load?.().then((api) => ({ api, list })) : undefined))
    .catch(() => undefined);
}
