// What the checkout handlers need from a payment gateway: one adapter per gateway
// (cloudpayments-gateway.ts, invoice-gateway.ts, rbs-gateway.ts). A gateway offers the ways of
// paying it supports as capabilities; the kit's handlers use only these shapes, never a
// gateway's own.
import type { PaymentId, PaymentScheme } from "../contract.ts";

/** What every payment the kit starts carries: the merchant's order, never the browser's word. */
export interface GatewayPaymentBase {
  scheme: PaymentScheme;
  amount: number;
  currency: string;
  invoiceId: string;
  description?: string;
  email?: string;
  /** The shopper's address (the merchant's own for a payment without the shopper). */
  ipAddress: string;
}

/** A card typed in the widget and encrypted there (CloudPayments' card cryptogram). */
export interface CryptogramPaymentInput extends GatewayPaymentBase {
  /** The browser's card cryptogram: pass through, never store or log. */
  cryptogram: string;
  name: string;
  accountId?: string;
  /** Keep a reusable token of the card (the kit sets it only for a logged-in customer). */
  saveCard?: boolean;
}

/** One line of a 54-FZ receipt, from the merchant's order; its `total` is what the line costs. */
export interface ReceiptLine {
  name: string;
  /** Price of one unit. */
  price: number;
  quantity: number;
  /** The line's total after any discount. */
  total: number;
  /** As the merchant wrote it, e.g. "10%". */
  discount?: string | number;
}

/** Marks the kit puts on a payment at the gateway and reads back, to know it as its own. */
export type PaymentTags = Readonly<Record<string, string>>;

/** A payment on the gateway's own card page (Invoice, RBS). */
export interface HostedPaymentInput extends GatewayPaymentBase {
  /** Receipt lines summing to `amount` (one line of the description when the order has none). */
  items: readonly ReceiptLine[];
  /** The kit's return route, signed: the gateway sends the shopper here after paying or failing. */
  returnUrl: string;
  language?: string;
  /** Set only when the card is to be kept for this customer (a logged-in shopper asked). */
  saveForCustomer?: string;
  /** Kept with the payment and answered by findOutcome (Invoice custom_parameters, RBS jsonParams). */
  tags: PaymentTags;
  /**
   * The kit's name for this start (letters and digits, at most 32), kept in its hold before the
   * call: an adapter whose gateway can be asked by the shop's own order reference makes that
   * reference of it (RBS orderNumber), so `recoverStart` can find what a start whose answer was
   * lost made.
   */
  startKey: string;
  /** The merchant's notification route, for gateways that take one per payment (RBS). */
  notificationUrl?: string;
}

/** The gateway's card page of a payment, as the widget opens it. */
export interface HostedPage {
  url: string;
  frameAllowed: boolean;
  frameWidth?: number;
  frameHeight?: number;
  /** When the page stops taking payments (Unix ms), if the gateway says: the kit holds the invoice until then. */
  expiresAt: number | null;
}

export type HostedStart =
  | ({
      kind: "started";
      /** The gateway's id of the payment (findOutcome's reference). */
      reference: string;
    } & HostedPage)
  /** The gateway refused the request itself (a bad field). */
  | { kind: "invalid"; message: string };

/** A payment with a card the gateway keeps (CloudPayments token, RBS binding). */
export interface SavedCardPaymentInput extends GatewayPaymentBase {
  /** The gateway's token or binding id. */
  token: string;
  /** The merchant's customer the card belongs to (CloudPayments AccountId, RBS clientId). */
  customerId: string;
  /** `shopper`: the shopper is paying now (the gateway may ask for 3-D Secure); `merchant`: a payment without the shopper. */
  initiator: "shopper" | "merchant";
  /** The kit's return route, signed, for gateways that send the shopper back after their own 3-D Secure (RBS). */
  returnUrl: string;
  tags: PaymentTags;
  notificationUrl?: string;
  /** The shopper's language for the gateway's own pages (RBS: its 3-D Secure), "ru" or "en". */
  language?: string;
}

export interface GatewayCallOptions {
  /** Idempotency key: the same key on a retry must not pay twice. */
  requestId?: string;
  /**
   * The kit's deadline for this call, shorter than the hold it runs under. Aborting must reject
   * with a GatewayTransportError that says the request may have reached the gateway.
   */
  signal?: AbortSignal;
}

