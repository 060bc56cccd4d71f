// Hosted mode by redirect: the kit's return route sends the shopper back to returnUrl with the
// outcome in the query (ThreeDsReturnQuery, `transactionId` the paymentId). As after a 3-D Secure
// redirect (late/payment/redirect-result.ts), it is read once, only by the tab that left for that
// payment of this invoice (its sessionStorage ticket), cleaned off the URL, and marked unverified:
// the browser's word for the shopper's eyes; the shop's record is the kit's onResult.
import { CARD_TYPES, RESULT_PARAMS } from "../late/payment/redirect-result.ts";
import { failure, isPayErrorCode } from "../late/payment/failures.ts";
import { redeemTicket, sessionStore } from "../late/payment/redirect-ticket.ts";
import { errorAfterPage, isPaymentId } from "./answers.ts";
import type { HostedFinalState, HostedReturn } from "./flow.ts";

export interface HostedReturnOptions {
  invoiceId: string;
  history?: Pick<History, "replaceState" | "state">;
  storage?: Parameters<typeof redeemTicket>[0];
}

function outcomeOf(params: URLSearchParams, status: string, paymentId: string): HostedReturn {
  const bad = (): HostedFinalState => failure("bad_response", { sameRequest: false });
  if (status === "cancelled") return { kind: "cancelled", paymentId };
  if (status === "error") {
    const code = params.get("code");
    const next = errorAfterPage(isPayErrorCode(code) ? code : null);
    return next.kind === "failed" ? { ...next, transactionId: paymentId } : next;
  }
  if (status === "declined") {
    const reasonCode = params.get("reasonCode") ?? "";
    return /^\d{1,6}$/.test(reasonCode) ? { kind: "declined", transactionId: paymentId, reasonCode: Number(reasonCode), message: "Error_Declined" } : bad();
  }
  const amount = params.get("amount") ?? "";
  const currency = params.get("currency") ?? "";
  const cardLastFour = params.get("cardLastFour") ?? "";
  const cardType = params.get("cardType") ?? "";
  const captured = params.get("captured");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount) || !/^[A-Z]{3}$/.test(currency) || !/^(\d{4})?$/.test(cardLastFour)) return bad();
  return {
    kind: "approved",
    result: {
      status: "approved",
      transactionId: paymentId,
      amount: Number(amount),
      currency,
      cardType: CARD_TYPES.has(cardType) ? cardType : "",
      cardLastFour,
      authCode: "",
      ...(captured === "1" || captured === "0" ? { captured: captured === "1" } : {}),
    },
  };
}

/**
 * The outcome the return route put on the page URL, or null: none there (the URL is left alone),
 * or one this tab did not leave for (a crafted or replayed link: the URL is cleaned, a warning says so).
 */
export function readHostedReturn(url: URL | Location, options: HostedReturnOptions): HostedReturn | null {
  const current = new URL(url.href);
  const params = current.searchParams;
  const status = params.get("status");
  const paymentId = params.get("transactionId");
  if (!status || !["approved", "declined", "cancelled", "error"].includes(status) || !isPaymentId(paymentId)) return null;
  const invoiceId = params.get("invoiceId") ?? options.invoiceId;
  const storage = options.storage === undefined ? sessionStore(typeof window === "undefined" ? undefined : window) : options.storage;
  const ours = invoiceId === options.invoiceId && redeemTicket(storage, invoiceId, paymentId);
  const outcome = ours ? outcomeOf(params, status, paymentId) : null;
  for (const name of RESULT_PARAMS) params.delete(name);
  const target = options.history ?? (url instanceof URL ? undefined : globalThis.history);
  try {
    target?.replaceState(target.state, "", `${current.pathname}${current.search}${current.hash}`);
  } catch {
    // A sandboxed document may refuse; the outcome is still shown.
  }
  if (!outcome) {
    console.warn("checkout-widget: a payment outcome in the URL was ignored: this tab did not leave for that payment page for this invoice");
    return null;
  }
  return outcome.kind === "cancelled" ? outcome : { ...outcome, unverified: true };
}
