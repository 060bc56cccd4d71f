// Public face of widget/src/payment: the payment state machine, the 3-D Secure hand-off and
// the redirect-mode return. The UI renders PaymentState and calls the controller; the entries
// supply loadCrypto (dynamic import or the script-tag chunk loader).
export { createPaymentController } from "./controller.ts";
export type { CryptoModule, PaymentControllerDeps, PaymentFlowController, PaymentOutcomeEvent } from "./controller.ts";
export { postToAcs } from "./acs-form.ts";
export { readRedirectResult } from "./redirect-result.ts";
export { parsePayResponse, parseThreeDsResultMessage } from "./pay-response.ts";
export { payUrl } from "./pay-answer.ts";
export { THREE_DS_CANCELLED_REASON_CODE } from "./message-keys.ts";
export type { PaymentMessageKey } from "./message-keys.ts";
export type {
  CardInput,
  CardSummary,
  FinalPaymentState,
  PaymentController,
  PaymentState,
  PaymentStateKind,
} from "./state.ts";
