// `GET {endpoint}/saved-cards`: the logged-in shopper's cards on this shop's gateway (brand, last
// four, expiry, expired or not; never a token). `DELETE {endpoint}/saved-cards/{id}`: removes
// one, at the gateway too (RBS unBindCard). The shopper is the merchant's session's
// (getCustomer): a guest has no cards, and another customer's card id is 404.
import type { SavedCardsResponse } from "../contract.ts";
import { toSavedCardView } from "./card-saving.ts";
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutCustomer } from "./options.ts";
import { errorBody } from "./responses.ts";

const METHODS = "GET, DELETE, OPTIONS";
const CARD_ID = /^[\w-]{1,100}$/;

function json(body: unknown, status: number, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

/** The card id after `/saved-cards/`, null for the list itself, undefined for any other path. */
function cardIdOf(pathname: string): string | null | undefined {
  const match = /\/saved-cards(?:\/([^/]*))?\/?$/.exec(pathname);
  if (!match) return undefined;
  if (match[1] === undefined || match[1] === "") return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return CARD_ID.test(id) ? id : undefined;
}

export function createSavedCardsHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { logger, gateway } = context;

  return async function savedCards(request: Request): Promise<Response> {
    const origin = checkOrigin(request, context.allowedOrigins);
    if (origin.kind === "refused") return json(errorBody("origin_refused", MESSAGES.originRefused), 403, {});
    const cors = origin.kind === "allowed" ? corsHeaders(origin.origin) : {};
    if (request.method === "OPTIONS") {
      return origin.kind === "allowed" ? new Response(null, { status: 204, headers: preflightHeaders(origin.origin, METHODS) }) : json(errorBody("origin_refused", MESSAGES.originRefused), 403, {});
    }
    const id = cardIdOf(new URL(request.url).pathname);
    if (id === undefined) return json(errorBody("unknown_saved_card", MESSAGES.unknownSavedCard), 404, cors);
    if (request.method !== (id === null ? "GET" : "DELETE")) {
      return json(errorBody("bad_request", MESSAGES.methodNotAllowed), 405, { ...cors, Allow: id === null ? "GET, OPTIONS" : "DELETE, OPTIONS" });
    }

    let customer: CheckoutCustomer | null;
    try {
      customer = await context.customerOf(request);
    } catch (error) {
      logger.error("checkout: getCustomer threw", { error: error instanceof Error ? error.message : String(error) });
      return json(errorBody("order_unavailable", MESSAGES.orderUnavailable), 500, cors);
    }
    const now = new Date();
    try {
      if (id === null) {
        const cards = customer === null || gateway.savedCards === undefined ? [] : await context.savedCards.list(customer.id);
        const body: SavedCardsResponse = {
          cards: cards.filter((card) => card.gateway === gateway.name).map((card) => toSavedCardView(card, now)),
          canSave: customer !== null && gateway.savedCards !== undefined,
        };
        return json(body, 200, cors);
      }
      const card = customer === null ? null : await context.savedCards.get(customer.id, id);
      if (card === null || card.gateway !== gateway.name) return json(errorBody("unknown_saved_card", MESSAGES.unknownSavedCard), 404, cors);
      try {
        await gateway.savedCards?.remove({ token: card.token, customerId: card.customerId });
      } catch (error) {
        // Still usable at the gateway: keep it listed, so the shopper can try again.
        logger.warn("checkout: the gateway did not remove a saved card", { error: error instanceof Error ? error.name : typeof error });
        return json(errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable), 502, cors);
      }
      await context.savedCards.remove(card.customerId, card.id);
      return new Response(null, { status: 204, headers: { ...cors, "Cache-Control": "no-store" } });
    } catch (error) {
      logger.error("checkout: the saved-card store failed", { error: error instanceof Error ? error.message : String(error) });
      return json(errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable), 503, cors);
    }
  };
}
