// Public face of the gateway abstraction.
export type {
  CheckoutGateway,
  GatewayCallOptions,
  GatewayPayInput,
  GatewayPayOutcome,
  GatewayTransaction,
} from "./checkout-gateway.ts";
export { cloudPaymentsGateway } from "./cloudpayments-gateway.ts";
