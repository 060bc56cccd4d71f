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

export type PayAnswer =
  | { kind: "approved"; result: PayApproved }
  | { kind: "declined"; result: PayDeclined }
  | { kind: "threeDs"; challenge: PayThreeDs }
  | { kind: "failed"; failure: Failed }
  /** The order is paid already (409 already_paid): nothing to pay. */
  | { kind: "paid" }
  | { kind: "aborted" };

/** `{endpoint}/pay` without a doubled slash, whatever the merchant wrote. */
export function payUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/pay`;
}

const failed = (...args: Parameters<typeof failure>): PayAnswer => ({ kind: "failed", failure: failure(...args) });

/** An error by the endpoint's code (server/contract.ts PayErrorCode). */
export function errorByCode(code: PayErrorCode, extra: Parameters<typeof failure>[1] = {}): PayAnswer {
  return code === "already_paid" ? { kind: "paid" } : failed(code, extra);
}

/** An error answer (a 4xx/5xx, or status "error"): by its code, else by the HTTP status. */
export function errorAnswer(status: number, error: Pick<PayError, "code"> | null, retryAfter?: number): PayAnswer {
  if (error?.code !== undefined) return errorByCode(error.code, { retryAfter });
  if (status >= 500) return failed("server_error");
  // Too Many Requests without the kit's code (a proxy's limit): the same advice.
  if (status === 429) return failed("too_many_attempts", { retryAfter });
  // Request Timeout, Too Early: the server asks to try the same again later.
  if (status === 408 || status === 425) return failed("server_error");
  // Before stable codes, a 409 meant only "already paid".
  if (status === 409) return { kind: "paid" };
  if (status >= 400) return failed("bad_request");
  // The contract sends errors with 4xx/5xx; an error with 200 is server trouble of unknown effect.
  return failed("server_error");
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
      return failed("network");
    case "timeout":
      return failed("timeout");
    case "response":
      break;
  }
  const { status, retryAfter } = exchange;
  const answer = parsePayResponse(parseJson(exchange.body));
  if (status >= 400) return errorAnswer(status, answer?.status === "error" ? answer : null, retryAfter);
  if (status < 200 || status > 299 || answer === null) return failed("bad_response");
  switch (answer.status) {
    case "approved":
      return { kind: "approved", result: answer };
    case "declined":
      return { kind: "declined", result: answer };
    case "3ds":
      return { kind: "threeDs", challenge: answer };
    case "error":
      return errorAnswer(status, answer, retryAfter);
  }
}
