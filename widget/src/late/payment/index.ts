// Public face of late/payment: the payment state machine (POST {endpoint}/pay, 3-D Secure, the
// outcome after a redirect) and the gateway key it fetches, shared with cp.Checkout.
export { createPaymentController } from "./controller.ts";
export type { CryptogramMaker, PaymentControllerDeps } from "./controller.ts";
export { postToAcs } from "./acs-form.ts";
export { readRedirectResult } from "./redirect-result.ts";
export { parsePayResponse, parseThreeDsResultMessage } from "./pay-response.ts";
export { payUrl } from "./pay-answer.ts";
export { createPublicKeySource, parsePublicKeyAnswer } from "./public-key.ts";
export type { PublicKeyResult, PublicKeySource } from "./public-key.ts";
export type { PaymentMessageKey } from "./message-keys.ts";
export { cardFailure, failure, isPayErrorCode } from "./failures.ts";
export type { Failed } from "./failures.ts";
export { issueTicket, redeemTicket } from "./redirect-ticket.ts";
export { createSettledPayments, pagePayments } from "./settled-payments.ts";
export type { SettledPayments } from "./settled-payments.ts";
