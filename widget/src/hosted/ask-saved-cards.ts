// `GET {endpoint}/saved-cards` for hosted mode (`savedCards: true`): only an answer with cards (or `canSave`: "Save this card") loads
// the saved cards' list (hosted-saved/: a chunk in the npm build, saved-chunk.ts; in the script tag
// checkout-widget-hosted-saved.js beside this script, saved-script.ts), so a guest, a shop without the route, or no answer within 3 s keeps
// the plain Pay screen and loads nothing more.
import { loadHostedSaved } from "./saved-chunk.ts";
import type { HostedSavedApi } from "./saved-chunk.ts";
import type { BeforePay } from "./views.tsx";

/** The list above the Pay button, or undefined when there is nothing to show (never rejects). */
export function askSavedCards(endpoint: string, fetchFn: typeof fetch = (input, init) => fetch(input, init), load: () => Promise<HostedSavedApi | undefined> = loadHostedSaved): Promise<BeforePay | undefined> {
  // The shop's session cookie names the shopper, also from another origin (as with /pay).
  return fetchFn(`${endpoint.replace(/\/+$/, "")}/saved-cards`, { credentials: "include", signal: AbortSignal.timeout?.(3000) })
    .then((answer) => answer.json())
    .then((list: { cards?: unknown[]; canSave?: unknown } | null) => (list?.cards?.length || list?.canSave === true ? load().then((api) => api?.savedCardsFor(list)) : undefined))
    .catch(() => undefined);
}
