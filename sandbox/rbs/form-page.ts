// RBS's card page at formUrl: the shared hosted card page with an adapter that reads and pays
// RBS orders. Approved: the order is held (two-stage) or paid, a binding is made for a clientId,
// and the shopper goes to returnUrl?orderId=…; declined: orderStatus 6 and failUrl?orderId=….
import type { Hono } from "hono";
import type { CardOutcome, CardSummary, HostedDecline, HostedPaymentView } from "../hosted-page/index.ts";
import { registerHostedPage } from "../hosted-page/index.ts";
import type { RbsDecline } from "./action-codes.ts";
import { ACTION_CODES } from "./action-codes.ts";
import type { RbsContext } from "./context.ts";
import { currencyLetters } from "./currency.ts";
import { FORM_PATH } from "./methods.ts";
import { ORDER_STATUS, type RbsCard, type RbsOrder } from "./orders.ts";
import { approve, behaviourOfSummary, decline, expireIfDue, returnAddress } from "./payments.ts";

const DECLINES: Readonly<Record<HostedDecline, RbsDecline>> = {
  insufficient_funds: "insufficientFunds",
  expired_card: "expiredCard",
  authentication_failed: "authenticationFailed",
  invalid_card: "invalidCard",
  do_not_honor: "doNotHonor",
};

function stateOf(order: RbsOrder): HostedPaymentView["state"] {
  switch (order.status) {
    case ORDER_STATUS.registered:
      return "open";
    case ORDER_STATUS.held:
    case ORDER_STATUS.paid:
    case ORDER_STATUS.refunded:
      return "paid";
    case ORDER_STATUS.declined:
      return order.actionCode === ACTION_CODES.sessionExpired ? "expired" : "failed";
    case ORDER_STATUS.reversed:
    case ORDER_STATUS.atAcs:
      return "closed";
  }
}

/** What the order keeps of a card typed on the page, with the behaviour its later binding payments follow. */
function cardOf(summary: CardSummary): RbsCard {
  return {
    firstSix: summary.firstSix,
    lastFour: summary.lastFour,
    expMonth: summary.expMonth,
    expYear: summary.expYear,
    cardType: summary.brand,
    holder: summary.holder,
    behaviour: behaviourOfSummary(summary.firstSix, summary.lastFour),
  };
}

export function registerFormPage(app: Hono, ctx: RbsContext): void {
  const open = (ref: string): RbsOrder | undefined => {
    const order = ctx.orders.get(ref);
    if (order !== undefined) expireIfDue(ctx, order);
    return order;
  };
  registerHostedPage(
    app,
    {
      basePath: FORM_PATH,
      gatewayName: "RBS · sandbox",
      find(ref) {
        const order = open(ref);
        if (order === undefined) return null;
        return {
          state: stateOf(order),
          amount: order.amount / 100,
          currency: currencyLetters(order.currency),
          description: order.description,
          merchant: "Sandbox shop",
          successUrl: returnAddress(order, true),
          failUrl: returnAddress(order, false),
        };
      },
      complete(ref, outcome: CardOutcome) {
        const order = open(ref);
        if (order === undefined || order.status !== ORDER_STATUS.registered) return;
        const card = cardOf(outcome.card);
        if (outcome.kind === "approved") approve(ctx, order, card, null);
        else decline(ctx, order, card, DECLINES[outcome.decline]);
      },
    },
    { now: ctx.now },
  );
}
