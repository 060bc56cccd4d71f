// CloudPayments notifications (`POST {your address}` per type: Pay, Fail, Confirm, Refund,
// Cancel): verified by Content-HMAC over the raw body with the API Secret, then settled in the
// attempt store like the pay route's own answers. So a success is recorded even when its answer
// never reached the kit and the shopper never came back; a second approval for a paid order is
// undone at once. Answers `{"code":0}` once settled; anything else makes the gateway retry.
import type { CloudPaymentsNotificationType, GatewayNotification, GatewayTransaction } from "../gateway/index.ts";
import { readCloudPaymentsNotification } from "../gateway/index.ts";
import type { PayDeclined } from "../contract.ts";
import type { HandlerContext } from "./handler-context.ts";
import type { CheckoutOrder } from "./options.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { paidReferenceOf, referenceOf, settleUnattended } from "./settlement.ts";
import { AttemptStoreError } from "./store-guard.ts";

/** A notification is a few KB of form fields. */
export const NOTIFICATION_BODY_LIMIT = 64 * 1024;

/** The gateway's codes: 0 accepted; 13 "cannot accept" (it retries). */
function answer(status: number, code: 0 | 13): Response {
  return new Response(JSON.stringify({ code }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/** Thrown when the notification cannot be settled now (getOrder or the store failed): the gateway retries. */
class RetryLater extends Error {}

async function orderFor(context: HandlerContext, invoiceId: string): Promise<CheckoutOrder | null> {
  try {
    return (await context.options.getOrder(invoiceId)) ?? null;
  } catch (error) {
    context.logger.error("checkout: getOrder threw for a notification", { invoiceId, error: error instanceof Error ? error.message : String(error) });
    throw new RetryLater();
  }
}

async function settleApproved(context: HandlerContext, transaction: GatewayTransaction): Promise<void> {
  const { logger, store } = context;
  const { invoiceId } = transaction;
  const reference = referenceOf(transaction);
  if (invoiceId === null) {
    logger.info?.("checkout: a payment notification without an invoice; nothing to settle", { transactionId: transaction.transactionId });
    return;
  }
  const order = await orderFor(context, invoiceId);
  if (order === null) {
    logger.warn("checkout: a payment notification for an invoice getOrder does not know", { invoiceId, transactionId: transaction.transactionId });
    return;
  }
  // The merchant's record may already name the payment (nothing new), or another one (a duplicate).
  const merchantPaid = order.paidByRequestId !== undefined ? paidReferenceOf(order) : null;
  if (merchantPaid === reference) return;
  const { hold } = await store.read(invoiceId);
  // The attempt whose payment this is: the one holding the invoice for this very transaction, or
  // holding a call whose answer has not come (or was lost). Its retry is then answered as paid.
  const ours = hold !== null && (hold.reference === reference || (hold.reference === null && hold.stage === "call"));
  const attempt = {
    invoiceId,
    attemptId: ours ? hold.attemptId : `cw-notified-${reference}`,
    lease: ours ? hold.lease : null,
  };
  if (merchantPaid !== null) {
    // Paid by another transaction the store has forgotten: record that one first, so this one is the duplicate.
    await store.recordPaid(invoiceId, { attemptId: "cw-merchant-record", reference: merchantPaid, captured: true, paidAt: Date.now() }, context.holds.paidMs);
  }
  await settleUnattended(context, "notification", attempt, order, transaction);
}

async function settleDeclined(context: HandlerContext, notification: Extract<GatewayNotification, { kind: "declined" }>): Promise<void> {
  const { invoiceId, transactionId } = notification;
  if (invoiceId === null) return;
  const { hold } = await context.store.read(invoiceId);
  // Only the hold that names this very transaction: a late decline of an older attempt frees nothing.
  if (hold !== null && hold.reference === String(transactionId)) await context.store.release(invoiceId, hold.lease);
  const result: PayDeclined = {
    status: "declined",
    transactionId,
    reasonCode: notification.reasonCode,
    reason: notification.reason,
    message: notification.reason,
  };
  await context.report({ stage: "notification", invoiceId, result, gatewayModel: notification.raw });
}

async function settle(context: HandlerContext, notification: GatewayNotification): Promise<void> {
  switch (notification.kind) {
    case "approved":
      return settleApproved(context, notification.transaction);
    case "declined":
      return settleDeclined(context, notification);
    case "operation":
      return context.reportOperation({
        operation: notification.operation,
        invoiceId: notification.invoiceId,
        paymentTransactionId: notification.paymentTransactionId,
        transactionId: notification.transactionId,
        amount: notification.amount,
        gatewayModel: notification.raw,
      });
  }
}

export type CloudPaymentsNotificationHandlers = Readonly<Record<CloudPaymentsNotificationType, (request: Request) => Promise<Response>>>;

export function createCloudPaymentsNotificationHandlers(context: HandlerContext): CloudPaymentsNotificationHandlers {
  const { logger } = context;
  const handler =
    (type: CloudPaymentsNotificationType) =>
    async (request: Request): Promise<Response> => {
      const client = context.cloudPayments;
      if (client === null) {
        logger.error("checkout: CloudPayments notifications need createCheckoutHandlers({ client: new CloudPaymentsClient(…) })");
        return answer(501, 13);
      }
      let body: string;
      if (request.method === "POST") {
        const read = await readLimitedBody(request, NOTIFICATION_BODY_LIMIT);
        if (!read.ok) return answer(read.reason === "too_large" ? 413 : 400, 13);
        body = read.text;
      } else if (request.method === "GET") {
        body = new URL(request.url).search.slice(1);
      } else {
        return new Response(null, { status: 405, headers: { Allow: "GET, POST" } });
      }
      const verified = await client.notifications.verify(body, request.headers.get("content-hmac"));
      if (!verified.ok) {
        logger.warn("checkout: a notification failed its signature check; ignored", { type, reason: verified.reason });
        return answer(401, 13);
      }
      const reading = readCloudPaymentsNotification(type, verified.fields);
      if (reading.kind === "malformed") {
        logger.error("checkout: a signed notification could not be read", { type, field: reading.field });
        return answer(400, 13);
      }
      if (reading.kind === "ignored") return answer(200, 0);
      try {
        await settle(context, reading.notification);
      } catch (error) {
        if (!(error instanceof RetryLater || error instanceof AttemptStoreError)) throw error;
        if (error instanceof AttemptStoreError) logger.error("checkout: attempt store unavailable for a notification", { type, error: String(error.cause) });
        // Not settled: the gateway sends it again later.
        return answer(503, 13);
      }
      return answer(200, 0);
    };
  return { pay: handler("pay"), fail: handler("fail"), confirm: handler("confirm"), refund: handler("refund"), cancel: handler("cancel") };
}
