// Redirect-mode 3-D Secure: the merchant's return handler sends the shopper back to returnUrl with
// the outcome in the query (ThreeDsReturnQuery, signed by the kit). The widget reads it once, cleans
// it off the URL, and accepts it only when this tab began that redirect (redirect-ticket.ts) for
// this widget's invoice. What it accepts is marked unverified: the browser's word, for the shopper's
// eyes; the merchant's server checks the signature (verifyReturnQuery) or its own record.
import type { ThreeDsReturnQuery } from "../../../../server/contract.ts";
import type { FinalPaymentState } from "../../shared/index.ts";
import { failure, isPayErrorCode } from "./failures.ts";
import { redeemTicket, sessionStore } from "./redirect-ticket.ts";

/** Every field the kit writes, so none is left on the page after reading: a Record, so a field the
 * contract adds (as `exp` was) is a compile error here until it is listed. */
const RESULT_FIELDS: Readonly<Record<keyof ThreeDsReturnQuery, true>> = {
  status: true,
  transactionId: true,
  invoiceId: true,
  amount: true,
  currency: true,
  cardType: true,
  cardLastFour: true,
  captured: true,
  reasonCode: true,
  code: true,
  exp: true,
  sig: true,
};
export const RESULT_PARAMS = Object.keys(RESULT_FIELDS) as (keyof ThreeDsReturnQuery)[];

/** The gateways' brand names the kit passes on (server/handlers/card-types.ts); anything else is not shown. */
export const CARD_TYPES: ReadonlySet<string> = new Set(["Visa", "MasterCard", "Maestro", "MIR", "AmericanExpress", "JCB", "UnionPay", "DinersClub", "Discover"]);

type HistoryLike = Pick<History, "replaceState" | "state">;
type StorageLike = Parameters<typeof redeemTicket>[0];

export interface RedirectResultOptions {
  /** The widget's invoice: an outcome for another one is not its own. */
  invoiceId: string;
  /** Default window.history for a Location. */
  history?: HistoryLike;
  /** Where the tickets are; default this tab's sessionStorage. */
  storage?: StorageLike;
}

const badResult = (): FinalPaymentState => failure("bad_response", { sameRequest: false });

function outcomeOf(params: URLSearchParams, status: ThreeDsReturnQuery["status"], transactionId: number): FinalPaymentState {
  if (status === "error") {
    const code = params.get("code");
    if (!isPayErrorCode(code)) return failure("three_ds_failed");
    return code === "already_paid" ? { kind: "paid" } : failure(code, { sameRequest: false });
  }
  if (status === "declined") {
    const reasonCode = params.get("reasonCode") ?? "";
    if (!/^\d{1,6}$/.test(reasonCode)) return badResult();
    return { kind: "declined", transactionId, reasonCode: Number(reasonCode), message: "Error_Declined" };
  }
  const amount = params.get("amount") ?? "";
  const currency = params.get("currency") ?? "";
  const cardLastFour = params.get("cardLastFour") ?? "";
  const cardType = params.get("cardType") ?? "";
  const captured = params.get("captured");
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount) || !/^[A-Z]{3}$/.test(currency) || !/^\d{4}$/.test(cardLastFour)) {
    return badResult();
  }
  return {
    kind: "approved",
    // The auth code is not passed through the URL; the approved screen does not need it.
    result: {
      status: "approved",
      transactionId,
      amount: Number(amount),
      currency,
      cardType: CARD_TYPES.has(cardType) ? cardType : "",
      cardLastFour,
      authCode: "",
      ...(captured === "1" || captured === "0" ? { captured: captured === "1" } : {}),
    },
    // The gateway's card type name (e.g. "Visa") is not our brand id; the UI can show result.cardType.
    card: { brand: null, lastFour: cardLastFour },
  };
}

/**
 * Reads the 3-D Secure outcome that the return handler appended to the page URL, and removes
 * every parameter of it (history.replaceState) so a reload does not read it again. Returns null
 * and touches nothing when the URL carries no outcome (a shop's own `?status=` is left alone unless
 * it comes with a numeric transactionId); returns null, the URL cleaned, for an outcome this tab did
 * not begin (a crafted link) or that names another invoice.
 */
export function readRedirectResult(url: URL | Location, options: RedirectResultOptions): FinalPaymentState | null {
  const current = new URL(url.href);
  const params = current.searchParams;
  const status = params.get("status");
  const transactionId = params.get("transactionId") ?? "";
  if ((status !== "approved" && status !== "declined" && status !== "error") || !/^[1-9]\d{0,14}$/.test(transactionId)) {
    return null;
  }
  const id = Number(transactionId);
  const invoiceId = params.get("invoiceId") ?? options.invoiceId;
  const ours =
    invoiceId === options.invoiceId &&
    redeemTicket(options.storage === undefined ? sessionStore(typeof window === "undefined" ? undefined : window) : options.storage, invoiceId, id);
  const outcome = ours ? outcomeOf(params, status, id) : null;

  for (const name of RESULT_PARAMS) params.delete(name);
  if (url instanceof URL) {
    for (const name of RESULT_PARAMS) url.searchParams.delete(name);
  }
  const target = options.history ?? (url instanceof URL ? undefined : globalThis.history);
  if (target !== undefined) {
    try {
      target.replaceState(target.state, "", `${current.pathname}${current.search}${current.hash}`);
    } catch {
      // A sandboxed or foreign-origin document may refuse; the outcome is still shown.
    }
  }
  if (!outcome) {
    console.warn("checkout-widget: a 3-D Secure outcome in the URL was ignored: this tab did not begin that redirect for this invoice");
    return null;
  }
  return { ...outcome, unverified: true };
}
