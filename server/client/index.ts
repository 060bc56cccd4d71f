// Public face of the gateway clients (CloudPayments, Invoice) and their shared transport.
export { CloudPaymentsClient, DEFAULT_BASE_URL, toPaymentResult } from "./cloudpayments-client.ts";
export type { CloudPaymentsClientOptions } from "./cloudpayments-client.ts";
export { cloudPaymentsNotificationHmac, verifyCloudPaymentsNotification } from "./cloudpayments-notifications.ts";
export type { CloudPaymentsNotificationCheck } from "./cloudpayments-notifications.ts";
export { GatewayError, GatewayAuthError, GatewayTransportError, GatewayHttpError } from "./errors.ts";
export type { GatewayErrorCode } from "./errors.ts";
export type * from "./models.ts";
export { fetchGatewayHttp, mayHaveReached } from "./gateway-http.ts";
export type { GatewayHttp, GatewayHttpRequest, GatewayHttpResponse } from "./gateway-http.ts";
export * from "./rbs/index.ts";
export { InvoiceClient, DEFAULT_INVOICE_BASE_URL, InvoiceApiError, INVOICE_DUPLICATE, invoiceErrorName } from "./invoice/index.ts";
export type * from "./invoice/index.ts";
