// Strict readers for what reaches hosted mode from outside: the `/pay` answer (a `redirect`, or an
// error) and the return route's `checkout-widget:hosted-result` message. Anything off the contract
// (docs/endpoint-contract.md) is null, so the flow fails safely rather than trusting it.
import type { HostedResultMessage, PayApproved, PayCancelled, PayDeclined, PayError, PayErrorCode, PayRedirect } from "../../../server/contract.ts";
import { isRecord } from "../shared/index.ts";
import { errorAnswer } from "../late/payment/pay-answer.ts";
import type { PayAnswer as CardPayAnswer } from "../late/payment/pay-answer.ts";
import { failure, isPayErrorCode } from "../late/payment/failures.ts";
import type { Failed } from "../late/payment/failures.ts";
import type { TimedFetchResult } from "../late/payment/timed-fetch.ts";

const isString = (value: unknown): value is string => typeof value === "string";
const isSize = (value: unknown): boolean => value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);
/** The gateway's payment id: Invoice's id, RBS's orderId (a UUID). Never empty, never markup. */
export const isPaymentId = (value: unknown): value is string => isString(value) && /^[\w.:-]{1,100}$/.test(value);

export function httpUrl(value: unknown): URL | null {
  try {
    const url = isString(value) ? new URL(value) : null;
    return url && /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** A `redirect` answer, copied field by field, or null. Only an http(s) page opens; the origin must be an origin. */
export function parseRedirect(value: unknown): PayRedirect | null {
  if (!isRecord(value) || value.status !== "redirect" || !isPaymentId(value.paymentId) || typeof value.frameAllowed !== "boolean") return null;
  const url = httpUrl(value.url);
  const origin = httpUrl(value.returnOrigin);
  if (!url || !origin || origin.origin !== value.returnOrigin || !isSize(value.frameWidth) || !isSize(value.frameHeight)) return null;
  const answer: PayRedirect = { status: "redirect", paymentId: value.paymentId, url: url.href, returnOrigin: origin.origin, frameAllowed: value.frameAllowed };
  if (value.frameWidth !== undefined) answer.frameWidth = value.frameWidth as number;
  if (value.frameHeight !== undefined) answer.frameHeight = value.frameHeight as number;
  return answer;
}

/** What one exchange with `{endpoint}/pay` means: the page to open, or the card flow's failure / paid / aborted. */
export type HostedPayAnswer = PayRedirect | Exclude<CardPayAnswer, PayApproved | PayDeclined | { status: "3ds" }>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The card flow's rules for errors and retries (late/payment/pay-answer.ts), with `redirect` the only answer that opens anything. */
export function interpretHostedAnswer(exchange: TimedFetchResult): HostedPayAnswer {
  if (exchange.kind === "aborted") return { kind: "aborted" };
  if (exchange.kind !== "response") return failure(exchange.kind);
  const { status, retryAfter } = exchange;
  const body = parseJson(exchange.body);
  const error = isRecord(body) && body.status === "error" ? { code: isPayErrorCode(body.code) ? body.code : undefined } : null;
  if (status >= 400 || error) return errorAnswer(status, error, retryAfter) as HostedPayAnswer;
  const redirect = status >= 200 && status < 300 ? parseRedirect(body) : null;
  return redirect ?? failure("bad_response");
}

/** An approved outcome of a gateway's page: the card line may be empty (Invoice names no card). */
function parseApproved(value: Record<string, unknown>): PayApproved<string> | null {
  const { transactionId, amount, currency, cardType, cardLastFour, authCode, captured } = value;
  if (!isPaymentId(transactionId) || !Number.isFinite(amount) || !isString(currency) || !isString(cardType) || !isString(authCode)) return null;
  if (!isString(cardLastFour) || !/^(\d{4})?$/.test(cardLastFour) || (captured !== undefined && typeof captured !== "boolean")) return null;
  const approved: PayApproved<string> = { status: "approved", transactionId, amount: amount as number, currency, cardType, cardLastFour, authCode };
  if (captured !== undefined) approved.captured = captured;
  return approved;
}

/** What the return route reports of a gateway's page, its ids the gateway's strings. */
export type HostedResult = PayApproved<string> | PayDeclined<string> | PayCancelled | PayError;

/** The message, its outcome read as `HostedResult`. */
export type HostedMessage = Omit<HostedResultMessage, "result"> & { result: HostedResult };

/** An error after the gateway's page, by the endpoint's code: nothing is sent again (a retry is a new attempt). */
export function errorAfterPage(code: PayErrorCode | null | undefined): Failed | { kind: "paid" } {
  if (code === "already_paid") return { kind: "paid" };
  return code === null || code === undefined ? failure("server_error", { sameRequest: false }) : failure(code, { sameRequest: false });
}

/** An outcome the return route reports (in its message, or read off the URL by return-result.ts), or null. */
export function parseHostedResult(value: unknown): HostedResult | null {
  if (!isRecord(value)) return null;
  switch (value.status) {
    case "approved":
      return parseApproved(value);
    case "declined":
      if (!Number.isSafeInteger(value.reasonCode) || !isString(value.reason) || !isString(value.message)) return null;
      if (value.transactionId !== undefined && !isPaymentId(value.transactionId)) return null;
      return { status: "declined", reasonCode: value.reasonCode as number, reason: value.reason, message: value.message, ...(value.transactionId === undefined ? {} : { transactionId: value.transactionId }) };
    case "cancelled":
      return isPaymentId(value.paymentId) && isString(value.message) ? { status: "cancelled", paymentId: value.paymentId, message: value.message } : null;
    case "error":
      if (!isString(value.message)) return null;
      return isPayErrorCode(value.code) ? { status: "error", code: value.code, message: value.message } : { status: "error", message: value.message };
    default:
      return null;
  }
}

const MESSAGE_TYPE: HostedResultMessage["type"] = "checkout-widget:hosted-result";

/** The return route's message about one payment, or null when it is anything else or names another payment inside. */
export function parseHostedResultMessage(value: unknown): HostedMessage | null {
  if (!isRecord(value) || value.type !== MESSAGE_TYPE || value.version !== 2 || !isPaymentId(value.paymentId)) return null;
  const result = parseHostedResult(value.result);
  if (!result) return null;
  const named = result.status === "cancelled" ? result.paymentId : result.status === "error" ? undefined : result.transactionId;
  if (named !== undefined && named !== value.paymentId) return null;
  return { type: MESSAGE_TYPE, version: 2, paymentId: value.paymentId, result };
}
