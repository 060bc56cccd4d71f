// Shopper-safe texts of the endpoint's error answers, fixed: never the gateway's own words.
// The widget shows its own localised text by `code`; these are for logs, API users and a fallback.
export const MESSAGES = {
  gatewayUnavailable: "The payment service is temporarily unavailable. Please try again.",
  gatewayMismatch: "The payment could not be confirmed. Please contact the shop.",
  paymentRejected: "The payment could not be processed. Please check the card details or try another card.",
  unknownInvoice: "Unknown order",
  alreadyPaid: "This order is already paid",
  inProgress: "A payment for this order is in progress. Please wait for it to finish.",
  tooManyAttempts: "Too many unsuccessful payment attempts. Please try again later.",
  orderUnavailable: "The order could not be loaded. Please try again.",
  originRefused: "This origin may not call the payment endpoint",
  methodNotAllowed: "Method not allowed",
  bodyTooLarge: "Body too large (at most 16 KB)",
  bodyUnreadable: "Body could not be read as UTF-8",
  contentType: "Content-Type must be application/json",
  invalidJson: "Body is not valid JSON",
  unexpected: "Unexpected gateway answer",
  cancelled: "The payment was not completed on the payment page",
  needsShopper: "The card's bank asks the cardholder to confirm this payment: charge it with the shopper present",
  unknownSavedCard: "No such saved card",
  unsupported: "This shop's payment gateway does not take this kind of payment",
  notRouted: "No client IP address: configure getClientIp or trustedProxyHeader",
} as const;
