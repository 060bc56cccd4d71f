// Public face of the gateway abstraction and its adapters.
export type {
  CheckoutGateway,
  CryptogramPaymentInput,
  CryptogramPayments,
  GatewayCallOptions,
  GatewayDecline,
  GatewayNotification,
  GatewayNotifications,
  GatewayPaymentBase,
  GatewayPaymentState,
  GatewayPayOutcome,
  GatewayTransaction,
  HostedPage,
  HostedPaymentInput,
  HostedPayments,
  HostedStart,
  PaymentTags,
  RecoveredStart,
  RecoverStartInput,
  ReceiptLine,
  SavedCardPaymentInput,
  SavedCardPayments,
} from "./checkout-gateway.ts";
export { cloudPaymentsGateway } from "./cloudpayments-gateway.ts";
export { invoiceGateway } from "./invoice-gateway.ts";
export type { InvoiceGatewayOptions } from "./invoice-gateway.ts";
export { rbsGateway } from "./rbs-gateway.ts";
export type { RbsGatewayOptions } from "./rbs-gateway.ts";
export { invoiceDecline, rbsDecline } from "./decline-codes.ts";
export { readCloudPaymentsNotification, CLOUDPAYMENTS_NOTIFICATION_TYPES } from "./cloudpayments-notification.ts";
export type { CloudPaymentsNotificationType } from "./cloudpayments-notification.ts";
