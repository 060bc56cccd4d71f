// What a payment the gateway finished on its own pages came to, settled in the attempt store
// and reported once: the same for the return route, a gateway's notification, and a new
// attempt that finds the invoice held by such a payment. The state is always the gateway's own
// record, read by the caller; nothing in a URL or a notification's body decides it.
import type { HostedOutcome, PayCancelled } from "../contract.ts";
import type { GatewayPaymentState } from "../gateway/index.ts";
import { saveCardFrom } from "./card-saving.ts";
import type { HandlerContext } from "./handler-context.ts";
import { TAG_SAVE } from "./hosted-hold.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder, CheckoutResultEvent } from "./options.ts";
import { errorBody } from "./responses.ts";
import { giveBackAttempt, limitKeys, settleApproval, settleUnpaid, type AttemptKey } from "./settlement.ts";
import { toDeclined } from "./to-pay-response.ts";

export interface GatewayStateInput {
  attempt: AttemptKey;
  order: CheckoutOrder;
  /** The gateway's id of the payment. */
  reference: string;
  state: GatewayPaymentState;
  stage: CheckoutResultEvent["stage"];
  /** The shopper's address on a return: an approval gives its failed-attempt count back. */
  ip?: string;
}

/**
 * The attempt with its hold's lease: a return or a notification did not claim the invoice, but
 * may free the hold the attempt made (and only that one: the lease fences it off from any hold
 * taken since). No lease when the attempt no longer holds the invoice or the store cannot say;
 * its hold then lapses into an unresolved one, which the next claim settles by asking the gateway.
 */
async function withLease(context: HandlerContext, attempt: AttemptKey): Promise<AttemptKey> {
  if (attempt.lease !== null) return attempt;
  try {
    const { hold } = await context.store.read(attempt.invoiceId);
    return { ...attempt, lease: hold !== null && hold.attemptId === attempt.attemptId ? hold.lease : null };
  } catch {
    return attempt;
  }
}

export async function settleGatewayState(context: HandlerContext, input: GatewayStateInput): Promise<HostedOutcome> {
  const { order, reference, state, stage } = input;
  const attempt = state.kind === "declined" || state.kind === "closed" ? await withLease(context, input.attempt) : input.attempt;
  const { invoiceId } = attempt;
  const onceKey = `${context.gateway.name}:${reference}`;
  const event = (result: CheckoutResultEvent["result"], extra: Partial<CheckoutResultEvent> = {}): CheckoutResultEvent => ({
    stage,
    invoiceId,
    result,
    ...extra,
  });
  const cancelled = (): PayCancelled => ({ status: "cancelled", paymentId: reference, message: MESSAGES.cancelled });

  switch (state.kind) {
    case "approved": {
      const { transaction } = state;
      const settled = await settleApproval(context, attempt, order, transaction);
      const extra: Partial<CheckoutResultEvent> = {
        gatewayModel: transaction.raw,
        ...(settled.extraPayment && { extraPayment: settled.extraPayment }),
      };
      if (settled.answer.status === 200) {
        if (input.ip !== undefined) await giveBackAttempt(context, limitKeys(context, invoiceId, input.ip));
        // The gateway's record says a card was to be saved, and for whom (the account it bound it to).
        const customerId = transaction.accountId;
        if (state.tags?.[TAG_SAVE] === "1" && customerId) {
          extra.customerId = customerId;
          const saved = await saveCardFrom(context, customerId, transaction);
          if (saved) extra.savedCard = saved;
        }
      }
      const result = settled.answer.body as HostedOutcome;
      // A hold that is taken later (deposited) is a new fact for the merchant; a repeat of either is not.
      await context.reportOnce(`${onceKey}:approved:${transaction.captured ? 1 : 0}`, event(settled.answer.body, extra));
      return result;
    }
    case "declined": {
      await settleUnpaid(context, attempt);
      const result = toDeclined(state);
      await context.reportOnce(`${onceKey}:declined`, event(result, state.transaction ? { gatewayModel: state.transaction.raw } : {}));
      return result;
    }
    case "closed": {
      // Ended unpaid (cancelled, timed out): the invoice is free for a new payment.
      await settleUnpaid(context, attempt);
      const result = cancelled();
      await context.reportOnce(`${onceKey}:cancelled`, event(result));
      return result;
    }
    case "open": {
      // The page still takes payments: the hold stays, so the next Pay opens this same page.
      const result = cancelled();
      await context.reportOnce(`${onceKey}:cancelled`, event(result));
      return result;
    }
    case "pending":
      return errorBody("payment_in_progress", MESSAGES.inProgress);
  }
}
