// i18n keys the payment flow puts into `failed.messageKey` and `declined.message` (texts in
// shared/i18n/form-texts.ts and late/i18n/late-texts.ts); failures.ts says which code has which.
// Card validation codes (CardNumber_Invalid, ...) from the cryptogram step may appear in
// `failed.messageKey` too.

export type PaymentMessageKey =
  /** A merchant set-up error: neither publicKey nor publicKeyUrl, or the late code did not load. */
  | "Error_Config"
  /** The network failed: the endpoint or the public key could not be reached. */
  | "Error_Network"
  /** `{endpoint}/pay` did not answer within timeoutMs. */
  | "Error_Timeout"
  /** The endpoint answered 5xx (or an error without a 4xx): gateway or server trouble. */
  | "Error_Server"
  /** The endpoint refused the request (4xx). */
  | "Error_BadRequest"
  /** The endpoint says the order is already paid (409 already_paid): the text of that fail payload. */
  | "Error_AlreadyPaid"
  /** 409 payment_in_progress: another attempt for this order is running. */
  | "Error_InProgress"
  /** 429 too_many_attempts (with minutes: Error_TooManyAttemptsIn). */
  | "Error_TooManyAttempts"
  /** 400 payment_rejected: the gateway refused the payment data. */
  | "Error_Rejected"
  /** 502 payment_unconfirmed: the gateway's answer did not match the order. */
  | "Error_Unconfirmed"
  /** The saved card chosen is not the shopper's any more (404 unknown_saved_card). */
  | "Error_SavedCard"
  /** An answer that does not follow the contract (bad JSON, missing or mistyped fields). */
  | "Error_BadResponse"
  /** The cryptogram could not be built for a reason other than card validation. */
  | "Error_Crypto"
  /** The 3-D Secure return reported an error instead of approved/declined. */
  | "Error_ThreeDs"
  /** Declined without a gateway message (the redirect return carries only the ReasonCode). */
  | "Error_Declined";
