// The widget <-> merchant endpoint contract (shared/design.md), version 1.
// The one place these shapes are defined: the server kit implements them and the
// widget imports them as types only (`import type`), so no server code reaches the bundle.

export const CONTRACT_VERSION = 1;

/** Payment scheme: one-stage `charge` or two-stage `auth` (then confirm/void). */
export type PaymentScheme = "charge" | "auth";

/** Body of `POST {endpoint}/pay`; header `X-Request-ID: <uuid>` (one per attempt). */
export interface PayRequestBody {
  cryptogram: string;
  name: string;
  email?: string;
  invoiceId: string;
  accountId?: string;
  scheme?: PaymentScheme;
  saveCard?: boolean;
  /** Display only: the server always charges its own order's amount. */
  amount?: number;
}

export interface PayApproved {
  status: "approved";
  transactionId: number;
  amount: number;
  currency: string;
  cardType: string;
  cardLastFour: string;
  authCode: string;
  token?: string;
}

export interface PayDeclined {
  status: "declined";
  transactionId?: number;
  reasonCode: number;
  /** Gateway reason name, e.g. "InsufficientFunds". */
  reason: string;
  /** Message for the shopper (the widget prefers its own localised text for reasonCode). */
  message: string;
}

export interface PayThreeDs {
  status: "3ds";
  transactionId: number;
  acsUrl: string;
  paReq: string;
  termUrl: string;
  iframeAllowed: boolean;
  frameWidth?: number;
  frameHeight?: number;
}

export interface PayError {
  status: "error";
  message: string;
}

export type PayResponse = PayApproved | PayDeclined | PayThreeDs | PayError;

/** What the 3-D Secure return page reports: the final outcome of the transaction. */
export type ThreeDsOutcome = PayApproved | PayDeclined | PayError;

/** `postMessage` payload sent by the threeDsReturn page to the framing widget. */
export interface ThreeDsResultMessage {
  type: "checkout-widget:3ds-result";
  version: typeof CONTRACT_VERSION;
  transactionId: number;
  result: ThreeDsOutcome;
}

/**
 * Query parameters the threeDsReturn handler appends to `returnUrl` (redirect mode).
 * Only non-secret facts: no card number, no cryptogram.
 */
export interface ThreeDsReturnQuery {
  status: "approved" | "declined" | "error";
  transactionId: string;
  amount?: string;
  currency?: string;
  cardType?: string;
  cardLastFour?: string;
  reasonCode?: string;
}
