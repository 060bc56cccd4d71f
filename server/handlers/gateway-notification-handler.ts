// `GET|POST {notificationUrl}`: the gateway's server-to-server notification of a status change
// (RBS callbacks), so the merchant's record is right even when the shopper never comes back.
// The gateway's signature is checked (constant-time); a bad one changes nothing. A good one is
// only a prompt: what the notification claims (its operation, its status) is ignored, and the
// payment's real state is read from the gateway before anything is settled. A stale or replayed
// notification therefore settles what is true now, and onResult hears each state once.
import type { HandlerContext } from "./handler-context.ts";
import { attemptOfTags } from "./hosted-hold.ts";
import { settleGatewayState } from "./hosted-settlement.ts";
import type { CheckoutOrder } from "./options.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { AttemptStoreError } from "./store-guard.ts";

/** A notification is a handful of short fields. */
export const GATEWAY_NOTIFICATION_BODY_LIMIT = 4 * 1024;

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export function createNotificationHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger } = context;

  async function handle(params: URLSearchParams): Promise<Response> {
    const notifications = gateway.notifications;
    if (notifications === undefined) return text("Not found", 404);
    const verified = await notifications.verify(params);
    if (!verified.ok) {
      logger.warn("checkout: refused a gateway notification", { reason: verified.reason });
      return text("Bad notification", 400);
    }
    const { reference } = verified;
    try {
      const state = await gateway.findOutcome(reference, context.callOptions());
      const attempt = attemptOfTags(state?.tags);
      if (state === null || attempt === null) {
        // Not a payment the kit started (the shop's own, or long forgotten): acknowledged, nothing to do.
        logger.info?.("checkout: a notification about a payment the kit did not start", { reference });
        return text("OK", 200);
      }
      let order: CheckoutOrder | null | undefined;
      try {
        order = await options.getOrder(attempt.invoiceId);
      } catch (error) {
        logger.error("checkout: getOrder threw", { invoiceId: attempt.invoiceId, error: error instanceof Error ? error.message : String(error) });
        // The gateway retries a notification that failed: the order may load then.
        return text("Try again", 503);
      }
      if (order === null || order === undefined) {
        logger.warn("checkout: a notification for an unknown order", { invoiceId: attempt.invoiceId });
        return text("OK", 200);
      }
      const outcome = await settleGatewayState(context, { attempt, order, reference, state, stage: "notification" });
      logger.info?.("checkout: gateway notification", { invoiceId: attempt.invoiceId, status: outcome.status });
      return text("OK", 200);
    } catch (error) {
      if (error instanceof AttemptStoreError) logger.error("checkout: attempt store unavailable for a notification", { reference });
      else logger.warn("checkout: could not read a notified payment", { reference, error: error instanceof Error ? error.name : typeof error });
      return text("Try again", 503);
    }
  }

  return async function notification(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET") {
      if (url.search.length > GATEWAY_NOTIFICATION_BODY_LIMIT) return text("Too long", 414);
      return handle(url.searchParams);
    }
    if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "GET, POST" } });
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") return text("Unsupported media type", 415);
    const read = await readLimitedBody(request, GATEWAY_NOTIFICATION_BODY_LIMIT);
    if (!read.ok) return text(read.reason === "too_large" ? "Too large" : "Unreadable", read.reason === "too_large" ? 413 : 400);
    return handle(new URLSearchParams(read.text));
  };
}
