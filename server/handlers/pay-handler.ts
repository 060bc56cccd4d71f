// `POST {endpoint}/pay`: validate, look the order up, claim the invoice, call the gateway,
// settle the claim, answer the contract.
import { GatewayError, GatewayTransportError } from "../client/index.ts";
import type { PayRequestBody } from "../contract.ts";
import type { GatewayPayOutcome } from "../gateway/index.ts";
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder, CheckoutResultEvent } from "./options.ts";
import { checkPayBody } from "./pay-body.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { checkRequestId, gatewayRequestId } from "./request-id.ts";
import { errorBody, jsonResponse } from "./responses.ts";
import { claimOrResolve } from "./resolution.ts";
import {
  answerFromRecord,
  giveBackAttempt,
  holdForShopper,
  holdUnknown,
  limitKeys,
  mayHavePaid,
  paidReferenceOf,
  settleApproval,
  settleUnpaid,
  takeLimits,
  type Answer,
  type AttemptKey,
} from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";
import { bindTermUrl } from "./term-url-binding.ts";
import { toDeclined, toThreeDs } from "./to-pay-response.ts";

export const PAY_BODY_LIMIT = 16 * 1024;

function isValidOrder(order: CheckoutOrder): boolean {
  return (
    typeof order.amount === "number" &&
    Number.isFinite(order.amount) &&
    order.amount > 0 &&
    typeof order.currency === "string" &&
    /^[A-Z]{3}$/.test(order.currency)
  );
}

function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof GatewayTransportError) {
    return { code: error.code, reason: error.reason, mayHaveReachedGateway: error.mayHaveReachedGateway };
  }
  if (error instanceof GatewayError) return { code: error.code, error: error.message };
  return { error: error instanceof Error ? error.name : typeof error };
}

const unavailable = (): Answer => ({ status: 502, body: errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable) });
const alreadyPaid = (): Answer => ({ status: 409, body: errorBody("already_paid", MESSAGES.alreadyPaid) });
const inProgress = (): Answer => ({ status: 409, body: errorBody("payment_in_progress", MESSAGES.inProgress) });
const orderUnavailable = (): Answer => ({ status: 500, body: errorBody("order_unavailable", MESSAGES.orderUnavailable) });

interface PayInput {
  body: PayRequestBody;
  ip: string;
  requestId: string | undefined;
  attempt: { invoiceId: string; attemptId: string };
}

