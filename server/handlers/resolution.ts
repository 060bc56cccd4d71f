// Claiming an invoice whose last hold lapsed with its outcome unknown (an answer lost, a call that
// ran out of time, an instance that died between the approval and recording it, a gateway page
// whose end nobody reported): before anyone may pay again, the kit asks the gateway what became of
// it. An approval is recorded and reported (the lost success is recovered); nothing paid frees the
// invoice for this claim; a gateway page that can still take money is held again.
import type { ClaimResult, Hold, HoldChange, HoldRequest, PaidRecord } from "../attempts/index.ts";
import type { GatewayPaymentState, RecoveredStart } from "../gateway/index.ts";
import type { HandlerContext } from "./handler-context.ts";
import { decodeHostedHold, decodeStartHold, encodeHostedHold, ownsPayment, SAVED_CALL_HOLD, tagsFor, TAG_SAVE, TAG_START } from "./hosted-hold.ts";
import { settleGatewayState } from "./hosted-settlement.ts";
import type { CheckoutOrder } from "./options.ts";
import { referenceOf, settleUnattended, type AttemptKey } from "./settlement.ts";

export type ClaimOutcome =
  | Exclude<ClaimResult, { kind: "unresolved" }>
  /** The gateway could not say what became of an unresolved hold (or an extra payment stands): nobody pays yet. */
  | { kind: "unavailable"; hold: Hold };

export type Resolution = { kind: "paid"; paid: PaidRecord } | { kind: "free" } | { kind: "held" } | { kind: "unavailable" };

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** A lapsed hold on a gateway's own page: the payment it names, by the gateway's record and the kit's tags. */
async function resolveHosted(context: HandlerContext, order: CheckoutOrder, hold: Hold, attempt: AttemptKey, id: string): Promise<Resolution> {
  let state: GatewayPaymentState | null;
  try {
    state = await context.gateway.findOutcome(id, context.callOptions());
  } catch (error) {
    context.logger.warn("checkout: could not ask the gateway about an unresolved page", { invoiceId: attempt.invoiceId, error: errorName(error) });
    return { kind: "unavailable" };
  }
  if (state === null || !ownsPayment(state.tags, attempt)) {
    context.logger.error("checkout: the gateway does not know an unresolved page's payment as this attempt's", { invoiceId: attempt.invoiceId });
    return { kind: "unavailable" };
  }
  return settlePageState(context, order, hold, attempt, id, state, { stage: "hosted", ttlMs: context.holds.pendingMs, unresolvedMs: context.holds.paidMs });
}

/**
 * A start of a gateway page whose answer was lost (the hold names its start key): what did it
 * make? Nothing: the invoice is free. Its payment: adopted (held as that payment's page, never a
 * second one started) or settled by its end. The gateway cannot say: still held.
 */
export async function resolveStart(context: HandlerContext, order: CheckoutOrder, hold: Hold, attempt: AttemptKey, startKey: string): Promise<Resolution> {
  const { logger } = context;
  const { invoiceId } = attempt;
  const recoverStart = context.gateway.hosted?.recoverStart;
  if (recoverStart === undefined) {
    logger.error("checkout: the gateway cannot be asked what a lost start made; the invoice stays held", { invoiceId });
    return { kind: "unavailable" };
  }
  let found: RecoveredStart;
  try {
    found = await recoverStart({ invoiceId, startKey, tags: tagsFor(attempt, false, startKey) }, context.callOptions());
  } catch (error) {
    logger.warn("checkout: could not ask the gateway what a lost start made", { invoiceId, error: errorName(error) });
    return { kind: "unavailable" };
  }
  if (found.kind === "found" && found.state.tags?.[TAG_START] !== startKey) {
    logger.error("checkout: the gateway answered a payment of another start than the one asked about", { invoiceId });
    return { kind: "unavailable" };
  }
  return settleRecovered(context, order, hold, attempt, found);
}

/**
 * A saved-card payment whose answer was lost, on a gateway that can be asked only about the
 * attempt (RBS: its orderNumber): settled as a lost start is.
 */
async function resolveSavedCall(context: HandlerContext, order: CheckoutOrder, hold: Hold, attempt: AttemptKey): Promise<Resolution> {
  const { logger } = context;
  const { invoiceId } = attempt;
  const recover = context.gateway.savedCards?.recover;
  if (recover === undefined) {
    logger.error("checkout: the gateway cannot be asked what a lost saved-card payment made; the invoice stays held", { invoiceId });
    return { kind: "unavailable" };
  }
  let found: RecoveredStart;
  try {
    found = await recover({ invoiceId, attemptId: attempt.attemptId, tags: tagsFor(attempt, false) }, context.callOptions());
  } catch (error) {
    logger.warn("checkout: could not ask the gateway what a lost saved-card payment made", { invoiceId, error: errorName(error) });
    return { kind: "unavailable" };
  }
  return settleRecovered(context, order, hold, attempt, found);
}