/** A transaction as the handlers need it, plus the gateway's own record for `onResult`. */
export interface GatewayTransaction {
  transactionId: PaymentId;
  amount: number;
  currency: string;
  invoiceId: string | null;
  cardType: string;
  cardLastFour: string;
  authCode: string;
  /** A reusable reference to the card: CloudPayments' Token, RBS's bindingId. */
  token?: string;
  /** The customer the gateway keeps the card for (CloudPayments AccountId, RBS clientId). */
  accountId?: string | null;
  cardExpiry?: { month: number; year: number } | null;
  /** "Authorized" (two-stage), "Completed", "Declined"… in the gateway's words. */
  status: string;
  /** true when the money was taken, false while it is only held (two-stage). */
  captured: boolean;
  /** The gateway's full answer model, for the merchant's own records. */
  raw: unknown;
}

export interface GatewayDecline {
  kind: "declined";
  transaction: GatewayTransaction | null;
  /** CloudPayments' ReasonCode, or the adapter's mapping of the gateway's code onto one. */
  reasonCode: number;
  reason: string;
  message: string;
}

export type GatewayPayOutcome =
  | { kind: "approved"; transaction: GatewayTransaction }
  | GatewayDecline
  | {
      kind: "3ds";
      transactionId: PaymentId;
      acsUrl: string;
      paReq: string;
      iframeAllowed: boolean;
      frameWidth?: number;
      frameHeight?: number;
      /**
       * Set when the gateway completes the challenge itself (RBS bindings): the ACS posts to
       * this TermUrl and the gateway then sends the shopper to the kit's return route. Absent:
       * the kit completes it at its own termUrl (CloudPayments post3ds).
       */
      gatewayTermUrl?: string;
      /**
       * With gatewayTermUrl: when the gateway stops waiting for the bank's answer (Unix ms, its
       * payment session): the kit holds the invoice until then.
       */
      expiresAt?: number;
    }
  /** The gateway refused the request itself (bad field, undecryptable cryptogram…). */
  | { kind: "invalid"; message: string };

/**
 * What the gateway says of a payment now. `open`: unpaid and still payable on its page;
 * `pending`: between steps (e.g. at 3-D Secure); `closed`: ended without payment and without a
 * card being declined (cancelled, or its time ran out). `tags` are the PaymentTags the kit gave it.
 */
export type GatewayPaymentState = (
  | { kind: "approved"; transaction: GatewayTransaction }
  | GatewayDecline
  | { kind: "open" }
  | { kind: "pending" }
  | { kind: "closed" }
) & { tags?: PaymentTags };

/** Cards typed in the widget, encrypted in the browser (CloudPayments). */
export interface CryptogramPayments {
  pay(input: CryptogramPaymentInput, options: GatewayCallOptions): Promise<GatewayPayOutcome>;
  /** Completes a `3ds` outcome with the ACS's answer (its `MD` is the transaction). */
  completeThreeDs(input: { transactionId: number; paRes: string }, options: GatewayCallOptions): Promise<GatewayPayOutcome>;
}

/** The gateway's own card page (Invoice, RBS). */
export interface HostedPayments {
  start(input: HostedPaymentInput, options: GatewayCallOptions): Promise<HostedStart>;
  /**
   * The payment a shopper returning from the page belongs to, when the kit no longer holds its
   * reference: from the return URL (RBS appends `orderId`) or found by the attempt's tags (Invoice
   * GetPaymentByOrder). The kit checks the payment's tags before it trusts the answer.
   */
  locate(input: { invoiceId: string; attemptId: string; query: URLSearchParams }): Promise<string | null>;
  /**
   * What a start whose answer was lost (a timeout, a reset connection, an instance that died
   * during the call) made at the gateway, asked by the shop's own order reference (Invoice
   * GetPaymentByOrder, RBS getOrderStatusExtended.do by orderNumber). `none`: the gateway has no
   * payment of this start. `found`: its payment, with its page when the gateway still answers it
   * (Invoice's payment_url); an adapter whose gateway does not (RBS) closes a payment still unpaid
   * (decline.do) so that its lost page can never take money, and answers the closed state. Throws
   * when the gateway cannot say: the kit then keeps the invoice held. Without it, a lost start
   * stays unresolved until the hold's unresolved time ends.
   */
  recoverStart?(input: RecoverStartInput, options?: GatewayCallOptions): Promise<RecoveredStart>;
}