export function createPayHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger, store, holds } = context;
  // Concurrent duplicates of one attempt on this instance share one pass.
  const inFlight = new Map<string, Promise<Answer>>();

  function event(input: PayInput, answer: Answer, extra: Partial<CheckoutResultEvent> = {}): CheckoutResultEvent {
    return {
      stage: "pay",
      invoiceId: input.attempt.invoiceId,
      ...(input.requestId !== undefined && { requestId: input.requestId }),
      result: answer.body,
      ...extra,
    };
  }

  /** The paying attempt asks again: answer from the gateway's record of its payment, never pay again. */
  async function replayPayment(input: PayInput, order: CheckoutOrder, reference: string | null): Promise<Answer> {
    if (reference === null) return alreadyPaid();
    let found: Awaited<ReturnType<typeof answerFromRecord>>;
    try {
      found = await answerFromRecord(context, input.attempt.invoiceId, order, reference);
    } catch (error) {
      logger.warn("checkout: gateway unavailable for a paid order's record", { invoiceId: input.attempt.invoiceId, ...describeFailure(error) });
      return unavailable();
    }
    if (found === null) return alreadyPaid();
    const answer: Answer = { status: 200, body: found.approved };
    await context.report(event(input, answer, { gatewayModel: found.gatewayModel }));
    return answer;
  }

  async function loadOrder(invoiceId: string): Promise<CheckoutOrder | null | "failed"> {
    let order: CheckoutOrder | null | undefined;
    try {
      order = await options.getOrder(invoiceId);
    } catch (error) {
      logger.error("checkout: getOrder threw", { invoiceId, error: error instanceof Error ? error.message : String(error) });
      return "failed";
    }
    if (order === null || order === undefined) return null;
    if (!isValidOrder(order)) {
      logger.error("checkout: getOrder returned an order without a positive amount and ISO currency", { invoiceId });
      return "failed";
    }
    return order;
  }

  async function attemptPayment(input: PayInput): Promise<Answer> {
    const { requestId } = input;
    const { invoiceId, attemptId } = input.attempt;

    // The limits come before anything about the order is told: a stranger probing invoices
    // (unknown? paid?) spends an attempt on each, from their address.
    const counted = await takeLimits(context, limitKeys(context, invoiceId, input.ip));
    if ("retryAfterMs" in counted) {
      logger.warn("checkout: too many failed attempts", { invoiceId, requestId });
      return {
        status: 429,
        body: errorBody("too_many_attempts", MESSAGES.tooManyAttempts),
        headers: { "Retry-After": String(Math.max(1, Math.ceil(counted.retryAfterMs / 1000))) },
      };
    }
    // Approvals and the shop's own trouble give the count back; declines, refusals, unknown
    // orders and 3-D Secure challenges keep it (the return gives it back when the shopper passes).
    const giveBack = () => giveBackAttempt(context, counted.taken);

    const order = await loadOrder(invoiceId);
    if (order === "failed") {
      await giveBack();
      return orderUnavailable();
    }
    if (order === null) return { status: 404, body: errorBody("unknown_order", MESSAGES.unknownInvoice) };
    if (input.body.scheme !== undefined && input.body.scheme !== (order.scheme ?? "charge")) {
      logger.info?.("checkout: the browser asked for another scheme than the order's; the order's is used", { invoiceId });
    }

    // The merchant's record first: a paid order is never paid again.
    if (order.paidByRequestId !== undefined) {
      const recorded = (await store.read(invoiceId)).paid;
      // null: the merchant did not note which attempt paid; the store may still know.
      const mine = order.paidByRequestId === null ? recorded?.attemptId === attemptId : order.paidByRequestId === requestId;
      if (!mine) return alreadyPaid();
      await giveBack();
      return replayPayment(input, order, paidReferenceOf(order) ?? recorded?.reference ?? null);
    }

    const claim = await claimOrResolve(context, invoiceId, order, {
      attemptId,
      stage: "call",
      ttlMs: holds.callMs,
      // A 3-D Secure page nobody finishes must not lock the order: its return checks the store again.
      replaces: ["challenge"],
      // Its own retry passes only a call whose outcome is not known yet (the gateway's idempotency
      // answers it), never its open challenge or its 3-D Secure completion.
      renews: ["call"],
    });
    if (claim.kind !== "claimed") {
      await giveBack();
      switch (claim.kind) {
        case "paid":
          return claim.paid.attemptId === attemptId ? replayPayment(input, order, claim.paid.reference) : alreadyPaid();
        case "unavailable":
          return unavailable();
        case "held":
          logger.info?.("checkout: another attempt holds the order", { invoiceId, requestId, stage: claim.hold.stage });
          return inProgress();
      }
    }
    const attempt: AttemptKey = { invoiceId, attemptId, lease: claim.lease };

    let outcome: GatewayPayOutcome;
    try {
      outcome = await gateway.pay(
        {
          scheme: order.scheme ?? "charge",
          amount: order.amount,
          currency: order.currency,
          invoiceId,
          cryptogram: input.body.cryptogram,
          name: input.body.name,
          ipAddress: input.ip,
          ...(order.description !== undefined && { description: order.description }),
          // The account a saved card belongs to is the merchant's word, never the browser's.
          ...(order.accountId !== undefined && { accountId: order.accountId }),
          ...((order.email ?? input.body.email) !== undefined && { email: order.email ?? input.body.email }),
          ...(input.body.saveCard === true && { saveCard: true }),
        },
        context.callOptions(attemptId),
      );
    } catch (error) {
      logger.warn("checkout: gateway unavailable", { invoiceId, requestId, ...describeFailure(error) });
      if (mayHavePaid(error)) await holdUnknown(context, attempt, null);
      else await settleUnpaid(context, attempt);
      await giveBack();
      const answer = unavailable();
      await context.report(event(input, answer));
      return answer;
    }

    let answer: Answer;
    let extra: Partial<CheckoutResultEvent> = {};
    switch (outcome.kind) {
      case "approved": {
        const settled = await settleApproval(context, attempt, order, outcome.transaction);
        answer = settled.answer;
        extra = { gatewayModel: outcome.transaction.raw, ...(settled.extraPayment && { extraPayment: settled.extraPayment }) };
        if (answer.status === 200) await giveBack();
        break;
      }
      case "declined":
        await settleUnpaid(context, attempt);
        answer = { status: 200, body: toDeclined(outcome) };
        if (outcome.transaction) extra = { gatewayModel: outcome.transaction.raw };
        break;
      case "3ds": {
        await holdForShopper(context, attempt, "challenge", String(outcome.transactionId));
        const termUrl = await bindTermUrl(
          options.termUrl,
          {
            transactionId: outcome.transactionId,
            invoiceId,
            attemptId,
            // A little longer than the hold: the return checks the store, not the clock, for what is paid.
            expiresAt: Math.ceil((Date.now() + holds.pendingMs) / 1000) + 300,
          },
          context.signer,
        );
        answer = { status: 200, body: toThreeDs(outcome, termUrl) };
        break;
      }
      case "invalid":
        await settleUnpaid(context, attempt);
        // The gateway's words may help the shop, never a prober: logged, not answered.
        logger.warn("checkout: the gateway refused the payment request", { invoiceId, requestId, gatewayMessage: outcome.message });
        answer = { status: 400, body: errorBody("payment_rejected", MESSAGES.paymentRejected) };
        break;
    }
    logger.info?.("checkout: pay", { invoiceId, requestId, status: answer.body.status });
    await context.report(event(input, answer, extra));
    return answer;
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
    const { body } = checked;

    const ip = context.clientIp(request);
    if (ip === undefined) {
      logger.error("checkout: " + MESSAGES.notRouted, { invoiceId: body.invoiceId });
      // The merchant's setup, not the order: the shopper gets the generic "try again later".
      return refuse(500, "gateway_unavailable", MESSAGES.gatewayUnavailable, cors);
    }

    // The attempt's name in the store and at the gateway: the X-Request-ID scoped to the invoice,
    // hashed, so a URL or a log that shows it cannot be replayed as the widget's header.
    const attemptId =
      requestId === undefined ? `cw-once-${crypto.randomUUID()}` : await gatewayRequestId(body.invoiceId, requestId);
    const input: PayInput = { body, ip, requestId, attempt: { invoiceId: body.invoiceId, attemptId } };

    let answer: Answer;
    try {
      answer = await attemptOnce(input, requestId !== undefined);
    } catch (error) {
      // Without the store nothing guards the order: refuse to pay rather than pay unguarded.
      if (!(error instanceof AttemptStoreError)) throw error;
      logger.error("checkout: attempt store unavailable", { invoiceId: body.invoiceId, error: String(error.cause) });
      answer = { status: 503, body: errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable) };
    }
    const headers: Record<string, string> = { ...cors, ...answer.headers };
    if (answer.headers?.["Retry-After"] !== undefined && origin.kind === "allowed") {
      headers["Access-Control-Expose-Headers"] = "Retry-After";
    }
    return jsonResponse(answer.body, answer.status, headers);
  };
}
