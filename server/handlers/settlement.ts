// How an attempt's outcome settles its invoice in the attempt store, the same for every route
// that learns an outcome: the pay call, the 3-D Secure return, and (for gateways that host the
// card page) a return route or a server-to-server callback. Only the first approval counts; an
// approval the order must not keep is undone at once.
import { GatewayAuthError, GatewayTransportError } from "../client/index.ts";
import type { PayAnswer, PayApproved, PaymentId } from "../contract.ts";
import type { GatewayTransaction } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import { limitKeyOfIp } from "./client-ip.ts";
import type { AttemptLimit, CheckoutOrder, ExtraPayment } from "./options.ts";
import { errorBody } from "./responses.ts";
import { afterGateway } from "./store-guard.ts";
import { toApproved } from "./to-pay-response.ts";

export interface Answer {
  status: number;
  body: PayAnswer;
  headers?: Record<string, string>;
}

/**
 * One attempt at paying one invoice: the attempt id is what the store's holds name; the lease is
 * its claim's fencing token (null: it holds nothing, e.g. a notification settling a payment).
 */
export interface AttemptKey {
  invoiceId: string;
  attemptId: string;
  lease: string | null;
}

export interface SettledApproval {
  answer: Answer;
  extraPayment?: ExtraPayment;
}

/** After a failed call: could the gateway have moved money? Only a refused login or an unsent request say no. */
export function mayHavePaid(error: unknown): boolean {
  if (error instanceof GatewayTransportError) return error.mayHaveReachedGateway;
  return !(error instanceof GatewayAuthError);
}

/** The gateway's id of a transaction, as the store and `findOutcome` take it. */
export const referenceOf = (transaction: GatewayTransaction): string => String(transaction.transactionId);

export function matchesOrder(transaction: GatewayTransaction, invoiceId: string, order: CheckoutOrder): boolean {
  return (
    (transaction.invoiceId === null || transaction.invoiceId === invoiceId) &&
    transaction.amount === order.amount &&
    transaction.currency === order.currency
  );
}

async function reverse(context: HandlerContext, transaction: GatewayTransaction, invoiceId: string): Promise<boolean> {
  try {
    const done = await context.gateway.reverse(transaction, context.callOptions());
    if (!done) context.logger.error("checkout: the gateway refused to reverse an extra payment", { invoiceId, transactionId: transaction.transactionId });
    return done;
  } catch (error) {
    context.logger.error("checkout: could not reverse an extra payment", {
      invoiceId,
      transactionId: transaction.transactionId,
      error: error instanceof Error ? error.name : typeof error,
    });
    return false;
  }
}

/**
 * An approval for this attempt. Recorded as the invoice's payment when it is the first and
 * matches the order; otherwise voided or refunded at once and reported as an extra payment.
 */
export async function settleApproval(
  context: HandlerContext,
  attempt: AttemptKey,
  order: CheckoutOrder,
  transaction: GatewayTransaction,
): Promise<SettledApproval> {
  const { store, holds, logger } = context;
  const { invoiceId, attemptId, lease } = attempt;
  if (!matchesOrder(transaction, invoiceId, order)) {
    logger.error("checkout: gateway approval does not match the order", { invoiceId, transactionId: transaction.transactionId });
    const reversed = await reverse(context, transaction, invoiceId);
    // Undone: the order is as unpaid as before. Not undone: hold it until someone looks.
    if (lease !== null) {
      await afterGateway(logger, "settle a mismatched approval", { invoiceId }, () =>
        reversed
          ? store.release(invoiceId, lease)
          : store.update(invoiceId, lease, { stage: "call", reference: referenceOf(transaction), ttlMs: holds.pendingMs, unresolvedMs: holds.paidMs }),
      );
    }
    return {
      answer: { status: 502, body: errorBody("payment_unconfirmed", MESSAGES.gatewayMismatch) },
      extraPayment: { reason: "mismatch", action: reversed ? "reversed" : "reverse_failed", transactionId: transaction.transactionId },
    };
  }
  const paid = { attemptId, reference: referenceOf(transaction), captured: transaction.captured, paidAt: Date.now() };
  let recorded: Awaited<ReturnType<typeof store.recordPaid>>;
  try {
    recorded = await store.recordPaid(invoiceId, paid, holds.paidMs);
  } catch {
    // The money moved: the shopper and onResult hear of it whatever the store does.
    logger.error("checkout: attempt store failed to record an approval", { invoiceId, transactionId: transaction.transactionId });
    recorded = { kind: "recorded" };
  }
  if (recorded.kind === "already_paid") {
    logger.warn("checkout: a second approval for a paid order", {
      invoiceId,
      transactionId: transaction.transactionId,
      paidReference: recorded.paid.reference,
    });
    const reversed = await reverse(context, transaction, invoiceId);
    return {
      answer: { status: 409, body: errorBody("already_paid", MESSAGES.alreadyPaid) },
      extraPayment: {
        reason: "duplicate",
        action: reversed ? "reversed" : "reverse_failed",
        transactionId: transaction.transactionId,
        paidReference: recorded.paid.reference,
      },
    };
  }
  return { answer: { status: 200, body: toApproved(transaction) } };
}

/**
 * Settles an approval no browser is waiting for (a notification, a recovered lost answer) and
 * tells the merchant what became of it.
 */
