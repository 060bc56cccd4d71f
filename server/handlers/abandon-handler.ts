// `POST {endpoint}/pay/abandon` (contract version 3): the widget says its shopper left the 3-D
// Secure dialog. The browser's word decides nothing: the kit acts only on this order's open
// challenge of that transaction, asks the gateway about it (once per transaction), and only when
// the gateway still awaits the bank's answer does it free the order and report the challenge
// abandoned. A return of that challenge that comes later still completes it, as before: nothing
// here can lose a success or pay twice, it only makes the order's state follow sooner.
import type { AbandonAnswer, AbandonError, AbandonRequestBody, PayAbandoned, PaymentId } from "../contract.ts";
import { isRecord } from "../is-record.ts";
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder } from "./options.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { errorBody, jsonResponse } from "./responses.ts";
import { referenceOf, settleUnattended, settleUnpaid, type AttemptKey } from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";
import { parseTransactionId } from "./term-url-binding.ts";
import { toDeclined } from "./to-pay-response.ts";

/** Two short fields. */
export const ABANDON_BODY_LIMIT = 1024;

const PRINTABLE = /^[^\p{Cc}\p{Cs}]{1,100}$/u;

interface Answer {
  status: number;
  body: AbandonAnswer;
}

const refused = (status: number, code: AbandonError["code"], message: string): Answer => ({ status, body: { status: "error", code, message } });

/** The body, or what is wrong with it (never echoing a value). */
export function checkAbandonBody(value: unknown): { ok: true; body: AbandonRequestBody } | { ok: false; message: string } {
  if (!isRecord(value)) return { ok: false, message: "Body must be a JSON object" };
  const { invoiceId, transactionId } = value;
  if (typeof invoiceId !== "string" || !PRINTABLE.test(invoiceId.trim())) return { ok: false, message: "invoiceId is required (at most 100 characters)" };
  const id: PaymentId | null =
    typeof transactionId === "number"
      ? parseTransactionId(String(transactionId))
      : typeof transactionId === "string" && PRINTABLE.test(transactionId)
        ? transactionId
        : null;
  if (id === null) return { ok: false, message: "transactionId is required" };
  return { ok: true, body: { invoiceId: invoiceId.trim(), transactionId: id } };
}

