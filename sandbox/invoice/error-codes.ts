// The gateway's payment errors (docs/invoice.md, Errors): a [class, code] pair and its name. Class 3 comes
// from the gateway itself, class 2 from the card's bank.
import type { HostedDecline } from "../hosted-page/index.ts";

export type InvoiceErrorPair = readonly [number, number];

export const INVOICE_ERRORS = {
  duplicate: { code: [3, -21], name: "Duplicate transaction" },
  expired: { code: [3, -20], name: "Expired transaction" },
  authenticationFailed: { code: [3, -19], name: "Authentication failed" },
  accessDenied: { code: [3, -17], name: "Access denied" },
  badRequest: { code: [3, -2], name: "Bad CGI request" },
  restricted: { code: [2, 4], name: "Your card is restricted" },
  declined: { code: [2, 5], name: "Transaction declined" },
  invalidTransaction: { code: [2, 12], name: "Invalid transaction" },
  noSuchCard: { code: [2, 14], name: "No such card" },
  lostCard: { code: [2, 41], name: "Lost card" },
  stolenCard: { code: [2, 43], name: "Stolen card" },
  insufficientFunds: { code: [2, 51], name: "Not sufficient funds" },
  expiredCard: { code: [2, 54], name: "Expired card" },
  notPermittedToClient: { code: [2, 57], name: "Not permitted to client" },
  notPermittedToMerchant: { code: [2, 58], name: "Not permitted to merchant" },
  suspectedFraud: { code: [2, 59], name: "Suspected fraud" },
  amountLimit: { code: [2, 61], name: "Exceeds amount limit" },
  restrictedCard: { code: [2, 62], name: "Restricted card" },
  frequencyLimit: { code: [2, 65], name: "Exceeds frequency limit" },
  issuerTimeout: { code: [2, 82], name: "Time-out at issuer" },
  issuerUnavailable: { code: [2, 91], name: "Issuer unavailable" },
  violationOfLaw: { code: [2, 93], name: "Violation of law" },
  reconcileError: { code: [2, 95], name: "Reconcile error" },
  systemMalfunction: { code: [2, 96], name: "System malfunction" },
} as const satisfies Record<string, { code: InvoiceErrorPair; name: string }>;

export type InvoiceErrorName = keyof typeof INVOICE_ERRORS;

/** How the hosted page's declines read in the gateway's codes. */
export const DECLINE_ERRORS: Record<HostedDecline, InvoiceErrorName> = {
  insufficient_funds: "insufficientFunds",
  expired_card: "expiredCard",
  authentication_failed: "authenticationFailed",
  invalid_card: "noSuchCard",
  do_not_honor: "declined",
};
