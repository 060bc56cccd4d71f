// Why a payment failed, as the flow's state holds it: a stable code (FailCode, docs/outcomes.md),
// the key of the text the shopper reads, and whether a retry may re-send the very same request
// (only when the first may have reached the gateway: then the endpoint's idempotency pays once).
import type { PayErrorCode } from "../../../../server/contract.ts";
import type { FailCode, PaymentState } from "../../shared/index.ts";
import type { PaymentMessageKey } from "./message-keys.ts";

export type Failed = Extract<PaymentState, { kind: "failed" }>;

/** Codes a failure is made from here (already_paid is the "paid" state; card_invalid names its own key). */
type RuledCode = Exclude<FailCode, "declined" | "already_paid" | "card_invalid">;

/** The text key of each code. */
const RULES: Readonly<Record<RuledCode, PaymentMessageKey>> = {
  // From the endpoint (the server kit's codes).
  payment_in_progress: "Error_InProgress",
  too_many_attempts: "Error_TooManyAttempts",
  payment_rejected: "Error_Rejected",
  gateway_unavailable: "Error_Server",
  payment_unconfirmed: "Error_Unconfirmed",
  bad_request: "Error_BadRequest",
  origin_refused: "Error_BadRequest",
  unknown_order: "Error_BadRequest",
  order_unavailable: "Error_Server",
  unknown_saved_card: "Error_SavedCard",
  // The shop sent this gateway a kind of payment it does not take: the shop's set-up.
  unsupported_payment: "Error_Config",
  // The widget's own.
  network: "Error_Network",
  timeout: "Error_Timeout",
  server_error: "Error_Server",
  bad_response: "Error_BadResponse",
  three_ds_failed: "Error_ThreeDs",
  crypto_failed: "Error_Crypto",
  config: "Error_Config",
  // The shop's set-up: the merchant deploys the second file (the console says which URL failed).
  script_unavailable: "Error_Config",
};

/** The codes whose first request may have reached the gateway: a retry sends it again, same X-Request-ID. */
const SAME_REQUEST: ReadonlySet<string> = new Set<RuledCode>(["gateway_unavailable", "order_unavailable", "network", "timeout", "server_error", "bad_response"]);

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
  const failed: Failed = { kind: "failed", code, messageKey: RULES[code], retrySameRequest: extra.sameRequest ?? SAME_REQUEST.has(code) };
  if (extra.retryAfter !== undefined) failed.retryAfter = extra.retryAfter;
  return failed;
}

/** A card that failed a check as it was encrypted: the check's own code is the text. */
export function cardFailure(validationCode: string): Failed {
  return { kind: "failed", code: "card_invalid", messageKey: validationCode, retrySameRequest: false };
}
