// Public face of the checkout handlers.
export { createCheckoutHandlers } from "./create-checkout-handlers.ts";
export type { CheckoutHandlers, FetchHandler } from "./create-checkout-handlers.ts";
export type { ChargeSavedCardInput, ChargeSavedCardResult } from "./charge-saved-card.ts";
export type {
  AttemptLimit,
  CheckoutCustomer,
  CheckoutHandlerOptions,
  CheckoutLogger,
  CheckoutOrder,
  CheckoutOrderItem,
  CheckoutResultEvent,
  ExtraPayment,
  FailureLimits,
  HoldTimes,
  PaymentOperationEvent,
  ReturnQueryOptions,
} from "./options.ts";
export { PAY_BODY_LIMIT } from "./pay-handler.ts";
export { ABANDON_BODY_LIMIT } from "./abandon-handler.ts";
export { MAX_FAILED_RETURNS, THREE_DS_BODY_LIMIT } from "./three-ds-return-handler.ts";
export { NOTIFICATION_BODY_LIMIT } from "./notification-handler.ts";
export { GATEWAY_NOTIFICATION_BODY_LIMIT } from "./gateway-notification-handler.ts";
export type { CloudPaymentsNotificationHandlers } from "./notification-handler.ts";
export { TERM_URL_TRANSACTION_PARAM } from "./term-url-binding.ts";
export { verifyReturnQuery } from "./return-query.ts";
export { MIN_SECRET_LENGTH } from "./signing.ts";
