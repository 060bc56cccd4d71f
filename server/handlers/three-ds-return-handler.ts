// `POST {termUrl}?tx=…&inv=…&att=…&exp=…&sig=…` from the ACS (form fields MD, PaRes): only for a
// challenge the kit issued; looks the order up first, completes (post3ds) at most once per
// transaction and only while no other payment paid the order, then tells the widget.
// `GET {termUrl}?ret=…&inv=…&att=…&exp=…&sig=…`: the shopper back from a gateway's own page
// (gateway-return.ts). `GET {termUrl}?script=1` serves the pages' script.
import { GatewayError } from "../client/index.ts";
import type { PaymentId, ThreeDsOutcome } from "../contract.ts";
import type { GatewayPayOutcome } from "../gateway/index.ts";
import { saveCardFrom } from "./card-saving.ts";
import { limitKeyOfIp } from "./client-ip.ts";
import { createGatewayReturn } from "./gateway-return.ts";
import { isReturnRequest } from "./return-binding.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder, CheckoutResultEvent } from "./options.ts";
import { OutcomeCache } from "./outcome-cache.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { post3dsRequestId } from "./request-id.ts";
import { errorBody } from "./responses.ts";
import { RETURN_QUERY_VALID_MS, returnQuery, signedRedirectUrl } from "./return-query.ts";
import { claimOrResolve } from "./resolution.ts";
import {
  answerFromRecord,
  giveBackAttempt,
  holdForShopper,
  holdUnknown,
  limitKeys,
  mayHavePaid,
  paidReferenceOf,
  referenceOf,
  settleApproval,
  settleUnpaid,
  takeLimits,
  type AttemptKey,
  type LimitKey,
} from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";
import { parseTransactionId, readTermUrlBinding, type TermUrlBinding } from "./term-url-binding.ts";
import { RESULT_SCRIPT, SCRIPT_QUERY_PARAM, errorPage, pageSecurityHeaders, resultMessage, resultPage } from "./three-ds-page.ts";
import { toDeclined } from "./to-pay-response.ts";

// A PaRes is a few KB; the ACS form has two fields.
export const THREE_DS_BODY_LIMIT = 64 * 1024;
/** Returns of one transaction that may fail (forged or stale PaRes) before it is refused without a gateway call. */
export const MAX_FAILED_RETURNS = 5;

interface Recorded {
  result: ThreeDsOutcome<PaymentId>;
  /** Final outcomes are remembered and replayed; others may change on the next post. */
  final: boolean;
  /** What onResult hears, if anything. */
  event: CheckoutResultEvent | null;
}

export function htmlResponse(html: string, status: number, headers: Record<string, string>): Response {
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } });
}

