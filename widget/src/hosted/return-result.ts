// Hosted mode by redirect: the kit's return route sends the shopper back to returnUrl with the
// outcome in the query (ThreeDsReturnQuery, `transactionId` the paymentId). As after a 3-D Secure
// redirect (late/payment/redirect-result.ts), it is read once, only by the tab that left for that
// payment of this invoice (its sessionStorage ticket), cleaned off the URL, and read by the same
// strict reader as the framed result's message; the flow marks it unverified: the browser's word
// for the shopper's eyes, the shop's record is the kit's onResult.
import { CARD_TYPES, RESULT_PARAMS } from "../late/payment/redirect-result.ts";
import { redeemTicket, sessionStore } from "../late/payment/redirect-ticket.ts";
import { isPaymentId, parseHostedResult } from "./answers.ts";
import type { HostedResult } from "./answers.ts";

export interface HostedReturnOptions {
  invoiceId: string;
  history?: Pick<History, "replaceState" | "state">;
  storage?: Parameters<typeof redeemTicket>[0];
}

/** What came back: the payment and its outcome (null: the URL's outcome does not read). */
export interface HostedReturn {
  paymentId: string;
  result: HostedResult | null;
}

/**
 * The query as the outcome object the return route's message would carry (its texts are the
 * widget's own): its strings as they are, the numbers and the flag read strictly, a card type only
 * of the known ones. Whatever else the query holds, the reader takes none of.
 */
function resultOf(params: URLSearchParams, paymentId: string): HostedResult | null {
  const query: Partial<Record<string, string>> = Object.fromEntries(params);
  const { amount = "", currency = "", cardType = "", captured, reasonCode = "" } = query;
  return parseHostedResult({
    ...query,
    transactionId: paymentId,
    paymentId,
    amount: /^\d{1,12}(\.\d{1,2})?$/.test(amount) && /^[A-Z]{3}$/.test(currency) ? Number(amount) : NaN,
    cardType: CARD_TYPES.has(cardType) ? cardType : "",
    cardLastFour: query.cardLastFour ?? "",
    authCode: "",
    captured: captured === "1" ? true : captured === "0" ? false : undefined,
    reasonCode: /^\d{1,6}$/.test(reasonCode) ? Number(reasonCode) : NaN,
    reason: "",
    message: "",
  });
}

/**
 * The outcome the return route put on the page URL, or null: none there (the URL is left alone),
 * or one this tab did not leave for (a crafted or replayed link: the URL is cleaned, a warning says so).
 */
export function readHostedReturn(url: URL | Location, options: HostedReturnOptions): HostedReturn | null {
  const current = new URL(url.href);
  const params = current.searchParams;
  const paymentId = params.get("transactionId");
  if (!/^(approved|declined|cancelled|error)$/.test(params.get("status") ?? "") || !isPaymentId(paymentId)) return null;
  const invoiceId = params.get("invoiceId") ?? options.invoiceId;
  const storage = options.storage === undefined ? sessionStore(globalThis.window) : options.storage;
  const outcome = invoiceId === options.invoiceId && redeemTicket(storage, invoiceId, paymentId) ? { paymentId, result: resultOf(params, paymentId) } : null;
  for (const name of RESULT_PARAMS) params.delete(name);
  const target = options.history ?? (url instanceof URL ? undefined : globalThis.history);
  try {
    target?.replaceState(target.state, "", `${current.pathname}${current.search}${current.hash}`);
  } catch {
    // A sandboxed document may refuse; the outcome is still shown.
  }
  if (!outcome) console.warn("checkout-widget: ignored a payment outcome in the URL: not this tab's payment of this invoice");
  return outcome;
}
