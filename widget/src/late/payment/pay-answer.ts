// What an exchange with `{endpoint}/pay` means for the payment. The rule for retries: when the
// payment may have gone through (no answer, a timeout, 5xx, an answer we cannot read), a retry
// must reuse the X-Request-ID so the server's idempotency pays at most once. A 4xx means the
// endpoint refused this very request (unknown invoice, bad cryptogram, bad body, an order paid or
// being paid, too many attempts) and charged nothing: re-sending the same bytes would only be
// refused again, so the shopper starts a new attempt (new cryptogram, new id) from the form instead.
// An error answer's `code` decides before its HTTP status (server/contract.ts PayErrorCode).
import type { PayApproved, PayDeclined, PayError, PayErrorCode, PayThreeDs } from "../../../../server/contract.ts";
import { failure } from "./failures.ts";
import type { Failed } from "./failures.ts";
import { parsePayResponse } from "./pay-response.ts";
import type { TimedFetchResult } from "./timed-fetch.ts";

/**
 * What the flow does next: the endpoint's approved, declined or 3-D Secure answer as read
 * (`status`), or what the widget makes of the rest (`kind`): a failure, the order paid already
 * (409 already_paid: nothing to pay), or nothing (aborted).
 */
export type PayAnswer = PayApproved | PayDeclined | PayThreeDs | Failed | { kind: "paid" } | { kind: "aborted" };

/** `{endpoint}/pay` without a doubled slash, whatever the merchant wrote. */
export function payUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/pay`;
}

/** An error by the endpoint's code (server/contract.ts PayErrorCode). */
export function errorByCode(code: PayErrorCode, extra: Parameters<typeof failure>[1] = {}): PayAnswer {
  return code === "already_paid" ? { kind: "paid" } : failure(code, extra);
}

/** An error answer (a 4xx/5xx, or status "error"): by its code, else by the HTTP status. */
export function errorAnswer(status: number, error: Pick<PayError, "code"> | null, retryAfter?: number): PayAnswer {
  if (error?.code !== undefined) return errorByCode(error.code, { retryAfter });
  if (status >= 500) return failure("server_error");
  // Too Many Requests without the kit's code (a proxy's limit): the same advice.
  if (status === 429) return failure("too_many_attempts", { retryAfter });
  // Request Timeout, Too Early: the server asks to try the same again later.
  if (status === 408 || status === 425) return failure("server_error");
  // Before stable codes, a 409 meant only "already paid".
  if (status === 409) return { kind: "paid" };
  if (status >= 400) return failure("bad_request");
  // The contract sends errors with 4xx/5xx; an error with 200 is server trouble of unknown effect.
  return failure("server_error");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function interpretPayAnswer(exchange: TimedFetchResult): PayAnswer {
  switch (exchange.kind) {
    case "aborted":
      return { kind: "aborted" };
    case "network":
      return failure("network");
    case "timeout":
      return failure("timeout");
    case "response":
      break;
  }
  const { status, retryAfter } = exchange;
  const answer = parsePayResponse(parseJson(exchange.body));
  if (status >= 400) return errorAnswer(status, answer?.status === "error" ? answer : null, retryAfter);
  if (status < 200 || status > 299 || answer === null) return failure("bad_response");
  return answer.status === "error" ? errorAnswer(status, answer, retryAfter) : answer;
}