export function createAbandonHandler(context: HandlerContext): (request: Request) => Promise<Response> {
  const { options, gateway, logger, store, holds } = context;

  async function abandon({ invoiceId, transactionId }: AbandonRequestBody): Promise<Answer> {
    const reference = String(transactionId);
    const { hold, paid } = await store.read(invoiceId);
    if (paid !== null) return refused(409, "already_paid", MESSAGES.alreadyPaid);
    // Only the open challenge of this very transaction: another attempt's hold, this challenge's
    // completion already running (a `call`), or a gateway's own page are not the widget's to end.
    if (hold === null || hold.unresolved || hold.reference !== reference) return refused(404, "no_challenge", MESSAGES.noChallenge);
    if (hold.stage !== "challenge") return refused(409, "payment_in_progress", MESSAGES.inProgress);

    // One look at the gateway per transaction, whoever asks how often.
    const lookup = `3ds-abandon:${reference}`;
    if ((await store.takeAttempt(lookup, 1, holds.pendingMs)).kind !== "taken") return refused(409, "payment_in_progress", MESSAGES.inProgress);
    let state: Awaited<ReturnType<typeof gateway.findOutcome>>;
    try {
      state = await gateway.findOutcome(reference, context.callOptions());
    } catch (error) {
      logger.warn("checkout: gateway unavailable for an abandoned 3-D Secure challenge", { invoiceId, transactionId, error: error instanceof Error ? error.name : typeof error });
      // Nothing was decided: the next prompt may look again.
      await store.returnAttempt(lookup).catch(() => undefined);
      return refused(502, "gateway_unavailable", MESSAGES.gatewayUnavailable);
    }
    const holder: AttemptKey = { invoiceId, attemptId: hold.attemptId, lease: hold.lease };

    switch (state?.kind) {
      case "pending": {
        // The bank has not answered and only the kit can complete it: nothing can be charged
        // meanwhile. Only while the hold is still this challenge's (its return may have begun);
        // reported before the hold goes, so an approval of a return that follows is told after it.
        const now = await store.read(invoiceId);
        if (now.paid !== null || now.hold?.lease !== hold.lease) return refused(409, "payment_in_progress", MESSAGES.inProgress);
        const body: PayAbandoned<PaymentId> = { status: "abandoned", transactionId, message: MESSAGES.abandoned };
        logger.info?.("checkout: 3-D Secure abandoned; the order is open for payment", { invoiceId, transactionId });
        await context.reportOnce(`abandoned:${reference}`, { stage: "abandon", invoiceId, result: body });
        // Fenced by the lease: a return that claimed the order meanwhile keeps it.
        await settleUnpaid(context, holder);
        return { status: 200, body };
      }
      case "approved": {
        // Completed after all (the bank's page finished first): a success, recorded and reported.
        if (referenceOf(state.transaction) !== reference) return refused(502, "payment_unconfirmed", MESSAGES.gatewayMismatch);
        let order: CheckoutOrder | null | undefined;
        try {
          order = await options.getOrder(invoiceId);
        } catch {
          order = null;
        }
        // Without the order the kit cannot check the amount: the return or the notification settles it.
        if (order === null || order === undefined) return refused(500, "order_unavailable", MESSAGES.orderUnavailable);
        const settled = await settleUnattended(context, "abandon", holder, order, state.transaction);
        return { status: settled.answer.status, body: settled.answer.body as AbandonAnswer };
      }
      case "declined": {
        await settleUnpaid(context, holder);
        const body = toDeclined(state);
        await context.reportOnce(`declined:${reference}`, {
          stage: "abandon",
          invoiceId,
          result: body,
          ...(state.transaction && { gatewayModel: state.transaction.raw }),
        });
        return { status: 200, body };
      }
      default:
        // The gateway does not know it as a payment of ours: left to lapse, nobody is told.
        logger.warn("checkout: the gateway does not know an abandoned challenge's transaction", { invoiceId, transactionId });
        return refused(502, "payment_unconfirmed", MESSAGES.gatewayMismatch);
    }
  }

  return async function abandonHandler(request: Request): Promise<Response> {
    const origin = checkOrigin(request, context.allowedOrigins);
    if (request.method === "OPTIONS") {
      if (origin.kind !== "allowed") return jsonResponse(errorBody("origin_refused", MESSAGES.originRefused), 403);
      return new Response(null, { status: 204, headers: preflightHeaders(origin.origin) });
    }
    if (origin.kind === "refused") return jsonResponse(errorBody("origin_refused", MESSAGES.originRefused), 403);
    const cors = origin.kind === "allowed" ? corsHeaders(origin.origin) : {};
    const answer = (result: Answer) => jsonResponse(result.body, result.status, cors);
    if (request.method !== "POST") return jsonResponse(errorBody("bad_request", MESSAGES.methodNotAllowed), 405, { ...cors, Allow: "POST, OPTIONS" });
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/json") return answer(refused(415, "bad_request", MESSAGES.contentType));
    const read = await readLimitedBody(request, ABANDON_BODY_LIMIT);
    if (!read.ok) return answer(refused(read.reason === "too_large" ? 413 : 400, "bad_request", read.reason === "too_large" ? "Body too large (at most 1 KB)" : MESSAGES.bodyUnreadable));
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch {
      return answer(refused(400, "bad_request", MESSAGES.invalidJson));
    }
    const checked = checkAbandonBody(parsed);
    if (!checked.ok) return answer(refused(400, "bad_request", checked.message));
    try {
      return answer(await abandon(checked.body));
    } catch (error) {
      if (!(error instanceof AttemptStoreError)) throw error;
      logger.error("checkout: attempt store unavailable for an abandoned challenge", { invoiceId: checked.body.invoiceId });
      return answer(refused(503, "gateway_unavailable", MESSAGES.gatewayUnavailable));
    }
  };
}
