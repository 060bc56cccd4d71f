// The late code's one public face, the LateApi: what the host reaches through late() once it has
// loaded — a dynamic import in the npm build, dist/checkout-widget-crypto.js for the script tag,
// the same object either way. Nothing here is needed before the shopper pays or a payment has an
// answer: the payment flow, the cryptogram (node-forge), the answer views and texts, the outcome
// after a redirect, and cp.Checkout's card check; and the way to the pieces only some pages load
// (pieces.ts: the saved cards, the options report).
import { createPaymentController as createFlow, pagePayments } from "./payment/index.ts";
import type { PaymentControllerDeps } from "./payment/index.ts";
import type { CheckoutOptions, PaymentFlowController } from "../shared/index.ts";
import type { OptionsCheck } from "../host/options/index.ts";
import { loadReport } from "./pieces.ts";

export { readRedirectResult, pagePayments } from "./payment/index.ts";
export { AnswerView } from "./views/index.ts";
// As the option is named: the main file has the word already (a few bytes less to gzip).
export { askSavedCards as savedCards } from "./saved/ask-saved-cards.ts";
export { createLateTranslator, failureMessage, messageText, paymentStatusText } from "./i18n/index.ts";
export { createCpCryptogram } from "./cp-cryptogram.ts";
export { BRAND_MARKS } from "./brand-marks.ts";
export { CardValidationError, createCryptogram, createCvvCryptogram, CryptogramError } from "../cryptogram/index.ts";

/** The payment flow the widget runs: it remembers what this page has seen paid (pagePayments). */
export function createPaymentController(options: CheckoutOptions, deps: PaymentControllerDeps): PaymentFlowController {
  return createFlow(options, { settled: pagePayments, ...deps });
}

/** What the console says about the options, from the options report (a piece of its own). */
export function reportOptions(check: OptionsCheck, known: readonly string[], log: Pick<Console, "error" | "warn">): Promise<void> {
  return loadReport().then((api) => api.reportOptions(check, known, log));
}
