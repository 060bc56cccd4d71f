// `POST {endpoint}/pay`: validate, count the attempt against the failure limits, look the order
// up, then one attempt (payment-attempt.ts): a card cryptogram, a start on the gateway's own page,
// or a saved card.
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutCustomer, CheckoutOrder } from "./options.ts";
import { checkOrder } from "./order-check.ts";
import { checkPayBody, type PayBody } from "./pay-body.ts";
import { createAttemptRunner, orderUnavailable, type AttemptRequest } from "./payment-attempt.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { checkRequestId, gatewayRequestId } from "./request-id.ts";
import { errorBody, jsonResponse } from "./responses.ts";
import { giveBackAttempt, limitKeys, takeLimits, type Answer } from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";

export const PAY_BODY_LIMIT = 16 * 1024;

/** Can this shop's gateway take the body's kind of payment? */
function supports(context: HandlerContext, parsed: PayBody): boolean {
  const { gateway } = context;
  if (parsed.kind === "card") return gateway.cryptogram !== undefined;
  if (parsed.kind === "hosted") return gateway.hosted !== undefined;
  return gateway.savedCards !== undefined;
}

type CheckedBody = Extract<ReturnType<typeof checkPayBody>, { ok: true }>;

interface PayInput {
  request: Request;
  checked: CheckedBody;
  ip: string;
  requestId: string | undefined;
  attempt: { invoiceId: string; attemptId: string };
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createPayHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, logger } = context;
  const runAttempt = createAttemptRunner(context);
  // Concurrent duplicates of one attempt on this instance share one pass.
  const inFlight = new Map<string, Promise<Answer>>();

  /** One pass of an attempt: limits, the order, the shopper, then the attempt runner. */
  async function attemptPayment(input: PayInput): Promise<Answer> {
    const { checked, requestId, ip } = input;
    const { invoiceId } = input.attempt;
    const refuse = (status: number, code: Parameters<typeof errorBody>[0], message: string): Answer => ({ status, body: errorBody(code, message) });

    // The limits come before anything about the order is told: a stranger probing invoices
    // (unknown? paid?) spends an attempt on each, from their address.
    const counted = await takeLimits(context, limitKeys(context, invoiceId, ip));
    if ("retryAfterMs" in counted) {
      logger.warn("checkout: too many failed attempts", { invoiceId, requestId });
      return {
        status: 429,
        body: errorBody("too_many_attempts", MESSAGES.tooManyAttempts),
        headers: { "Retry-After": String(Math.max(1, Math.ceil(counted.retryAfterMs / 1000))) },
      };
    }
    // The shop's own trouble gives the count back; unknown orders and cards keep it.
    const shopTrouble = async (answer: Answer): Promise<Answer> => {
      await giveBackAttempt(context, counted.taken);
      return answer;
    };

    let order: CheckoutOrder | null | undefined;
    try {
      order = await options.getOrder(invoiceId);
    } catch (error) {
      logger.error("checkout: getOrder threw", { invoiceId, error: errorMessage(error) });
      return shopTrouble(orderUnavailable());
    }
    if (order === null || order === undefined) return refuse(404, "unknown_order", MESSAGES.unknownInvoice);
    const orderCheck = checkOrder(order);
    if (!orderCheck.ok) {
      // The shop's own data is wrong (e.g. receipt lines that do not add up): nothing goes to the gateway.
      logger.error(`checkout: getOrder returned an order the kit cannot charge: ${orderCheck.problem}`, { invoiceId });
      return shopTrouble(orderUnavailable());
    }
    if (checked.kind === "card" && checked.body.scheme !== undefined && checked.body.scheme !== (order.scheme ?? "charge")) {
      logger.info?.("checkout: the browser asked for another scheme than the order's; the order's is used", { invoiceId });
    }

    let customer: CheckoutCustomer | null;
    try {
      customer = await context.customerOf(input.request);
    } catch (error) {
      logger.error("checkout: getCustomer threw", { invoiceId, error: errorMessage(error) });
      return shopTrouble(orderUnavailable());
    }

    let attemptRequest: AttemptRequest;
    if (checked.kind === "saved") {
      // Only the logged-in customer's own card: anyone else's id is as unknown as a made-up one.
      const card = customer === null ? null : await context.savedCards.get(customer.id, checked.body.savedCardId).catch((error: unknown) => {
        logger.error("checkout: the saved-card store failed", { invoiceId, error: errorMessage(error) });
        return undefined;
      });
      if (card === undefined) return shopTrouble(refuse(503, "gateway_unavailable", MESSAGES.gatewayUnavailable));
      if (card === null || card.gateway !== context.gateway.name) return refuse(404, "unknown_saved_card", MESSAGES.unknownSavedCard);
      attemptRequest = {
        kind: "saved",
        card,
        initiator: "shopper",
        ...(checked.body.email !== undefined && { email: checked.body.email }),
        ...(checked.body.language !== undefined && { language: checked.body.language }),
      };
    } else if (checked.kind === "card") {
      attemptRequest = { kind: "card", body: checked.body };
    } else {
      attemptRequest = { kind: "hosted", body: checked.body };
    }
    if (checked.kind !== "saved" && checked.body.saveCard === true && customer === null) {
      logger.info?.("checkout: saveCard asked by a guest; ignored", { invoiceId });
    }

    return runAttempt({
      request: attemptRequest,
      attempt: input.attempt,
      requestId,
      order,
      lines: orderCheck.lines,
      ip,
      customer,
      stage: "pay",
      counted: counted.taken,
    });
  }

  function attemptOnce(input: PayInput, keyed: boolean): Promise<Answer> {
    if (!keyed) return attemptPayment(input);
    const key = input.attempt.attemptId;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const answer = attemptPayment(input);
    inFlight.set(key, answer);
    // then(f, f), not finally: a rejection is the caller's to handle, not an unhandled one here.
    const forget = () => inFlight.delete(key);
    void answer.then(forget, forget);
    return answer;
  }

  return async function pay(request: Request): Promise<Response> {
    const origin = checkOrigin(request, context.allowedOrigins);
    const refuse = (status: number, code: Parameters<typeof errorBody>[0], message: string, headers: Record<string, string> = {}) =>
      jsonResponse(errorBody(code, message), status, headers);
    if (request.method === "OPTIONS") {
      if (origin.kind !== "allowed") return refuse(403, "origin_refused", MESSAGES.originRefused);
      return new Response(null, { status: 204, headers: preflightHeaders(origin.origin) });
    }
    if (origin.kind === "refused") return refuse(403, "origin_refused", MESSAGES.originRefused);
    const cors = origin.kind === "allowed" ? corsHeaders(origin.origin) : {};
    if (request.method !== "POST") {
      return refuse(405, "bad_request", MESSAGES.methodNotAllowed, { ...cors, Allow: "POST, OPTIONS" });
    }

    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/json") return refuse(415, "bad_request", MESSAGES.contentType, cors);

    const requestIdCheck = checkRequestId(request);
    if (!requestIdCheck.ok) return refuse(400, "bad_request", requestIdCheck.message, cors);
    const { requestId } = requestIdCheck;

    const read = await readLimitedBody(request, PAY_BODY_LIMIT);
    if (!read.ok) {
      return read.reason === "too_large"
        ? refuse(413, "bad_request", MESSAGES.bodyTooLarge, cors)
        : refuse(400, "bad_request", MESSAGES.bodyUnreadable, cors);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch {
      return refuse(400, "bad_request", MESSAGES.invalidJson, cors);
    }
    const checked = checkPayBody(parsed);
    if (!checked.ok) return refuse(400, "bad_request", checked.message, cors);
    if (!supports(context, checked)) {
      // A cryptogram-only shop keeps its old answer for a body without one.
      if (checked.kind === "hosted" && context.gateway.cryptogram !== undefined) return refuse(400, "bad_request", "cryptogram is required", cors);
      return refuse(400, "unsupported_payment", MESSAGES.unsupported, cors);
    }
    const { invoiceId } = checked.body;

    const ip = context.clientIp(request);
    if (ip === undefined) {
      logger.error("checkout: " + MESSAGES.notRouted, { invoiceId });
      // The merchant's setup, not the order: the shopper gets the generic "try again later".
      return refuse(500, "gateway_unavailable", MESSAGES.gatewayUnavailable, cors);
    }

    // The attempt's name in the store and at the gateway: the X-Request-ID scoped to the invoice,
    // hashed, so a URL or a log that shows it cannot be replayed as the widget's header.
    const attemptId = requestId === undefined ? `cw-once-${crypto.randomUUID()}` : await gatewayRequestId(invoiceId, requestId);
    const input: PayInput = { request, checked, ip, requestId, attempt: { invoiceId, attemptId } };

    let answer: Answer;
    try {
      answer = await attemptOnce(input, requestId !== undefined);
    } catch (error) {
      // Without the store nothing guards the order: refuse to pay rather than pay unguarded.
      if (!(error instanceof AttemptStoreError)) throw error;
      logger.error("checkout: attempt store unavailable", { invoiceId, error: String(error.cause) });
      answer = { status: 503, body: errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable) };
    }
    const headers: Record<string, string> = { ...cors, ...answer.headers };
    if (answer.headers?.["Retry-After"] !== undefined && origin.kind === "allowed") {
      headers["Access-Control-Expose-Headers"] = "Retry-After";
    }
    return jsonResponse(answer.body, answer.status, headers);
  };
}
