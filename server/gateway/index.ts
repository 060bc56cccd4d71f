// Public face of the gateway abstraction.
export type {
  CheckoutGateway,
  GatewayCallOptions,
  GatewayNotification,
  GatewayPayInput,
  GatewayPayOutcome,
  GatewayTransaction,
} from "./checkout-gateway.ts";
export { cloudPaymentsGateway } from "./cloudpayments-gateway.ts";
export { readCloudPaymentsNotification, CLOUDPAYMENTS_NOTIFICATION_TYPES } from "./cloudpayments-notification.ts";
export type { CloudPaymentsNotificationType } from "./cloudpayments-notification.ts";
