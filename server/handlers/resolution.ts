// Claiming an invoice whose last hold lapsed with its outcome unknown (an answer lost, a call that
// ran out of time, an instance that died between the approval and recording it): before anyone
// may pay again, the kit asks the gateway what became of it. An approval is recorded and reported
// (the lost success is recovered); nothing paid frees the invoice for this claim.
import type { ClaimResult, Hold, HoldRequest, PaidRecord } from "../attempts/index.ts";
import type { GatewayPayOutcome } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import type { CheckoutOrder } from "./options.ts";
import { referenceOf, settleUnattended } from "./settlement.ts";

export type ClaimOutcome =
  | Exclude<ClaimResult, { kind: "unresolved" }>
  /** The gateway could not say what became of an unresolved hold (or an extra payment stands): nobody pays yet. */
  | { kind: "unavailable"; hold: Hold };

type Resolution = { kind: "paid"; paid: PaidRecord } | { kind: "free" } | { kind: "unavailable" };

async function lookUp(context: HandlerContext, invoiceId: string, hold: Hold): Promise<GatewayPayOutcome | null> {
  const options = context.callOptions();
  return hold.reference !== null ? context.gateway.findOutcome(hold.reference, options) : context.gateway.findByInvoice(invoiceId, options);
}

/** Asks the gateway about an unresolved hold and settles it: paid (recorded), or free (released). */
async function resolve(context: HandlerContext, invoiceId: string, order: CheckoutOrder, hold: Hold): Promise<Resolution> {
  const { logger, store } = context;
  let outcome: GatewayPayOutcome | null;
  try {
    outcome = await lookUp(context, invoiceId, hold);
  } catch (error) {
    logger.warn("checkout: could not ask the gateway about an unresolved payment", {
      invoiceId,
      reference: hold.reference,
      error: error instanceof Error ? error.name : typeof error,
    });
    return { kind: "unavailable" };
  }
  if (outcome?.kind === "approved") {
    const { transaction } = outcome;
    if (hold.reference !== null && referenceOf(transaction) !== hold.reference) {
      logger.error("checkout: the gateway answered another payment than the one asked about", { invoiceId, reference: hold.reference });
      return { kind: "unavailable" };
    }
    logger.warn("checkout: recovered an approval whose answer was lost", { invoiceId, transactionId: transaction.transactionId });
    const attempt = { invoiceId, attemptId: hold.attemptId, lease: hold.lease };
    const settled = await settleUnattended(context, "recovery", attempt, order, transaction);
    if (settled.answer.status === 200) {
      return { kind: "paid", paid: { attemptId: hold.attemptId, reference: referenceOf(transaction), captured: transaction.captured, paidAt: Date.now() } };
    }
    const paid = (await store.read(invoiceId)).paid;
    if (paid !== null) return { kind: "paid", paid };
    // A mismatched approval: reversed (the hold is gone) or still standing (held for someone to look).
    return settled.extraPayment?.action === "reversed" ? { kind: "free" } : { kind: "unavailable" };
  }
  // Declined, or no final payment at all: nothing moved, the invoice is free.
  logger.info?.("checkout: an unresolved attempt paid nothing; the invoice is free", { invoiceId, outcome: outcome?.kind ?? "none" });
  await store.release(invoiceId, hold.lease);
  return { kind: "free" };
}

/**
 * `store.claim`, resolving an unresolved hold on the way: the claim's own answer, or
 * `unavailable` while the gateway cannot tell. A few rounds at most (others may claim meanwhile).
 */
export async function claimOrResolve(
  context: HandlerContext,
  invoiceId: string,
  order: CheckoutOrder,
  request: HoldRequest,
): Promise<ClaimOutcome> {
  for (let round = 1; ; round++) {
    const claim = await context.store.claim(invoiceId, { unresolvedMs: context.holds.paidMs, ...request });
    if (claim.kind !== "unresolved") return claim;
    const resolved = await resolve(context, invoiceId, order, claim.hold);
    if (resolved.kind === "paid") return { kind: "paid", paid: resolved.paid };
    if (resolved.kind === "unavailable") return { kind: "unavailable", hold: claim.hold };
    if (round === 3) return { kind: "held", hold: claim.hold };
  }
}
