// How an attempt's outcome settles its invoice in the attempt store, the same for every route
// that learns an outcome: the pay call, the 3-D Secure return, and (for gateways that host the
// card page) a return route or a server-to-server callback. Only the first approval counts; an
// approval the order must not keep is undone at once.
import { GatewayAuthError, GatewayTransportError } from "../client/index.ts";
import type { PayAnswer, PayApproved, PaymentId } from "../contract.ts";
import type { GatewayTransaction } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder, ExtraPayment } from "./options.ts";
import { errorBody } from "./responses.ts";
import { afterGateway } from "./store-guard.ts";
import { toApproved } from "./to-pay-response.ts";

export interface Answer {
  status: number;
  body: PayAnswer;
  headers?: Record<string, string>;
}

/** One attempt at paying one invoice: the attempt id is what the store's holds name. */
export interface AttemptKey {
  invoiceId: string;
  attemptId: string;
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
    const done = await context.gateway.reverse(transaction);
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
  const { invoiceId, attemptId } = attempt;
  if (!matchesOrder(transaction, invoiceId, order)) {
    logger.error("checkout: gateway approval does not match the order", { invoiceId, transactionId: transaction.transactionId });
    const reversed = await reverse(context, transaction, invoiceId);
    // Undone: the order is as unpaid as before. Not undone: hold it until someone looks.
    await afterGateway(logger, "settle a mismatched approval", { invoiceId }, () =>
      reversed
        ? store.release(invoiceId, attemptId)
        : store.claim(invoiceId, { attemptId, stage: "call", reference: referenceOf(transaction), ttlMs: holds.pendingMs }),
    );
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

/** The failure-limit counters an attempt counts against (pay-handler takes them, approvals give them back). */
export function limitKeys(context: HandlerContext, invoiceId: string, ip: string | undefined): string[] {
  const keys: string[] = [];
  if (context.limits.perIp !== null && ip !== undefined) keys.push(`ip:${ip}`);
  if (context.limits.perInvoice !== null) keys.push(`invoice:${invoiceId}`);
  return keys;
}

/** An attempt that did not fail after all (approved after 3-D Secure): its counts go back. */
export async function giveBackAttempt(context: HandlerContext, keys: readonly string[]): Promise<void> {
  await afterGateway(context.logger, "count an attempt back", {}, async () => {
    for (const key of keys) await context.store.returnAttempt(key);
  });
}

/** The attempt ended without payment (declined, refused): the invoice is free again. */
export async function settleUnpaid(context: HandlerContext, attempt: AttemptKey): Promise<void> {
  await afterGateway(context.logger, "free an invoice", { invoiceId: attempt.invoiceId }, () =>
    context.store.release(attempt.invoiceId, attempt.attemptId),
  );
}

/** The call may have reached the gateway but no answer came: nobody else pays until it is known. */
export async function holdUnknown(context: HandlerContext, attempt: AttemptKey): Promise<void> {
  await afterGateway(context.logger, "hold an invoice", { invoiceId: attempt.invoiceId }, () =>
    context.store.claim(attempt.invoiceId, { attemptId: attempt.attemptId, stage: "call", ttlMs: context.holds.pendingMs }),
  );
}

/**
 * The shopper went to a page that the kit completes (3-D Secure: `challenge`) or that settles by
 * itself on the gateway (`hosted`): hold the invoice for that while, naming what the gateway made.
 */
export async function holdForShopper(
  context: HandlerContext,
  attempt: AttemptKey,
  stage: "challenge" | "hosted",
  reference: string,
  ttlMs: number = context.holds.pendingMs,
): Promise<void> {
  await afterGateway(context.logger, "hold an invoice", { invoiceId: attempt.invoiceId }, () =>
    context.store.claim(attempt.invoiceId, { attemptId: attempt.attemptId, stage, reference, ttlMs }),
  );
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
  const outcome = await context.gateway.findOutcome(reference);
  if (outcome?.kind !== "approved" || !matchesOrder(outcome.transaction, invoiceId, order)) return null;
  if (referenceOf(outcome.transaction) !== reference) return null;
  return { approved: toApproved(outcome.transaction), gatewayModel: outcome.transaction.raw };
}
