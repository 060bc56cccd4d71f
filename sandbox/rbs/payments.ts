// Paying an order: by a card typed on the hosted page, or by a binding (paymentOrderBinding.do,
// with 3-D Secure at the sandbox's ACS unless the order was registered with AUTO_PAYMENT). Each
// status change queues its callback notification.
import type { ReasonName } from "../reason-codes.ts";
import { TEST_CARDS, type CardBehaviour } from "../test-cards.ts";
import { createPaReq } from "../three-ds.ts";
import { ACTION_CODES, type RbsDecline } from "./action-codes.ts";
import type { RbsBinding } from "./bindings.ts";
import type { CallbackOperation } from "./callbacks.ts";
import type { RbsContext } from "./context.ts";
import { ORDER_STATUS, type RbsCard, type RbsOrder } from "./orders.ts";

export function notify(ctx: RbsContext, order: RbsOrder, operation: CallbackOperation, status: 0 | 1): void {
  const url = order.callbackUrl ?? ctx.callbackUrl;
  if (url === null) return;
  ctx.callbacks.enqueue(url, { mdOrder: order.id, orderNumber: order.orderNumber, operation, status });
}

/** An order still waiting for the shopper past its session timeout is declined (and notified). */
export function expireIfDue(ctx: RbsContext, order: RbsOrder): void {
  const waiting = order.status === ORDER_STATUS.registered || order.status === ORDER_STATUS.atAcs;
  if (!waiting || ctx.now().getTime() < order.expiresAt.getTime()) return;
  order.status = ORDER_STATUS.declined;
  order.actionCode = ACTION_CODES.sessionExpired;
  ctx.orders.settled(order);
  notify(ctx, order, "declinedByTimeout", 0);
}

/** Approves: a one-stage order is paid (2), a two-stage one held (1). A card payment with a clientId makes a binding. */
export function approve(ctx: RbsContext, order: RbsOrder, card: RbsCard, binding: RbsBinding | null): void {
  const now = ctx.now();
  order.card = card;
  order.actionCode = ACTION_CODES.approved;
  order.approvedAmount = order.amount;
  order.authAt = now;
  if (binding !== null) order.bindingId = binding.id;
  else if (order.clientId !== null) order.bindingId = ctx.bindings.bind(order.clientId, card, now).id;
  if (order.twoStage) {
    order.status = ORDER_STATUS.held;
  } else {
    order.status = ORDER_STATUS.paid;
    order.depositedAmount = order.amount;
    order.depositedAt = now;
  }
  ctx.orders.settled(order);
  notify(ctx, order, order.twoStage ? "approved" : "deposited", 1);
}

export function decline(ctx: RbsContext, order: RbsOrder, card: RbsCard | null, reason: RbsDecline): void {
  if (card !== null) order.card = card;
  order.status = ORDER_STATUS.declined;
  order.actionCode = ACTION_CODES[reason];
  ctx.orders.settled(order);
  notify(ctx, order, order.twoStage ? "approved" : "deposited", 0);
}

const DECLINE_OF_REASON: Readonly<Record<ReasonName, RbsDecline>> = {
  Approved: "doNotHonor",
  DoNotHonor: "doNotHonor",
  InvalidCardNumber: "invalidCard",
  InsufficientFunds: "insufficientFunds",
  ExpiredCard: "expiredCard",
  AuthenticationFailed: "authenticationFailed",
};

export function isExpired(card: RbsCard, now: Date): boolean {
  const year = now.getUTCFullYear();
  return card.expYear < year || (card.expYear === year && card.expMonth < now.getUTCMonth() + 1);
}

const APPROVED: CardBehaviour = { threeDs: false, paymentDecline: null, tokenDecline: null };

/**
 * The test-card behaviour of a card known by first six and last four (all a gateway keeps):
 * the sandbox's test cards differ there, and any other card is approved without 3-D Secure.
 */
export function behaviourOfSummary(firstSix: string, lastFour: string): CardBehaviour {
  for (const [pan, behaviour] of TEST_CARDS) {
    if (pan.startsWith(firstSix) && pan.endsWith(lastFour)) return behaviour;
  }
  return APPROVED;
}

export type BindingPaymentStep = { kind: "3ds"; paReq: string } | { kind: "done"; approved: boolean };

/** Pays a registered order with a binding; the caller has checked the order and the binding. */
export function payByBinding(ctx: RbsContext, order: RbsOrder, binding: RbsBinding, ip: string): BindingPaymentStep {
  order.ip = ip;
  order.card = binding.card;
  order.bindingId = binding.id;
  if (isExpired(binding.card, ctx.now())) {
    decline(ctx, order, binding.card, "expiredCard");
    return { kind: "done", approved: false };
  }
  if (!order.autoPayment && binding.card.behaviour.threeDs) {
    const paReq = createPaReq({
      firstSix: binding.card.firstSix,
      lastFour: binding.card.lastFour,
      amount: order.amount / 100,
      currencyCode: Number(order.currency),
      date: ctx.now(),
      customerName: binding.card.holder,
    });
    order.status = ORDER_STATUS.atAcs;
    order.threeDs = { paReq, paResUsed: false };
    return { kind: "3ds", paReq };
  }
  return { kind: "done", approved: chargeBinding(ctx, order, binding) };
}

/** After the ACS: the PaRes has been checked and marked used by the caller. */
export function finishBindingThreeDs(ctx: RbsContext, order: RbsOrder, authenticated: boolean): boolean {
  const binding = order.bindingId === null ? undefined : ctx.bindings.get(order.bindingId);
  if (!authenticated || binding === undefined || !binding.active) {
    decline(ctx, order, order.card, "authenticationFailed");
    return false;
  }
  return chargeBinding(ctx, order, binding);
}

function chargeBinding(ctx: RbsContext, order: RbsOrder, binding: RbsBinding): boolean {
  const refused = binding.card.behaviour.tokenDecline;
  if (refused !== null) {
    decline(ctx, order, binding.card, DECLINE_OF_REASON[refused]);
    return false;
  }
  approve(ctx, order, binding.card, binding);
  return true;
}

/** `returnUrl?orderId=…` (or failUrl, else returnUrl, for a failure), as the platform sends the shopper back. */
export function returnAddress(order: RbsOrder, approved: boolean): string {
  const base = approved ? order.returnUrl : (order.failUrl ?? order.returnUrl);
  const url = new URL(base);
  url.searchParams.set("orderId", order.id);
  return url.toString();
}