/** What the gateway said a lost call made, settled: nothing frees the invoice, a payment is adopted or settled by its end. */
async function settleRecovered(context: HandlerContext, order: CheckoutOrder, hold: Hold, attempt: AttemptKey, found: RecoveredStart): Promise<Resolution> {
  const { logger, store, holds } = context;
  const { invoiceId } = attempt;
  if (found.kind === "none") {
    logger.info?.("checkout: a call whose answer was lost made no payment; the invoice is free", { invoiceId });
    return (await store.release(invoiceId, hold.lease)) ? { kind: "free" } : { kind: "unavailable" };
  }
  const { reference, state, page } = found;
  if (!ownsPayment(state.tags, attempt)) {
    logger.error("checkout: the gateway answered a payment of another attempt than the one asked about", { invoiceId });
    return { kind: "unavailable" };
  }
  logger.warn("checkout: found the payment of a call whose answer was lost", { invoiceId, reference, state: state.kind });
  // A page that saves a card goes only to its customer, whom the kit no longer knows here: not handed out again.
  const url = page !== null && state.tags?.[TAG_SAVE] !== "1" ? page.url : null;
  const adopted = encodeHostedHold({
    id: reference,
    url,
    customer: null,
    frameAllowed: page?.frameAllowed ?? false,
    ...(page?.frameWidth !== undefined && { frameWidth: page.frameWidth }),
    ...(page?.frameHeight !== undefined && { frameHeight: page.frameHeight }),
  });
  const ttlMs = page?.expiresAt == null ? holds.pendingMs : Math.max(holds.callMs, page.expiresAt - Date.now() + 60_000);
  return settlePageState(context, order, hold, attempt, reference, state, { stage: "hosted", reference: adopted, ttlMs, unresolvedMs: holds.paidMs });
}

/** What a gateway page's payment came to, settled: `open` and `pending` keep the invoice held (`held`), anything else ends the hold. */
async function settlePageState(
  context: HandlerContext,
  order: CheckoutOrder,
  hold: Hold,
  attempt: AttemptKey,
  id: string,
  state: GatewayPaymentState,
  held: HoldChange,
): Promise<Resolution> {
  const { store } = context;
  if (state.kind === "open" || state.kind === "pending") {
    // Its page can still take money: held again, never freed.
    return (await store.update(attempt.invoiceId, hold.lease, held)) ? { kind: "held" } : { kind: "unavailable" };
  }
  const outcome = await settleGatewayState(context, { attempt, order, reference: id, state, stage: "recovery" });
  if (outcome.status === "approved") {
    const paid = (await store.read(attempt.invoiceId)).paid;
    return paid !== null ? { kind: "paid", paid } : { kind: "unavailable" };
  }
  if (outcome.status === "error") {
    // A mismatched approval: reversed (free) or still standing (held for someone to look).
    const paid = (await store.read(attempt.invoiceId)).paid;
    if (paid !== null) return { kind: "paid", paid };
    return (await store.read(attempt.invoiceId)).hold === null ? { kind: "free" } : { kind: "unavailable" };
  }
  return { kind: "free" };
}

/** Asks the gateway about an unresolved hold and settles it: paid (recorded), free (released), or held again. */
async function resolve(context: HandlerContext, invoiceId: string, order: CheckoutOrder, hold: Hold): Promise<Resolution> {
  const { logger, store, gateway } = context;
  const attempt: AttemptKey = { invoiceId, attemptId: hold.attemptId, lease: hold.lease };
  const hosted = decodeHostedHold(hold.reference);
  if (hosted !== null) return resolveHosted(context, order, hold, attempt, hosted.id);
  const startKey = decodeStartHold(hold.reference);
  if (startKey !== null) return resolveStart(context, order, hold, attempt, startKey);
  if (hold.reference === SAVED_CALL_HOLD) return resolveSavedCall(context, order, hold, attempt);

  let outcome: GatewayPaymentState | null;
  try {
    if (hold.reference !== null) outcome = await gateway.findOutcome(hold.reference, context.callOptions());
    else if (gateway.findByInvoice !== undefined) outcome = await gateway.findByInvoice(invoiceId, context.callOptions());
    else {
      // Without a lookup by invoice, a lost answer stays unresolved: never free, never paid twice.
      logger.error("checkout: the gateway cannot be asked by invoice about a lost answer; the invoice stays held", { invoiceId });
      return { kind: "unavailable" };
    }
  } catch (error) {
    logger.warn("checkout: could not ask the gateway about an unresolved payment", { invoiceId, reference: hold.reference, error: errorName(error) });
    return { kind: "unavailable" };
  }
  if (outcome?.kind === "approved") {
    const { transaction } = outcome;
    if (hold.reference !== null && referenceOf(transaction) !== hold.reference) {
      logger.error("checkout: the gateway answered another payment than the one asked about", { invoiceId, reference: hold.reference });
      return { kind: "unavailable" };
    }
    logger.warn("checkout: recovered an approval whose answer was lost", { invoiceId, transactionId: transaction.transactionId });
    const settled = await settleUnattended(context, "recovery", attempt, order, transaction);
    if (settled.answer.status === 200) {
      return { kind: "paid", paid: { attemptId: hold.attemptId, reference: referenceOf(transaction), captured: transaction.captured, paidAt: Date.now() } };
    }
    const paid = (await store.read(invoiceId)).paid;
    if (paid !== null) return { kind: "paid", paid };
    // A mismatched approval: reversed (the hold is gone) or still standing (held for someone to look).
    return settled.extraPayment?.action === "reversed" ? { kind: "free" } : { kind: "unavailable" };
  }
  // Declined, waiting at a 3-D Secure page only the kit completes, or no final payment at all:
  // nothing moved, the invoice is free.
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
