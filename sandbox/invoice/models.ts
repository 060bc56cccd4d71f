// The answer bodies, field for field as Invoice's guide lists them (docs/invoice.md). Amounts in roubles, dates as
// YYYY-MM-DDTHH:mm:ss.sssZ, ids as strings; URLs point at the sandbox's own address.
import type { InvoiceErrorPair } from "./error-codes.ts";
import { INVOICE_ERRORS } from "./error-codes.ts";
import type { PaymentRecord, RefundRecord, TerminalRecord } from "./store.ts";

export interface InvoiceContext {
  /** The sandbox's own base URL, never taken from a request's Host header. */
  baseUrl: () => string;
  now: () => Date;
}

export const PAYMENT_PAGE_PATH = "/invoice/pay";
export const TERMINAL_PAGE_PATH = "/invoice/terminal";

const major = (minor: number) => minor / 100;

export function terminalModel(ctx: InvoiceContext, t: TerminalRecord) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    link: `${ctx.baseUrl()}${TERMINAL_PAGE_PATH}/${t.id}`,
    type: t.type,
    defaultPrice: major(t.defaultPriceMinor),
    canComments: t.canComments,
    // Not in the guide's table, but the gateway's own SDKs read it back.
    alias: t.alias,
  };
}

const STATUS_DESCRIPTIONS: Record<PaymentRecord["status"], string> = {
  init: "",
  successful: "Payment successful",
  fail: "",
  closed: "Closed by the merchant",
};

export function paymentModel(ctx: InvoiceContext, p: PaymentRecord) {
  const error = p.error === null ? null : INVOICE_ERRORS[p.error];
  return {
    id: p.id,
    order: {
      currency: p.order.currency,
      amount: major(p.order.amountMinor),
      description: p.order.description,
      id: p.order.id,
    },
    status: p.status,
    status_description: error?.name ?? STATUS_DESCRIPTIONS[p.status],
    create_date: p.createdAt.toISOString(),
    update_date: p.updatedAt.toISOString(),
    expire_date: p.expiresAt.toISOString(),
    custom_parameters: p.customParameters,
    payment_url: `${ctx.baseUrl()}${PAYMENT_PAGE_PATH}/${p.id}`,
    // A failed payment carries its §9.2 pair; status_description holds the pair's name.
    ...(error !== null && { error_code: error.code as InvoiceErrorPair }),
  };
}

/** The card as the gateway shows it: first six and last four. */
export function maskedAccount(p: PaymentRecord): string {
  return p.card === null ? "" : `${p.card.firstSix}******${p.card.lastFour}`;
}

export function refundModel(r: RefundRecord, payment: PaymentRecord | undefined) {
  return {
    id: r.id,
    refund: { currency: r.currency, amount: major(r.amountMinor), reason: r.reason },
    status: r.status,
    payment_id: r.paymentId,
    payment_method: {
      terminal_id: payment?.terminalId ?? "",
      type: payment?.settings.paymentMethod ?? "card",
      account: payment === undefined ? "" : maskedAccount(payment),
      funds: payment === undefined ? 0 : major(payment.order.amountMinor),
      bonuses: 0,
    },
    create_date: r.createdAt.toISOString(),
    update_date: r.updatedAt.toISOString(),
    custom_parameters: payment?.customParameters ?? {},
  };
}