export function createThreeDsReturnHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger, store, holds, limits } = context;
  const securityHeaders = pageSecurityHeaders(context.allowedOrigins);
  const gatewayReturn = createGatewayReturn(context);

  function badRequest(status: number, reason: string): Response {
    logger.warn("checkout: bad 3-D Secure return", { reason });
    return htmlResponse(errorPage(), status, securityHeaders);
  }

  async function complete(binding: TermUrlBinding, paRes: string, ip: string | undefined): Promise<Recorded> {
    const { invoiceId, attemptId, transactionId } = binding;
    const reference = String(transactionId);
    const event = (result: ThreeDsOutcome<PaymentId>, extra: Partial<CheckoutResultEvent> = {}): CheckoutResultEvent => ({
      stage: "threeDsReturn",
      invoiceId,
      result,
      ...extra,
    });
    const failed = (code: Parameters<typeof errorBody>[0], message: string, report = true): Recorded => {
      const result = errorBody(code, message);
      return { result, final: false, event: report ? event(result) : null };
    };

    let order: CheckoutOrder | null | undefined;
    try {
      order = await options.getOrder(invoiceId);
    } catch (error) {
      logger.error("checkout: getOrder threw", { invoiceId, error: error instanceof Error ? error.message : String(error) });
      return failed("order_unavailable", MESSAGES.orderUnavailable, false);
    }
    if (order === null || order === undefined) return failed("unknown_order", MESSAGES.unknownInvoice, false);
    const knownOrder = order;

    // Failed returns count per transaction and per address before any gateway call: one signed
    // TermUrl cannot drive unlimited post3ds calls, whatever PaRes each post brings.
    const keys: LimitKey[] = [{ key: `3ds-tx:${transactionId}`, limit: { max: MAX_FAILED_RETURNS, windowMs: holds.pendingMs } }];
    if (limits.perIp !== null && ip !== undefined) keys.push({ key: `ip:${limitKeyOfIp(ip)}`, limit: limits.perIp });
    let counted: Awaited<ReturnType<typeof takeLimits>>;
    try {
      counted = await takeLimits(context, keys);
    } catch (error) {
      if (!(error instanceof AttemptStoreError)) throw error;
      logger.error("checkout: attempt store unavailable for a 3-D Secure return", { invoiceId, transactionId });
      return failed("gateway_unavailable", MESSAGES.gatewayUnavailable);
    }
    if ("retryAfterMs" in counted) {
      logger.warn("checkout: too many failed 3-D Secure returns", { invoiceId, transactionId });
      return failed("too_many_attempts", MESSAGES.tooManyAttempts, false);
    }
    /** A final outcome is no failed return: its counts go back. */
    const settled = async (recorded: Recorded): Promise<Recorded> => {
      if (recorded.final) await giveBackAttempt(context, counted.taken);
      return recorded;
    };

    /** This very transaction paid the order: answer it from the gateway's record, never complete it again. */
    const replay = async (): Promise<Recorded> => {
      const found = await answerFromRecord(context, invoiceId, knownOrder, reference);
      if (found === null) return failed("payment_unconfirmed", MESSAGES.gatewayMismatch);
      return { result: found.approved, final: true, event: event(found.approved, { gatewayModel: found.gatewayModel }) };
    };
    /** Another payment paid the order: leave this one unfinished, so nothing more is charged. */
    const notCompleted = (paidReference: string | null): Recorded => {
      logger.warn("checkout: 3-D Secure return for an order another payment paid; not completed", { invoiceId, transactionId });
      const result = errorBody("already_paid", MESSAGES.alreadyPaid);
      return {
        result,
        final: true,
        event: event(result, {
          extraPayment: {
            reason: "duplicate",
            action: "not_completed",
            transactionId,
            ...(paidReference !== null && { paidReference }),
          },
        }),
      };
    };

    let lease: string;
    try {
      // The merchant's record first, then the store's: a paid order is never completed again.
      if (knownOrder.paidByRequestId !== undefined) {
        const paidReference = paidReferenceOf(knownOrder) ?? (await store.read(invoiceId)).paid?.reference ?? null;
        return await settled(paidReference === reference ? await replay() : notCompleted(paidReference));
      }
      const claim = await claimOrResolve(context, invoiceId, knownOrder, {
        attemptId,
        stage: "call",
        reference,
        ttlMs: holds.callMs,
        replaces: ["challenge"],
        // Its own challenge for this transaction, or another return of it already running (a
        // forged PaRes posted alongside): each completes with its own key, and the later claim's
        // lease fences the earlier one's hold changes. The pay route's retry passes neither.
        renews: ["challenge", "call"],
      });
      switch (claim.kind) {
        case "paid":
          return await settled(claim.paid.reference === reference ? await replay() : notCompleted(claim.paid.reference));
        case "held":
          return failed("payment_in_progress", MESSAGES.inProgress);
        case "unavailable":
          return failed("gateway_unavailable", MESSAGES.gatewayUnavailable);
        case "claimed":
          lease = claim.lease;
      }
    } catch (error) {
      if (!(error instanceof AttemptStoreError || error instanceof GatewayError)) throw error;
      logger.error("checkout: could not check the order before post3ds", { invoiceId, transactionId, error: error.name });
      return failed("gateway_unavailable", MESSAGES.gatewayUnavailable);
    }
    const attempt: AttemptKey = { invoiceId, attemptId, lease };

    const cryptogram = gateway.cryptogram;
    if (cryptogram === undefined) return failed("payment_rejected", MESSAGES.paymentRejected, false);
    let outcome: GatewayPayOutcome;
    try {
      // A fixed key per transaction and PaRes: if this instance forgot the outcome (restart,
      // eviction, another instance), the gateway itself answers the first result again.
      const requestId = await post3dsRequestId(transactionId, paRes);
      outcome = await cryptogram.completeThreeDs({ transactionId, paRes }, context.callOptions(requestId));
      if (outcome.kind === "invalid") {
        logger.warn("checkout: the gateway refused post3ds", { invoiceId, transactionId, gatewayMessage: outcome.message });
        // e.g. "PaRes already used": the transaction may be final all the same. Asked once per
        // transaction, only about the one this signed TermUrl names (findOutcome answers payments only).
        const once = await store.takeAttempt(`3ds-lookup:${transactionId}`, 1, holds.paidMs);
        if (once.kind === "taken") {
          const known = await gateway.findOutcome(reference, context.callOptions());
          if (known?.kind === "approved" || known?.kind === "declined") outcome = known;
        }
      }
    } catch (error) {
      logger.warn("checkout: gateway unavailable for post3ds", { invoiceId, transactionId, code: error instanceof GatewayError ? error.code : "unknown" });
      if (mayHavePaid(error)) await holdUnknown(context, attempt, reference);
      else await holdForShopper(context, attempt, "challenge", reference);
      return failed("gateway_unavailable", MESSAGES.gatewayUnavailable);
    }

    switch (outcome.kind) {
      case "approved": {
        const { transaction } = outcome;
        if (referenceOf(transaction) !== reference) {
          logger.error("checkout: post3ds answered another transaction", { invoiceId, transactionId });
          await holdUnknown(context, attempt, reference);
          return failed("payment_unconfirmed", MESSAGES.gatewayMismatch);
        }
        const approval = await settleApproval(context, attempt, knownOrder, transaction);
        const extra: Partial<CheckoutResultEvent> = { gatewayModel: transaction.raw, ...(approval.extraPayment && { extraPayment: approval.extraPayment }) };
        if (approval.answer.status === 200) {
          // Passed 3-D Secure: no failed attempt (the shopper's browser posts this, from its address).
          await giveBackAttempt(context, limitKeys(context, invoiceId, ip));
          // The signed TermUrl says the card is to be saved; the gateway's record says for whom.
          if (binding.save === true && transaction.accountId) {
            extra.customerId = transaction.accountId;
            const saved = await saveCardFrom(context, transaction.accountId, transaction);
            if (saved) extra.savedCard = saved;
          }
        }
        const result = approval.answer.body as ThreeDsOutcome<PaymentId>;
        return settled({ result, final: true, event: event(result, extra) });
      }
      case "declined": {
        await settleUnpaid(context, attempt);
        const result = toDeclined(outcome);
        return settled({ result, final: true, event: event(result, outcome.transaction ? { gatewayModel: outcome.transaction.raw } : {}) });
      }
      case "3ds":
      case "invalid":
        // Not completed (a forged or stale PaRes): the genuine return may still come.
        await holdForShopper(context, attempt, "challenge", reference);
        return failed("payment_rejected", MESSAGES.paymentRejected);
    }
  }

  // Final outcomes by transaction; calls in flight by transaction and PaRes, so that a
  // forged post cannot decide the answer to the genuine one.
  const finals = new OutcomeCache<Recorded>(options.replayCacheSize ?? 10_000);
  const inFlight = new Map<string, Promise<Recorded>>();

  async function outcomeFor(binding: TermUrlBinding, paRes: string, ip: string | undefined): Promise<ThreeDsOutcome<PaymentId>> {
    const { transactionId } = binding;
    const recorded = finals.get(transactionId);
    if (recorded) return recorded.result;
    const key = `${transactionId}\n${paRes}`;
    const running = inFlight.get(key);
    if (running) return (await running).result;
    const pending = complete(binding, paRes, ip);
    inFlight.set(key, pending);
    // then(f, f), not finally: a rejection is the caller's to handle, not an unhandled one here.
    const forget = () => inFlight.delete(key);
    void pending.then(forget, forget);
    const done = await pending;
    if (done.final) {
      if (finals.get(transactionId)) return done.result;
      finals.set(transactionId, done);
      logger.info?.("checkout: 3-D Secure return", { transactionId, status: done.result.status });
    }
    if (done.event) await context.report(done.event);
    return done.result;
  }

  return async function threeDsReturn(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "GET" && url.searchParams.has(SCRIPT_QUERY_PARAM)) {
      return new Response(RESULT_SCRIPT, {
        status: 200,
        headers: {
          "Content-Type": "text/javascript; charset=utf-8",
          "Cache-Control": "public, max-age=3600",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }
    if (request.method === "GET" && isReturnRequest(url.searchParams)) return gatewayReturn(request, url);
    if (request.method !== "POST") {
      return new Response(MESSAGES.methodNotAllowed, { status: 405, headers: { Allow: "GET, POST" } });
    }
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") return badRequest(415, "content type");

    const read = await readLimitedBody(request, THREE_DS_BODY_LIMIT);
    if (!read.ok) return badRequest(read.reason === "too_large" ? 413 : 400, read.reason);
    const form = new URLSearchParams(read.text);
    const transactionId = parseTransactionId(form.get("MD"));
    const paRes = form.get("PaRes");
    if (transactionId === null) return badRequest(400, "MD");
    if (!paRes) return badRequest(400, "PaRes");
    // Only a challenge this kit issued (signed, unexpired), and only for its own transaction.
    const binding = await readTermUrlBinding(request.url, context.signer, Date.now());
    if (binding === null) return badRequest(400, "TermUrl not signed by this shop, or expired");
    if (binding.transactionId !== transactionId) return badRequest(400, "MD does not match TermUrl");

    const result = await outcomeFor(binding, paRes, context.clientIp(request));
    const fields = {
      expiresAt: Math.ceil((Date.now() + (options.returnQuery?.validForMs ?? RETURN_QUERY_VALID_MS)) / 1000),
      cardLastFour: options.returnQuery?.cardLastFour === true,
    };
    const redirect = await signedRedirectUrl(options.returnUrl, returnQuery(transactionId, binding.invoiceId, result, fields), context.signer);

    // Top-level navigation (Sec-Fetch-Dest: document): redirect now. Framed or unknown:
    // the page's script posts to the parent, or redirects when it finds itself on top.
    if (request.headers.get("sec-fetch-dest") === "document") {
      return new Response(null, { status: 303, headers: { Location: redirect, "Cache-Control": "no-store" } });
    }
    return htmlResponse(resultPage(resultMessage(transactionId, result), context.allowedOrigins, redirect), 200, securityHeaders);
  };
}