export interface RecoverStartInput {
  invoiceId: string;
  startKey: string;
  /** The tags the start gave its payment: a payment without them is not this start's. */
  tags: PaymentTags;
}

export type RecoveredStart =
  | { kind: "none" }
  | { kind: "found"; reference: string; state: GatewayPaymentState; page: HostedPage | null };

/** Cards the gateway keeps for the merchant's customer (CloudPayments tokens, RBS bindings). */
export interface SavedCardPayments {
  pay(input: SavedCardPaymentInput, options: GatewayCallOptions): Promise<GatewayPayOutcome>;
  /** Deactivates the card at the gateway, if the gateway has such a call (RBS unBindCard); resolves once it is gone. */
  remove(card: { token: string; customerId: string }): Promise<void>;
  /**
   * What this attempt's payment came to when its answer was lost, asked by the shop's own order
   * reference (RBS: the orderNumber the attempt's idempotency key makes), for a gateway without
   * `findByInvoice`. Answers as `HostedPayments.recoverStart`: `none`, or the payment (an order
   * still unpaid is declined first, so a late call cannot pay it). Throws when the gateway cannot say.
   */
  recover?(input: { invoiceId: string; attemptId: string; tags: PaymentTags }, options?: GatewayCallOptions): Promise<RecoveredStart>;
}

/** Server-to-server notifications of status changes (RBS callbacks). */
export interface GatewayNotifications {
  /**
   * Checks a notification (its query or form fields) and names the payment it is about. Only a
   * notification the gateway signed names one; the kit then reads the payment's real state.
   */
  verify(params: URLSearchParams): Promise<{ ok: true; reference: string } | { ok: false; reason: string }>;
}

/**
 * Adapters throw GatewayAuthError / GatewayTransportError / GatewayHttpError
 * (server/client/errors.ts) when no answer could be had.
 */
export interface CheckoutGateway {
  /** A stable name ("cloudpayments", "invoice", "rbs"): saved cards are kept per gateway. */
  readonly name: string;
  /**
   * The longest one call may wait for an answer (the client's timeout), when the adapter knows
   * it: the kit refuses to start when a hold is not longer.
   */
  readonly timeoutMs?: number;
  readonly cryptogram?: CryptogramPayments;
  readonly hosted?: HostedPayments;
  readonly savedCards?: SavedCardPayments;
  readonly notifications?: GatewayNotifications;
  /**
   * A payment the gateway knows by `reference` (its own id, as text), or null when unknown, and
   * for anything that is not a payment (a refund, a payout): the kit asks only about payments it
   * started itself.
   */
  findOutcome(reference: string, options?: GatewayCallOptions): Promise<GatewayPaymentState | null>;
  /**
   * The final outcome of the invoice's latest payment, or null when there is none or it is not
   * final. The kit asks when a call's answer was lost before it learnt the payment's reference
   * (an approval must then be recovered, never paid again). A gateway without such a lookup
   * leaves it out: such a lost answer then keeps the invoice held (never paid twice) until the
   * hold's unresolved time ends or the merchant settles it.
   */
  findByInvoice?(invoiceId: string, options?: GatewayCallOptions): Promise<GatewayPaymentState | null>;
  /**
   * Undoes an approval at once: voids a hold, refunds a capture in full. Resolves true when the
   * gateway confirmed it, or says it is undone already. The kit calls it for an approval the
   * order must not keep (another attempt paid first, or it does not match the order).
   */
  reverse(transaction: GatewayTransaction, options?: GatewayCallOptions): Promise<boolean>;
}

/** What a gateway's signed server-to-server notification says, once the adapter verified it. */
export type GatewayNotification =
  /** A payment was approved (captured, or held in two stages). */
  | { kind: "approved"; transaction: GatewayTransaction }
  /** A payment was declined. */
  | { kind: "declined"; transactionId: number; invoiceId: string | null; reasonCode: number; reason: string; raw: unknown }
  /** Something happened to an approved payment. */
  | {
      kind: "operation";
      operation: "confirmed" | "refunded" | "cancelled";
      /** The payment it concerns. */
      paymentTransactionId: number;
      /** The operation's own id (a refund's), else the payment's. */
      transactionId: number;
      invoiceId: string | null;
      amount: number;
      raw: unknown;
    };
