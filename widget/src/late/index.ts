// The late code's one public face, the LateApi: what the host reaches through late() once it has
// loaded — a dynamic import in the npm build, dist/checkout-widget-crypto.js for the script tag,
// the same object either way. Nothing here is needed before the shopper pays or a payment has an
// answer: the payment flow, the cryptogram (node-forge), the answer views and texts, the outcome
// after a redirect, and cp.Checkout's card check.
export { createPaymentController, readRedirectResult } from "./payment/index.ts";
export { ApprovedScreen, DeclinedScreen, ThreeDsDialog } from "./views/index.ts";
export { createLateTranslator, messageText, paymentStatusText } from "./i18n/index.ts";
export { createCpCryptogram } from "./cp-cryptogram.ts";
export { CardValidationError, createCryptogram, createCvvCryptogram, CryptogramError } from "../cryptogram/index.ts";
