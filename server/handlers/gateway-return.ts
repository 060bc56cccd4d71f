// `GET {termUrl}?ret=…&inv=…&att=…&exp=…&sig=…`: the shopper back from the gateway's own page
// (Invoice's success_url / fail_url, RBS's returnUrl / failUrl, RBS's 3-D Secure of a saved
// card). Only a URL the kit signed is served. What was paid is read from the gateway
// (GetPayment, getOrderStatusExtended.do), never from the URL, checked against the order and the
// attempt, settled in the store and reported once; then the widget hears it as the 3-D Secure
// return tells it: a message to the framing page, or a 303 to returnUrl at top level.
import type { HostedOutcome, ThreeDsOutcome } from "../contract.ts";
import type { GatewayPaymentState } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import { decodeHostedHold, ownsPayment } from "./hosted-hold.ts";
import { settleGatewayState } from "./hosted-settlement.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder } from "./options.ts";
import { errorBody } from "./responses.ts";
import { readReturnBinding, type ReturnBinding } from "./return-binding.ts";
import { RETURN_QUERY_VALID_MS, returnQuery, signedRedirectUrl } from "./return-query.ts";
import type { AttemptKey } from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";
import { errorPage, hostedResultMessage, pageSecurityHeaders, resultMessage, resultPage } from "./three-ds-page.ts";

function html(body: string, status: number, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
}

/** The 3-D Secure dialog knows approved, declined and error only: a payment left unfinished there is an error. */
function asThreeDsOutcome(outcome: HostedOutcome): ThreeDsOutcome<string | number> {
  return outcome.status === "cancelled" ? errorBody("payment_unconfirmed", MESSAGES.cancelled) : outcome;
}

export function createGatewayReturn(context: HandlerContext): (request: Request, url: URL) => Promise<Response> {
  const { options, gateway, logger, store } = context;
  const securityHeaders = pageSecurityHeaders(context.allowedOrigins);

  /** The gateway's id of the attempt's payment: the store's hold or paid record, else the gateway's own lookup. */
  async function referenceOf(binding: ReturnBinding, query: URLSearchParams): Promise<string | null> {
    const { hold, paid } = await store.read(binding.invoiceId);
    if (hold !== null && hold.attemptId === binding.attemptId) {
      const held = decodeHostedHold(hold.reference);
      if (held !== null) return held.id;
    }
    if (paid !== null && paid.attemptId === binding.attemptId) return paid.reference;
    return gateway.hosted ? gateway.hosted.locate({ invoiceId: binding.invoiceId, attemptId: binding.attemptId, query }) : null;
  }

  async function outcomeFor(binding: ReturnBinding, request: Request, query: URLSearchParams): Promise<{ outcome: HostedOutcome; reference: string | null }> {
    const attempt: AttemptKey = { invoiceId: binding.invoiceId, attemptId: binding.attemptId, lease: null };
    let order: CheckoutOrder | null | undefined;
    try {
      order = await options.getOrder(binding.invoiceId);
    } catch (error) {
      logger.error("checkout: getOrder threw", { invoiceId: binding.invoiceId, error: error instanceof Error ? error.message : String(error) });
      return { outcome: errorBody("order_unavailable", MESSAGES.orderUnavailable), reference: null };
    }
    if (order === null || order === undefined) return { outcome: errorBody("unknown_order", MESSAGES.unknownInvoice), reference: null };

    let reference: string | null;
    let state: GatewayPaymentState | null;
    try {
      reference = await referenceOf(binding, query);
      state = reference === null ? null : await gateway.findOutcome(reference, context.callOptions());
    } catch (error) {
      logger.warn("checkout: could not read a returning shopper's payment", {
        invoiceId: binding.invoiceId,
        error: error instanceof AttemptStoreError ? "attempt store" : error instanceof Error ? error.name : typeof error,
      });
      return { outcome: errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable), reference: null };
    }
    // Only this attempt's own payment, by the gateway's record of the kit's tags: an id in the URL proves nothing.
    if (reference === null || state === null || !ownsPayment(state.tags, attempt)) {
      logger.warn("checkout: a return names no payment of its attempt", { invoiceId: binding.invoiceId, known: state !== null });
      return { outcome: errorBody("payment_unconfirmed", MESSAGES.gatewayMismatch), reference: null };
    }
    const ip = context.clientIp(request);
    const outcome = await settleGatewayState(context, {
      attempt,
      order,
      reference,
      state,
      stage: "hostedReturn",
      ...(ip !== undefined && { ip }),
    });
    logger.info?.("checkout: return from the gateway's page", { invoiceId: binding.invoiceId, status: outcome.status });
    return { outcome, reference };
  }

  return async function gatewayReturn(request: Request, url: URL): Promise<Response> {
    const binding = await readReturnBinding(url.searchParams, context.signer, Date.now());
    if (binding === null) {
      logger.warn("checkout: bad return", { reason: "return URL not signed by this shop, or expired" });
      return html(errorPage(), 400, securityHeaders);
    }
    const { outcome, reference } = await outcomeFor(binding, request, url.searchParams);
    const paymentId = reference ?? "";
    const fields = {
      expiresAt: Math.ceil((Date.now() + (options.returnQuery?.validForMs ?? RETURN_QUERY_VALID_MS)) / 1000),
      cardLastFour: options.returnQuery?.cardLastFour === true,
    };
    const redirect = await signedRedirectUrl(options.returnUrl, returnQuery(paymentId, binding.invoiceId, outcome, fields), context.signer);
    if (request.headers.get("sec-fetch-dest") === "document") {
      return new Response(null, { status: 303, headers: { Location: redirect, "Cache-Control": "no-store" } });
    }
    const message = binding.flow === "3ds" ? resultMessage(paymentId, asThreeDsOutcome(outcome)) : hostedResultMessage(paymentId, outcome);
    return html(resultPage(message, context.allowedOrigins, redirect), 200, securityHeaders);
  };
}
