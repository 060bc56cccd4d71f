// Public face of the checkout handlers.
export { createCheckoutHandlers } from "./create-checkout-handlers.ts";
export type { CheckoutHandlers, FetchHandler } from "./create-checkout-handlers.ts";
export type { CheckoutHandlerOptions, CheckoutLogger, CheckoutOrder, CheckoutResultEvent } from "./options.ts";
export { PAY_BODY_LIMIT } from "./pay-handler.ts";
export { TERM_URL_TRANSACTION_PARAM } from "./term-url-binding.ts";
