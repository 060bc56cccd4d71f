// What an exchange with `{endpoint}/pay` means for the payment. The rule for retries: when the
// payment may have gone through (no answer, a timeout, 5xx, an answer we cannot read), a retry
// must reuse the X-Request-ID so the server's idempotency pays at most once. A 4xx means the
// endpoint refused this very request (unknown invoice, bad cryptogram, bad body) and charged
// nothing: re-sending the same bytes would only be refused again, so the shopper starts a new
// attempt (new cryptogram, new id) from the form instead.
import type { PayApproved, PayDeclined, PayThreeDs } from "../../../../server/contract.ts";
import type { PaymentMessageKey } from "./message-keys.ts";
import { parsePayResponse } from "./pay-response.ts";
import type { TimedFetchResult } from "./timed-fetch.ts";

export type PayAnswer =
  | { kind: "approved"; result: PayApproved }
  | { kind: "declined"; result: PayDeclined }
  | { kind: "threeDs"; challenge: PayThreeDs }
  | { kind: "failed"; messageKey: PaymentMessageKey; retrySameRequest: boolean }
  | { kind: "aborted" };

/** `{endpoint}/pay` without a doubled slash, whatever the merchant wrote. */
export function payUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/pay`;
}

function failed(messageKey: PaymentMessageKey, retrySameRequest: boolean): PayAnswer {
  return { kind: "failed", messageKey, retrySameRequest };
}

export function interpretPayAnswer(exchange: TimedFetchResult): PayAnswer {
  switch (exchange.kind) {
    case "aborted":
      return { kind: "aborted" };
    case "network":
      return failed("Error_Network", true);
    case "timeout":
      return failed("Error_Timeout", true);
    case "response":
      break;
  }
  const { status } = exchange;
  if (status >= 500) return failed("Error_Server", true);
  // Request Timeout, Too Early, Too Many Requests: the server asks to try the same again later.
  if (status === 408 || status === 425 || status === 429) return failed("Error_Server", true);
  // The order is already paid: another attempt would pay it twice.
  if (status === 409) return failed("Error_AlreadyPaid", false);
  if (status >= 400) return failed("Error_BadRequest", false);
  if (status < 200 || status > 299) return failed("Error_BadResponse", true);

  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return failed("Error_BadResponse", true);
  }
  const answer = parsePayResponse(body);
  if (answer === null) return failed("Error_BadResponse", true);
  switch (answer.status) {
    case "approved":
      return { kind: "approved", result: answer };
    case "declined":
      return { kind: "declined", result: answer };
    case "3ds":
      return { kind: "threeDs", challenge: answer };
    case "error":
      // The contract sends errors with 4xx/5xx; an error with 200 is server trouble of unknown effect.
      return failed("Error_Server", true);
  }
}
