// The widget <-> merchant endpoint contract, version 1.
// The one place these shapes are defined: the server kit implements them and the
// widget imports them as types only (`import type`), so no server code reaches the bundle.
//
// Version rules: readers ignore fields and `code` values they do not know, so a new optional
// field or a new error code keeps the version. Removing a field, changing what one means, or a
// new `status` that an older widget would misread bumps CONTRACT_VERSION.

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
  /**
   * true: the money was taken (one-stage); false: it is only held (two-stage) until the
   * merchant confirms or voids it. The server kit always sends it.
   */
  captured?: boolean;
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

/**
 * Stable machine codes of error answers: the widget chooses its own localised text by code
 * (the message is a fallback). New codes may appear; a widget treats an unknown one by HTTP status.
 */
export type PayErrorCode =
  /** 409: the order is paid (or its money held); a new attempt would pay it twice. */
  | "already_paid"
  /** 409: another attempt for this order is running, or its shopper is on the bank's page. */
  | "payment_in_progress"
  /** 429 with Retry-After: too many failed attempts from this address or for this order. */
  | "too_many_attempts"
  /** 400: the gateway refused the payment data (e.g. a cryptogram it cannot read). */
  | "payment_rejected"
  /** 502: the gateway could not be reached or refused the shop; the same attempt may be retried. */
  | "gateway_unavailable"
  /** 502: the gateway's answer does not match the order; nothing was kept. */
  | "payment_unconfirmed"
  /** 400, 405, 413, 415: the request itself is malformed. */
  | "bad_request"
  /** 403: the page's origin may not call this endpoint. */
  | "origin_refused"
  /** 404: no such order. */
  | "unknown_order"
  /** 500: the shop could not load the order. */
  | "order_unavailable";

export interface PayError {
  status: "error";
  message: string;
  code?: PayErrorCode;
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
  invoiceId?: string;
  amount?: string;
  currency?: string;
  /** One of the gateway brand names the kit knows ("Visa", "MasterCard", "MIR"…), else "Unknown". */
  cardType?: string;
  /** Only when the merchant asks for it (`returnQuery.cardLastFour`): URLs end up in logs and histories. */
  cardLastFour?: string;
  captured?: "1" | "0";
  reasonCode?: string;
  code?: PayErrorCode;
  /** Unix seconds after which the signature no longer verifies. */
  exp?: string;
  /**
   * The kit's HMAC over the other fields (server/handlers `verifyReturnQuery`): a crafted link
   * fails it. The browser cannot check it; the merchant's server can.
   */
  sig?: string;
}
