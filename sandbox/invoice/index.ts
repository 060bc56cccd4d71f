// The Invoice cash API v2 (docs/invoice.md) on the sandbox: `/api/v2/<Method>` and its payment page.
// Public face for sandbox/app.ts and sandbox/index.ts.
import type { Hono } from "hono";
import type { InvoiceApiContext } from "./methods.ts";
import { registerInvoicePaymentPage } from "./payment-page.ts";
import type { InvoiceCredentials } from "./routes.ts";
import { registerInvoiceApi } from "./routes.ts";
import { InvoiceStore } from "./store.ts";

export { INVOICE_TEST_CARD } from "./payment-page.ts";
export { INVOICE_ERRORS } from "./error-codes.ts";
export type { InvoiceErrorName, InvoiceErrorPair } from "./error-codes.ts";
export { invoiceBodyTooLarge, isInvoiceApiPath } from "./routes.ts";
export type { InvoiceCredentials } from "./routes.ts";
export { InvoiceStore } from "./store.ts";
export { PAYMENT_PAGE_PATH as INVOICE_PAYMENT_PAGE_PATH } from "./models.ts";

/** The test Merchant ID and API key printed in Invoice's guide: the sandbox's defaults. */
export const DEFAULT_INVOICE_MERCHANT_ID = "c24360cfac0a0c40c518405f6bc68cb0";
export const DEFAULT_INVOICE_API_KEY = "1526fec01b5d11f4df4f2160627ce351";

export interface InvoiceSandboxOptions extends InvoiceCredentials {
  store: InvoiceStore;
  baseUrl: () => string;
  now: () => Date;
}

export function createInvoiceStore(options: { maxRecords: number; paymentTtlMs?: number; refundDelayMs?: number }): InvoiceStore {
  return new InvoiceStore({
    maxRecords: options.maxRecords,
    maxTerminals: Math.min(options.maxRecords, 1000),
    paymentTtlMs: options.paymentTtlMs ?? 30 * 60_000,
    refundDelayMs: options.refundDelayMs ?? 2000,
  });
}

export function registerInvoice(app: Hono, options: InvoiceSandboxOptions): void {
  const ctx: InvoiceApiContext = { store: options.store, baseUrl: options.baseUrl, now: options.now };
  registerInvoiceApi(app, ctx, options);
  registerInvoicePaymentPage(app, ctx);
}
