// Redirect-mode 3-D Secure: the merchant's return handler sends the shopper back to returnUrl
// with the outcome in the query (ThreeDsReturnQuery). The widget reads it once and cleans it.
import type { ThreeDsReturnQuery } from "../../../../server/contract.ts";
import type { FinalPaymentState } from "../../shared/index.ts";

const RESULT_PARAMS = [
  "status",
  "transactionId",
  "amount",
  "currency",
  "cardType",
  "cardLastFour",
  "reasonCode",
] as const satisfies ReadonlyArray<keyof ThreeDsReturnQuery>;

type HistoryLike = Pick<History, "replaceState" | "state">;

const badResult: FinalPaymentState = { kind: "failed", messageKey: "Error_BadResponse", retrySameRequest: false };

function outcomeOf(params: URLSearchParams, status: ThreeDsReturnQuery["status"], transactionId: number): FinalPaymentState {
  if (status === "error") return { kind: "failed", messageKey: "Error_ThreeDs", retrySameRequest: false };
  if (status === "declined") {
    const reasonCode = params.get("reasonCode") ?? "";
    if (!/^\d{1,6}$/.test(reasonCode)) return badResult;
    return { kind: "declined", transactionId, reasonCode: Number(reasonCode), message: "Error_Declined" };
  }
  const amount = params.get("amount") ?? "";
  const currency = params.get("currency") ?? "";
  const cardLastFour = params.get("cardLastFour") ?? "";
  const cardType = params.get("cardType") ?? "";
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount) || !/^[A-Z]{3}$/.test(currency) || !/^\d{4}$/.test(cardLastFour)) {
    return badResult;
  }
  return {
    kind: "approved",
    // The auth code is not passed through the URL; the approved screen does not need it.
    result: { status: "approved", transactionId, amount: Number(amount), currency, cardType, cardLastFour, authCode: "" },
    // The gateway's card type name (e.g. "Visa") is not our brand id; the UI can show result.cardType.
    card: { brand: null, lastFour: cardLastFour },
  };
}

/**
 * Reads the 3-D Secure outcome that the return handler appended to the page URL, and removes
 * those parameters (history.replaceState) so a reload does not show it again. Returns null and
 * touches nothing when the URL carries no outcome (a shop's own `?status=` is left alone unless
 * it comes with a numeric transactionId). `history` defaults to window.history for a Location.
 */
export function readRedirectResult(url: URL | Location, history?: HistoryLike): FinalPaymentState | null {
  const current = new URL(url.href);
  const params = current.searchParams;
  const status = params.get("status");
  const transactionId = params.get("transactionId") ?? "";
  if ((status !== "approved" && status !== "declined" && status !== "error") || !/^[1-9]\d{0,14}$/.test(transactionId)) {
    return null;
  }
  const outcome = outcomeOf(params, status, Number(transactionId));

  for (const name of RESULT_PARAMS) params.delete(name);
  if (url instanceof URL) {
    for (const name of RESULT_PARAMS) url.searchParams.delete(name);
  }
  const target = history ?? (url instanceof URL ? undefined : globalThis.history);
  if (target !== undefined) {
    try {
      target.replaceState(target.state, "", `${current.pathname}${current.search}${current.hash}`);
    } catch {
      // A sandboxed or foreign-origin document may refuse; the outcome is still shown.
    }
  }
  return outcome;
}
