// The widget <-> merchant endpoint contract, version 3.
// The one place these shapes are defined: the server kit implements them and the
// widget imports them as types only (`import type`), so no server code reaches the bundle.
//
// Version rules: readers ignore fields and `code` values they do not know, so a new optional
// field or a new error code keeps the version. Removing a field, changing what one means, or a
// new `status` that an older widget would misread bumps CONTRACT_VERSION.
//
// Version 2 (over 1): a gateway's own card page (`redirect` answer, `hosted-result` message,
// `cancelled` outcome); saved cards (`savedCardId`, `GET/DELETE {endpoint}/saved-cards`); ids
// that are text (`PaymentId`). A version-1 widget never meets any of it: the kit answers
// `redirect` only to a body without a cryptogram, text ids only for gateways other than
// CloudPayments, and every CloudPayments answer and message keeps its version-1 shape. The
// shapes take the id's type as a parameter: `number` (the default) is that version-1 shape, a
// reader of every gateway uses `PaymentId`.
//
// Version 3 (over 2): `POST {endpoint}/pay/abandon` (`AbandonRequestBody`, `AbandonAnswer`): the
// widget says the shopper left its 3-D Secure dialog, and the kit asks the gateway whether that
// challenge is still unfinished before it records it abandoned (`PayAbandoned`). A version-2 kit
// answers 404 there and the widget goes on without it; a version-2 widget never calls it, and its
// abandoned challenge is replaced by the next attempt as before.
export const CONTRACT_VERSION = 3;

/** Payment scheme: one-stage `charge` or two-stage `auth` (then confirm/void). */
export type PaymentScheme = "charge" | "auth";

/**
 * A gateway's id of a payment: CloudPayments' TransactionId is a number; Invoice's payment id
 * and RBS's orderId (a UUID) are text. Compare ids as they come; never convert one to the other.
 */
export type PaymentId = number | string;

/**
 * Body of `POST {endpoint}/pay` for a card typed in the widget (CloudPayments' cryptogram);
 * header `X-Request-ID: <uuid>` (one per attempt, the same on its retries).
 */
export interface PayRequestBody {
  cryptogram: string;
  name: string;
  email?: string;
  invoiceId: string;
  accountId?: string;
  scheme?: PaymentScheme;
  /** Keep the card for this shopper's next payments: honoured only for a logged-in customer of the shop. */
  saveCard?: boolean;
  /** Display only: the server always charges its own order's amount. */
  amount?: number;
}

/**
 * Body of `POST {endpoint}/pay` that starts a payment on the gateway's own card page (Invoice,
 * RBS): no card data at all. Answered `redirect` (or `error`). A retry with the same
 * X-Request-ID, and a new attempt while that page is still open, answer the same page.
 */
export interface HostedPayRequestBody {
  invoiceId: string;
  email?: string;
  /** As in PayRequestBody: only for a logged-in customer, and only where the gateway keeps cards (RBS). */
  saveCard?: boolean;
  /** The gateway page's language, "ru" or "en" (default: the gateway's). */
  language?: string;
}

/**
 * Body of `POST {endpoint}/pay` that pays with one of the logged-in shopper's saved cards
 * (`GET {endpoint}/saved-cards`). Answered `approved`, `declined`, `3ds` or `error`; a card of
 * another customer, or a guest's request, is 404 `unknown_saved_card`. While this card's 3-D
 * Secure that the gateway completes itself (RBS) is still at the bank, the same shopper asking
 * again with the same card is answered that same `3ds` challenge.
 */
export interface SavedCardPayRequestBody {
  invoiceId: string;
  savedCardId: string;
  email?: string;
  /** The language of the gateway's pages for this payment (RBS: its 3-D Secure), "ru" or "en" (default: the gateway's). */
  language?: string;
}

