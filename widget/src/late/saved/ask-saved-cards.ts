// `GET {endpoint}/saved-cards` for the host (host/checkout-view.tsx, `savedCards: true`): only an
// answer with cards or `canSave` loads the saved cards' code (late/pieces.ts), so a
// guest, a shop without the route, or no answer within 3 s leaves the card form alone and loads
// nothing more. Late code: the network is the late code's, and the host waits for it anyway to pay.
import { loadSaved as savedPiece } from "../pieces.ts";
import type { SavedApi } from "../pieces.ts";

/** What the host draws: the saved cards' panel, holding the endpoint's answer. */
export interface SavedFound {
  Panel: ReturnType<SavedApi["panelFor"]>;
}

/** The shopper's saved cards with their code, or undefined when there is nothing to show (never rejects). */
export function askSavedCards(endpoint: string, loadSaved: () => Promise<SavedApi> = savedPiece, fetchFn: typeof fetch = (input, init) => fetch(input, init)): Promise<SavedFound | undefined> {
  // The shop's session cookie names the shopper, also from another origin (as with /pay).
  return fetchFn(`${endpoint.replace(/\/+$/, "")}/saved-cards`, { credentials: "include", signal: AbortSignal.timeout?.(3000) })
    .then((answer) => answer.json())
    .then((list: { cards?: unknown[]; canSave?: unknown } | null) => (list?.cards?.length || list?.canSave === true ? loadSaved().then((api) => ({ Panel: api.panelFor(list) })) : undefined))
    .catch(() => undefined);
}
