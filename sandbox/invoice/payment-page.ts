// Invoice's payment page (`payment_url`): the shared hosted card page with an adapter that reads
// and records Invoice payments. A decline ends the payment `fail` with its §9.2 pair.
import type { Hono } from "hono";
import type { HostedPaymentView, HostedTestCard } from "../hosted-page/index.ts";
import { registerHostedPage } from "../hosted-page/index.ts";
import { DECLINE_ERRORS } from "./error-codes.ts";
import type { InvoiceApiContext } from "./methods.ts";
import { PAYMENT_PAGE_PATH } from "./models.ts";
import type { PaymentRecord } from "./store.ts";

/** The test card printed in Invoice's guide: it works as printed, its 01/22 expiry included. */
export const INVOICE_TEST_CARD = {
  number: "5543 7354 8462 6654",
  expiry: "01/22",
  cvc: "852",
  threeDsCode: "123456",
} as const;

const PRINTED_CARDS: readonly HostedTestCard[] = [
  { number: INVOICE_TEST_CARD.number, expiry: { month: 1, year: 2022 }, cvc: INVOICE_TEST_CARD.cvc, threeDs: true, decline: null },
];

function stateOf(payment: PaymentRecord): HostedPaymentView["state"] {
  switch (payment.status) {
    case "init":
      return "open";
    case "successful":
      return "paid";
    case "closed":
      return "closed";
    case "fail":
      return payment.error === "expired" ? "expired" : "failed";
  }
}

export function registerInvoicePaymentPage(app: Hono, ctx: InvoiceApiContext): void {
  registerHostedPage(
    app,
    {
      basePath: PAYMENT_PAGE_PATH,
      gatewayName: "Invoice · sandbox",
      testCards: PRINTED_CARDS,
      find(ref) {
        const payment = ctx.store.payment(ref, ctx.now());
        if (payment === undefined) return null;
        const terminal = ctx.store.terminals.get(payment.terminalId);
        return {
          state: stateOf(payment),
          amount: payment.order.amountMinor / 100,
          currency: payment.order.currency,
          description: payment.order.description,
          merchant: terminal?.name ?? "Invoice",
          successUrl: payment.settings.successUrl,
          failUrl: payment.settings.failUrl,
        };
      },
      complete(ref, outcome) {
        const payment = ctx.store.payment(ref, ctx.now());
        if (payment === undefined || payment.status !== "init") return;
        payment.card = outcome.card;
        payment.status = outcome.kind === "approved" ? "successful" : "fail";
        payment.error = outcome.kind === "approved" ? null : DECLINE_ERRORS[outcome.decline];
        payment.updatedAt = ctx.now();
      },
    },
    { now: ctx.now },
  );
}