export async function settleUnattended(
  context: HandlerContext,
  stage: "notification" | "recovery" | "abandon",
  attempt: AttemptKey,
  order: CheckoutOrder,
  transaction: GatewayTransaction,
): Promise<SettledApproval> {
  const settled = await settleApproval(context, attempt, order, transaction);
  await context.report({
    stage,
    invoiceId: attempt.invoiceId,
    result: settled.answer.body,
    gatewayModel: transaction.raw,
    ...(settled.extraPayment && { extraPayment: settled.extraPayment }),
  });
  return settled;
}

/** A failure-limit counter and its limit. */
export interface LimitKey {
  key: string;
  limit: AttemptLimit;
}

/**
 * The failure-limit counters an attempt counts against (pay-handler takes them, approvals give
 * them back): the client's address (an IPv6 /64), the invoice from that address, and the invoice
 * from anywhere, whose cap is far higher so a stranger cannot lock a shopper's order.
 */
export function limitKeys(context: HandlerContext, invoiceId: string, ip: string | undefined): LimitKey[] {
  const { perIp, perInvoiceAndIp, perInvoice } = context.limits;
  const client = ip === undefined ? undefined : limitKeyOfIp(ip);
  const keys: LimitKey[] = [];
  if (perIp !== null && client !== undefined) keys.push({ key: `ip:${client}`, limit: perIp });
  if (perInvoiceAndIp !== null && client !== undefined) keys.push({ key: `invoice-ip:${client}\n${invoiceId}`, limit: perInvoiceAndIp });
  if (perInvoice !== null) keys.push({ key: `invoice:${invoiceId}`, limit: perInvoice });
  return keys;
}

/** Counts one attempt against each key; all or none. */
export async function takeLimits(context: HandlerContext, keys: readonly LimitKey[]): Promise<{ taken: LimitKey[] } | { retryAfterMs: number }> {
  const taken: LimitKey[] = [];
  for (const entry of keys) {
    const result = await context.store.takeAttempt(entry.key, entry.limit.max, entry.limit.windowMs);
    if (result.kind === "full") {
      for (const done of taken) await context.store.returnAttempt(done.key);
      return { retryAfterMs: result.retryAfterMs };
    }
    taken.push(entry);
  }
  return { taken };
}

/** An attempt that did not fail after all (approved after 3-D Secure): its counts go back. */
export async function giveBackAttempt(context: HandlerContext, keys: readonly LimitKey[]): Promise<void> {
  await afterGateway(context.logger, "count an attempt back", {}, async () => {
    for (const { key } of keys) await context.store.returnAttempt(key);
  });
}

/** The attempt ended without payment (declined, refused): the invoice is free again. */
export async function settleUnpaid(context: HandlerContext, attempt: AttemptKey): Promise<void> {
  const { lease } = attempt;
  if (lease === null) return;
  await afterGateway(context.logger, "free an invoice", { invoiceId: attempt.invoiceId }, () => context.store.release(attempt.invoiceId, lease));
}

/**
 * The call may have reached the gateway but no answer came: nobody else pays until it is known.
 * The hold lapses into an unresolved one, which the next claim resolves by asking the gateway.
 */
export async function holdUnknown(context: HandlerContext, attempt: AttemptKey, reference: string | null): Promise<void> {
  const { lease } = attempt;
  if (lease === null) return;
  await afterGateway(context.logger, "hold an invoice", { invoiceId: attempt.invoiceId }, () =>
    context.store.update(attempt.invoiceId, lease, { stage: "call", reference, ttlMs: context.holds.pendingMs, unresolvedMs: context.holds.paidMs }),
  );
}

/**
 * The shopper went to a page that the kit completes (3-D Secure: `challenge`) or that settles by
 * itself on the gateway (`hosted`): hold the invoice for that while, naming what the gateway made.
 * False when the attempt's lease no longer holds the invoice (another attempt took it over).
 */
export async function holdForShopper(
  context: HandlerContext,
  attempt: AttemptKey,
  stage: "challenge" | "hosted",
  reference: string,
  ttlMs: number = context.holds.pendingMs,
): Promise<boolean> {
  const { lease } = attempt;
  if (lease === null) return false;
  let moved = false;
  await afterGateway(context.logger, "hold an invoice", { invoiceId: attempt.invoiceId }, async () => {
    moved = await context.store.update(attempt.invoiceId, lease, {
      stage,
      reference,
      ttlMs,
      unresolvedMs: context.holds.paidMs,
    });
  });
  if (!moved) context.logger.warn("checkout: the attempt no longer holds the invoice; its page is not held", { invoiceId: attempt.invoiceId, stage });
  return moved;
}

/**
 * Answers a payment already made (a retry of the paying attempt, a replayed return) from the
 * gateway's record instead of paying again; null when the gateway does not confirm it.
 */
export async function answerFromRecord(
  context: HandlerContext,
  invoiceId: string,
  order: CheckoutOrder,
  reference: string,
): Promise<{ approved: PayApproved<PaymentId>; gatewayModel: unknown } | null> {
  const outcome = await context.gateway.findOutcome(reference, context.callOptions());
  if (outcome?.kind !== "approved" || !matchesOrder(outcome.transaction, invoiceId, order)) return null;
  if (referenceOf(outcome.transaction) !== reference) return null;
  return { approved: toApproved(outcome.transaction), gatewayModel: outcome.transaction.raw };
}

/** What the merchant's own record says paid the order: its transaction, or null when it does not say. */
export function paidReferenceOf(order: CheckoutOrder): string | null {
  return order.paidTransactionId === undefined || order.paidTransactionId === null ? null : String(order.paidTransactionId);
}
