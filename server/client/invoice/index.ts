// Public face of the Invoice cash API client.
export { InvoiceClient, DEFAULT_INVOICE_BASE_URL } from "./invoice-client.ts";
export type { InvoiceClientOptions } from "./invoice-client.ts";
export { InvoiceApiError, INVOICE_DUPLICATE, invoiceErrorName } from "./errors.ts";
export type { InvoiceResult } from "./errors.ts";
export type * from "./models.ts";