export interface PayApproved<Id extends PaymentId = number> {
  status: "approved";
  transactionId: Id;
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

export interface PayDeclined<Id extends PaymentId = number> {
  status: "declined";
  transactionId?: Id;
  /**
   * CloudPayments' ReasonCode (5051 insufficient funds…). For the other gateways the kit maps
   * their decline codes onto these, so one table of texts serves every gateway.
   */
  reasonCode: number;
  /** Gateway reason name, e.g. "InsufficientFunds". */
  reason: string;
  /** Message for the shopper (the widget prefers its own localised text for reasonCode). */
  message: string;
}

export interface PayThreeDs<Id extends PaymentId = number> {
  status: "3ds";
  /** Also the `MD` the widget posts to acsUrl. */
  transactionId: Id;
  acsUrl: string;
  paReq: string;
  termUrl: string;
  iframeAllowed: boolean;
  frameWidth?: number;
  frameHeight?: number;
  /**
   * Set when the result message comes from another origin than termUrl's: a saved RBS card, whose
   * termUrl is the bank's own (the bank finishes the payment, then sends the shopper to the merchant).
   */
  returnOrigin?: string;
}

/**
 * The shopper pays on the gateway's own page: open `url` in the widget's frame when
 * `frameAllowed`, else navigate the whole page to it. The shopper comes back to the kit's return
 * route, which reports a `HostedResultMessage` (framed) or redirects to the merchant's returnUrl
 * with a `ThreeDsReturnQuery` (top level).
 */
export interface PayRedirect {
  status: "redirect";
  /** The gateway's id of the payment (Invoice payment id, RBS orderId): the result names it. */
  paymentId: string;
  url: string;
  /** The origin the result message comes from (the merchant's return route): accept it from nowhere else. */
  returnOrigin: string;
  frameAllowed: boolean;
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
  | "order_unavailable"
  /** 404: no such saved card for this shopper (another customer's card, a removed one, a guest). */
  | "unknown_saved_card"
  /** 400: this shop's gateway cannot take that kind of payment (e.g. a cryptogram on Invoice). */
  | "unsupported_payment";

export interface PayError {
  status: "error";
  message: string;
  code?: PayErrorCode;
}

/**
 * The shopper left the gateway's page without paying ("return to the shop"): not a decline.
 * The widget goes back to its Pay screen; paying again opens the same page while it is open.
 */
export interface PayCancelled {
  status: "cancelled";
  paymentId: string;
  message: string;
}

/**
 * Body of `POST {endpoint}/pay/abandon` (version 3): the shopper left the widget's 3-D Secure
 * dialog (Cancel, Escape) for the `3ds` answer's `transactionId`. Only a prompt, never proof: the
 * kit acts on it only for that order's open challenge of that transaction, and only on what the
 * gateway says of it. No X-Request-ID; sent once, its answer may go unread.
 */
export interface AbandonRequestBody {
  invoiceId: string;
  transactionId: PaymentId;
}

/**
 * The 3-D Secure challenge was left unfinished, and the gateway still waits for the bank's answer:
 * nothing was charged, the order may be paid again. The transaction stays at the gateway until it
 * expires there; should its bank page still be completed, that approval counts as usual.
 */
export interface PayAbandoned<Id extends PaymentId = number> {
  status: "abandoned";
  transactionId: Id;
  message: string;
}

/**
 * Answers of `POST {endpoint}/pay/abandon`: `abandoned` (recorded); `approved` or `declined` when
 * the gateway says the challenge ended after all (the bank's page finished first); `error`:
 * `no_challenge` (404), `already_paid` and `payment_in_progress` (409: another attempt, or this
 * challenge's completion, holds the order), `gateway_unavailable` (502), `bad_request`,
 * `origin_refused`.
 */
export type AbandonAnswer = PayAbandoned<PaymentId> | PayApproved<PaymentId> | PayDeclined<PaymentId> | AbandonError;

/** An error answer of `/pay/abandon`: the pay route's codes, and `no_challenge` (404: no open challenge of that transaction). */
export interface AbandonError {
  status: "error";
  message: string;
  code: PayErrorCode | "no_challenge";
}

/** Version 1's answers (CloudPayments' card flow); with `PaymentId`, the card and saved-card answers of every gateway. */
export type PayResponse<Id extends PaymentId = number> = PayApproved<Id> | PayDeclined<Id> | PayThreeDs<Id> | PayError;

/** Every answer of `POST {endpoint}/pay` in version 2. */
export type PayAnswer = PayResponse<PaymentId> | PayRedirect;

/** What the 3-D Secure return page reports: the final outcome of the transaction. */
export type ThreeDsOutcome<Id extends PaymentId = number> = PayApproved<Id> | PayDeclined<Id> | PayError;

/** What the return route reports after the gateway's own page. */
export type HostedOutcome = PayApproved<PaymentId> | PayDeclined<PaymentId> | PayCancelled | PayError;

/**
 * `postMessage` payload sent by the threeDsReturn page to the framing widget after 3-D Secure
 * (also a saved RBS card's, whose `transactionId` is the RBS orderId). Its own format version 1.
 */
export interface ThreeDsResultMessage<Id extends PaymentId = number> {
  type: "checkout-widget:3ds-result";
  version: 1;
  transactionId: Id;
  result: ThreeDsOutcome<Id>;
}

/** `postMessage` payload sent by the return page to the widget that framed a gateway's page. */
export interface HostedResultMessage {
  type: "checkout-widget:hosted-result";
  version: 2;
  /** The `paymentId` of the `redirect` answer. */
  paymentId: string;
  result: HostedOutcome;
}

/**
 * Query parameters the return route appends to `returnUrl` (redirect mode), after 3-D Secure
 * or after a gateway's page. Only non-secret facts: no card number, no cryptogram.
 */
export interface ThreeDsReturnQuery {
  /** `cancelled` only after a gateway's page. */
  status: "approved" | "declined" | "cancelled" | "error";
  /** The payment's id: digits for CloudPayments, the `paymentId` of a `redirect` answer otherwise. */
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

/** One card of `GET {endpoint}/saved-cards` (never the card number or a gateway token). */
export interface SavedCardView {
  id: string;
  /** A gateway brand name the kit knows ("Visa", "MasterCard", "MIR"…), else "Unknown". */
  brand: string;
  lastFour: string;
  /** 1–12. */
  expMonth: number;
  /** Four digits. */
  expYear: number;
  /** Past its expiry month: shown, but a payment with it will be declined. */
  expired: boolean;
}

/** Answer of `GET {endpoint}/saved-cards`: the logged-in shopper's cards (none for a guest). */
export interface SavedCardsResponse {
  cards: SavedCardView[];
  /** The shopper is logged in and this shop's gateway keeps cards: offer "Save this card". */
  canSave: boolean;
}
