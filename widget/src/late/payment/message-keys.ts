// i18n keys the payment flow puts into `failed.messageKey` and `declined.message`
// (texts in shared/i18n/form-texts.ts and late/i18n/late-texts.ts). Card validation codes (CardNumber_Invalid, ...) from the
// cryptogram step may appear in `failed.messageKey` too.

export type PaymentMessageKey =
  /** Neither publicKey nor publicKeyUrl in the options (a merchant set-up error). */
  | "Error_Config"
  /** The network failed: the endpoint, the public key or the crypto chunk could not be reached. */
  | "Error_Network"
  /** `{endpoint}/pay` did not answer within timeoutMs. */
  | "Error_Timeout"
  /** The endpoint answered 5xx (or an error without a 4xx): gateway or server trouble. */
  | "Error_Server"
  /** The endpoint refused the request (4xx). */
  | "Error_BadRequest"
  /** The endpoint says the order is already paid (409): no new attempt. */
  | "Error_AlreadyPaid"
  /** An answer that does not follow the contract (bad JSON, missing or mistyped fields). */
  | "Error_BadResponse"
  /** The cryptogram could not be built for a reason other than card validation. */
  | "Error_Crypto"
  /** The 3-D Secure return reported an error instead of approved/declined. */
  | "Error_ThreeDs"
  /** Declined without a gateway message (the redirect return carries only the ReasonCode). */
  | "Error_Declined"
  /** The shopper closed the 3-D Secure dialog (declined, ReasonCode 5206). */
  | "ThreeDs_Cancelled";

/** ReasonCode 5206 AuthenticationFailed: what a cancelled 3-D Secure amounts to. */
export const THREE_DS_CANCELLED_REASON_CODE = 5206;
