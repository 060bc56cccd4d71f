// `POST {endpoint}/pay`: validate, look the order up, call the gateway, answer the contract.
import { GatewayError, GatewayTransportError } from "../client/index.ts";
import type { PayRequestBody, PayResponse } from "../contract.ts";
import type { GatewayPayOutcome } from "../gateway/index.ts";
import { clientIpOf } from "./client-ip.ts";
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder } from "./options.ts";
import { checkPayBody } from "./pay-body.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { checkRequestId, gatewayRequestId } from "./request-id.ts";
import { errorResponse, jsonResponse } from "./responses.ts";
import { toApproved, toDeclined, toThreeDs } from "./to-pay-response.ts";

export const PAY_BODY_LIMIT = 16 * 1024;

interface Answer {
  status: number;
  body: PayResponse;
}

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

export function createPayHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger } = context;
  // Concurrent duplicates of one attempt share one gateway call.
  const inFlight = new Map<string, Promise<Answer>>();

  async function charge(body: PayRequestBody, order: CheckoutOrder, ip: string, requestId: string | undefined) {
    const key = requestId === undefined ? undefined : await gatewayRequestId(body.invoiceId, requestId);
    if (key !== undefined) {
      const pending = inFlight.get(key);
      if (pending) return pending;
    }
    const answer = callGateway(body, order, ip, requestId, key);
    if (key !== undefined) {
      inFlight.set(key, answer);
      // then(f, f), not finally: a rejection is the caller's to handle, not an unhandled one here.
      const forget = () => inFlight.delete(key);
      void answer.then(forget, forget);
    }
    return answer;
  }

  async function callGateway(
    body: PayRequestBody,
    order: CheckoutOrder,
    ip: string,
    requestId: string | undefined,
    key: string | undefined,
  ): Promise<Answer> {
    const invoiceId = body.invoiceId;
    const logFields = { invoiceId, requestId };
    const email = order.email ?? body.email;
    let outcome: GatewayPayOutcome;
    try {
      outcome = await gateway.pay(
        {
          scheme: order.scheme ?? body.scheme ?? "charge",
          amount: order.amount,
          currency: order.currency,
          invoiceId,
          cryptogram: body.cryptogram,
          name: body.name,
          ipAddress: ip,
          ...(order.description !== undefined && { description: order.description }),
          // The account a saved card belongs to is the merchant's word, never the browser's.
          ...(order.accountId !== undefined && { accountId: order.accountId }),
          ...(email !== undefined && { email }),
          ...(body.saveCard === true && { saveCard: true }),
        },
        key === undefined ? {} : { requestId: key },
      );
    } catch (error) {
      logger.warn("checkout: gateway unavailable", { ...logFields, ...describeFailure(error) });
      const answer: Answer = { status: 502, body: { status: "error", message: MESSAGES.gatewayUnavailable } };
      await context.report({ stage: "pay", invoiceId, ...(requestId !== undefined && { requestId }), result: answer.body });
      return answer;
    }

    let answer: Answer;
    let gatewayModel: unknown;
    switch (outcome.kind) {
      case "approved": {
        const { transaction } = outcome;
        gatewayModel = transaction.raw;
        const matches =
          (transaction.invoiceId === null || transaction.invoiceId === invoiceId) &&
          transaction.amount === order.amount &&
          transaction.currency === order.currency;
        if (!matches) {
          logger.error("checkout: gateway approval does not match the order", {
            ...logFields,
            transactionId: transaction.transactionId,
          });
          answer = { status: 502, body: { status: "error", message: MESSAGES.gatewayMismatch } };
        } else {
          answer = { status: 200, body: toApproved(transaction) };
        }
        break;
      }
      case "declined":
        gatewayModel = outcome.transaction?.raw;
        answer = { status: 200, body: toDeclined(outcome) };
        break;
      case "3ds":
        answer = { status: 200, body: toThreeDs(outcome, options.termUrl) };
        break;
      case "invalid":
        answer = { status: 400, body: { status: "error", message: outcome.message } };
        break;
    }
    logger.info?.("checkout: pay", { ...logFields, status: answer.body.status });
    await context.report({
      stage: "pay",
      invoiceId,
      ...(requestId !== undefined && { requestId }),
      result: answer.body,
      ...(gatewayModel !== undefined && { gatewayModel }),
    });
    return answer;
  }

  return async function pay(request: Request): Promise<Response> {
    const origin = checkOrigin(request, context.allowedOrigins);
    if (request.method === "OPTIONS") {
      if (origin.kind !== "allowed") return errorResponse(403, MESSAGES.originRefused);
      return new Response(null, { status: 204, headers: preflightHeaders(origin.origin) });
    }
    if (origin.kind === "refused") return errorResponse(403, MESSAGES.originRefused);
    const cors = origin.kind === "allowed" ? corsHeaders(origin.origin) : {};
    if (request.method !== "POST") {
      return errorResponse(405, MESSAGES.methodNotAllowed, { ...cors, Allow: "POST, OPTIONS" });
    }

    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/json") return errorResponse(415, MESSAGES.contentType, cors);

    const requestIdCheck = checkRequestId(request);
    if (!requestIdCheck.ok) return errorResponse(400, requestIdCheck.message, cors);
    const { requestId } = requestIdCheck;

    const read = await readLimitedBody(request, PAY_BODY_LIMIT);
    if (!read.ok) {
      return read.reason === "too_large"
        ? errorResponse(413, MESSAGES.bodyTooLarge, cors)
        : errorResponse(400, MESSAGES.bodyUnreadable, cors);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch {
      return errorResponse(400, MESSAGES.invalidJson, cors);
    }
    const checked = checkPayBody(parsed);
    if (!checked.ok) return errorResponse(400, checked.message, cors);
    const { body } = checked;

    let order: CheckoutOrder | null | undefined;
    try {
      order = await options.getOrder(body.invoiceId);
    } catch (error) {
      logger.error("checkout: getOrder threw", {
        invoiceId: body.invoiceId,
        error: error instanceof Error ? error.message : String(error),
      });
      return errorResponse(500, MESSAGES.orderUnavailable, cors);
    }
    if (order === null || order === undefined) return errorResponse(404, MESSAGES.unknownInvoice, cors);
    if (!isValidOrder(order)) {
      logger.error("checkout: getOrder returned an order without a positive amount and ISO currency", {
        invoiceId: body.invoiceId,
      });
      return errorResponse(500, MESSAGES.orderUnavailable, cors);
    }

    const paidBy = order.paidByRequestId;
    if (paidBy !== undefined && (paidBy === null || paidBy !== requestId)) {
      return errorResponse(409, MESSAGES.alreadyPaid, cors);
    }

    const ip = clientIpOf(request, options.trustedProxyHeader, options.getClientIp);
    if (ip === undefined) {
      logger.error("checkout: " + MESSAGES.notRouted, { invoiceId: body.invoiceId });
      // The merchant's setup, not the order: the shopper gets the generic "try again later".
      return errorResponse(500, MESSAGES.gatewayUnavailable, cors);
    }

    const answer = await charge(body, order, ip, requestId);
    return jsonResponse(answer.body, answer.status, cors);
  };
}
