// Why a payment failed, as the flow's state holds it: a stable code (FailCode, docs/outcomes.md),
// the key of the text the shopper reads, and whether a retry may re-send the very same request
// (only when the first may have reached the gateway: then the endpoint's idempotency pays once).
import type { PayErrorCode } from "../../../../server/contract.ts";
import type { FailCode, PaymentState } from "../../shared/index.ts";
import type { PaymentMessageKey } from "./message-keys.ts";

export type Failed = Extract<PaymentState, { kind: "failed" }>;

/** Codes a failure is made from here (already_paid is the "paid" state; card_invalid names its own key). */
type RuledCode = Exclude<FailCode, "declined" | "already_paid" | "card_invalid">;

interface Rule {
  key: PaymentMessageKey;
  /** The first request may have reached the gateway: a retry sends it again, same X-Request-ID. */
  sameRequest: boolean;
}

const RULES: Readonly<Record<RuledCode, Rule>> = {
  // From the endpoint (the server kit's codes).
  payment_in_progress: { key: "Error_InProgress", sameRequest: false },
  too_many_attempts: { key: "Error_TooManyAttempts", sameRequest: false },
  payment_rejected: { key: "Error_Rejected", sameRequest: false },
  gateway_unavailable: { key: "Error_Server", sameRequest: true },
  payment_unconfirmed: { key: "Error_Unconfirmed", sameRequest: false },
  bad_request: { key: "Error_BadRequest", sameRequest: false },
  origin_refused: { key: "Error_BadRequest", sameRequest: false },
  unknown_order: { key: "Error_BadRequest", sameRequest: false },
  order_unavailable: { key: "Error_Server", sameRequest: true },
  unknown_saved_card: { key: "Error_SavedCard", sameRequest: false },
  // The shop sent this gateway a kind of payment it does not take: the shop's set-up.
  unsupported_payment: { key: "Error_Config", sameRequest: false },
  // The widget's own.
  network: { key: "Error_Network", sameRequest: true },
  timeout: { key: "Error_Timeout", sameRequest: true },
  server_error: { key: "Error_Server", sameRequest: true },
  bad_response: { key: "Error_BadResponse", sameRequest: true },
  three_ds_failed: { key: "Error_ThreeDs", sameRequest: false },
  crypto_failed: { key: "Error_Crypto", sameRequest: false },
  config: { key: "Error_Config", sameRequest: false },
  // The shop's set-up: the merchant deploys the second file (the console says which URL failed).
  script_unavailable: { key: "Error_Config", sameRequest: false },
};

/** The endpoint's codes (server/contract.ts): a code not listed here is read by the HTTP status. */
const ENDPOINT_CODES: Readonly<Record<PayErrorCode, true>> = {
  already_paid: true,
  payment_in_progress: true,
  too_many_attempts: true,
  payment_rejected: true,
  gateway_unavailable: true,
  payment_unconfirmed: true,
  bad_request: true,
  origin_refused: true,
  unknown_order: true,
  order_unavailable: true,
  unknown_saved_card: true,
  unsupported_payment: true,
};

export function isPayErrorCode(value: unknown): value is PayErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ENDPOINT_CODES, value);
}

/**
 * A failure of one of the ruled codes. `sameRequest: false` overrides the rule (e.g. a transport
 * failure before anything was sent); `retryAfter` in seconds (too_many_attempts).
 */
export function failure(code: RuledCode, extra: { retryAfter?: number | undefined; sameRequest?: boolean } = {}): Failed {
  const rule = RULES[code];
  const failed: Failed = { kind: "failed", code, messageKey: rule.key, retrySameRequest: extra.sameRequest ?? rule.sameRequest };
  if (extra.retryAfter !== undefined) failed.retryAfter = extra.retryAfter;
  return failed;
}

/** A card that failed a check as it was encrypted: the check's own code is the text. */
export function cardFailure(validationCode: string): Failed {
  return { kind: "failed", code: "card_invalid", messageKey: validationCode, retrySameRequest: false };
}
