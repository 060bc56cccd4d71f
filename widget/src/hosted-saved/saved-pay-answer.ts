// What `POST {endpoint}/pay` with `{ invoiceId, savedCardId }` answers, read for hosted mode's flow:
// approved, declined, an error by the card flow's rules (late/payment/pay-answer.ts: a retry reuses
// the X-Request-ID when the payment may have got through), or `3ds` — an RBS binding of a 3-D
// Secure card — as a page the flow opens: a form post of MD, PaReq and TermUrl into its frame (or
// "_self" at top level), whose result the flow accepts only from that frame, from `returnOrigin`,
// naming this transactionId. Anything off the contract is a failure, never a payment.
import { isRecord } from "../shared/index.ts";
import { postToAcs } from "../late/payment/acs-form.ts";
import { failure, isPayErrorCode } from "../late/payment/failures.ts";
import { errorAnswer } from "../late/payment/pay-answer.ts";
import type { TimedFetchResult } from "../late/payment/timed-fetch.ts";
import { httpUrl, isPaymentId, parseHostedResult } from "../hosted/answers.ts";
import type { HostedMessage, HostedPayAnswer } from "../hosted/answers.ts";
import type { HostedFinalState, HostedPage } from "../hosted/flow.ts";

type SavedPayAnswer = HostedPayAnswer | HostedFinalState;

const isSize = (value: unknown): boolean => value === undefined || (Number.isSafeInteger(value) && (value as number) > 0);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The return route's message after this payment's 3-D Secure (`{ type: "checkout-widget:3ds-result",
 * version: 1, transactionId, result }`), as the flow's message, or null: another type, another
 * transaction (also inside the result), or a result off the contract. The flow has checked the
 * frame and the origin.
 */
export function readThreeDsMessage(data: unknown, transactionId: string): HostedMessage | null {
  if (!isRecord(data) || data.type !== "checkout-widget:3ds-result" || data.version !== 1 || data.transactionId !== transactionId) return null;
  const result = parseHostedResult(data.result);
  if (!result || result.status === "cancelled" || (result.status !== "error" && result.transactionId !== undefined && result.transactionId !== transactionId)) return null;
  return { type: "checkout-widget:hosted-result", version: 2, paymentId: transactionId, result };
}

/** A `3ds` answer for a saved card as the page to open, or null. */
export function threeDsPage(value: unknown, doc?: Document): HostedPage | null {
  if (!isRecord(value) || value.status !== "3ds" || !isPaymentId(value.transactionId) || typeof value.paReq !== "string" || !value.paReq || typeof value.iframeAllowed !== "boolean") return null;
  const acs = httpUrl(value.acsUrl);
  const term = httpUrl(value.termUrl);
  // The kit's return route: `returnOrigin` (the bank's termUrl finishes elsewhere), else termUrl's own.
  const origin = value.returnOrigin === undefined ? term?.origin : httpUrl(value.returnOrigin)?.origin === value.returnOrigin ? (value.returnOrigin as string) : undefined;
  if (!acs || !term || !origin || !isSize(value.frameWidth) || !isSize(value.frameHeight)) return null;
  const challenge = { transactionId: value.transactionId, acsUrl: acs.href, paReq: value.paReq, termUrl: term.href };
  const page: HostedPage = {
    status: "redirect",
    paymentId: value.transactionId,
    url: acs.href,
    returnOrigin: origin,
    frameAllowed: value.iframeAllowed,
    post: (target) => postToAcs(challenge, target, doc),
    read: (data) => readThreeDsMessage(data, challenge.transactionId),
  };
  if (value.frameWidth !== undefined) page.frameWidth = value.frameWidth as number;
  if (value.frameHeight !== undefined) page.frameHeight = value.frameHeight as number;
  return page;
}

export function readSavedPayAnswer(exchange: TimedFetchResult, doc?: Document): SavedPayAnswer {
  if (exchange.kind === "aborted") return { kind: "aborted" };
  if (exchange.kind !== "response") return failure(exchange.kind);
  const { status, retryAfter } = exchange;
  const body = parseJson(exchange.body);
  const error = isRecord(body) && body.status === "error" ? { code: isPayErrorCode(body.code) ? body.code : undefined } : null;
  if (status >= 400 || error) return errorAnswer(status, error, retryAfter) as SavedPayAnswer;
  if (status < 200 || status > 299) return failure("bad_response");
  const page = threeDsPage(body, doc);
  if (page) return page;
  const result = isRecord(body) && body.status !== "cancelled" ? parseHostedResult(body) : null;
  if (result?.status === "approved") return { kind: "approved", result };
  if (result?.status === "declined") {
    const declined: SavedPayAnswer = { kind: "declined", reasonCode: result.reasonCode };
    if (result.transactionId !== undefined) declined.transactionId = result.transactionId;
    return declined;
  }
  return failure("bad_response");
}
