// Options of createCheckoutHandlers and the event it reports to the merchant.
import type { AttemptStore } from "../attempts/index.ts";
import type { CloudPaymentsClient } from "../client/index.ts";
import type { PayAbandoned, PayAnswer, PayCancelled, PaymentId, PaymentScheme, SavedCardView } from "../contract.ts";
import type { CheckoutGateway } from "../gateway/index.ts";
import type { SavedCardStore } from "../saved-cards/index.ts";

/** One line of the order's 54-FZ receipt (Invoice sends these in `receipt`). */
export interface CheckoutOrderItem {
  name: string;
  /** Price of one unit. */
  price: number;
  quantity: number;
  /** The line's total after any discount; default price × quantity. */
  total?: number;
  /** As printed on the receipt, e.g. "10%". */
  discount?: string | number;
}

/** The merchant's own order: the only source of what is charged, and how. */
export interface CheckoutOrder {
  amount: number;
  currency: string;
  description?: string;
  accountId?: string;
  email?: string;
  /** One-stage `charge` (default) or two-stage `auth`: the merchant's alone, never the browser's. */
  scheme?: PaymentScheme;
  /**
   * Set once the order is paid (or authorised): the X-Request-ID of the attempt that paid it
   * (`onResult`'s `requestId`), or null when unknown (e.g. paid after 3-D Secure). Any other
   * attempt is refused with 409 `already_paid`; a retry of the paying attempt itself is answered
   * from the gateway's record of `paidTransactionId`, never charged again.
   */
  paidByRequestId?: string | null;
  /** The transaction that paid the order (`onResult`'s `result.transactionId`). */
  paidTransactionId?: number | string | null;
  /**
   * Receipt lines (54-FZ). Their totals must add up to `amount`, or the kit refuses the payment
   * before calling the gateway. Invoice needs a receipt: without items the kit sends one line of
   * the description and the amount.
   */
  items?: readonly CheckoutOrderItem[];
}

/** The shopper as the merchant's own session knows them: never taken from the browser's body. */
export interface CheckoutCustomer {
  /** The merchant's customer id: saved cards belong to it (and it is the gateway's AccountId / clientId). */
  id: string;
}

export interface CheckoutLogger {
  info?(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A payment the order must not keep: another attempt paid the order first (`duplicate`), or the
 * gateway approved something other than the order (`mismatch`).
 */
export interface ExtraPayment {
  reason: "duplicate" | "mismatch";
  /**
   * `not_completed`: the kit did not finish this attempt's 3-D Secure, nothing was charged;
   * `reversed`: the kit voided or refunded the approval at once;
   * `reverse_failed`: the approval stands: refund it yourself (`gatewayModel` has it).
   */
  action: "not_completed" | "reversed" | "reverse_failed";
  /** This attempt's transaction. */
  transactionId: PaymentId;
  /** The payment that paid the order first (duplicates), in the gateway's id. */
  paidReference?: string;
}

/**
 * Reported once per gateway outcome (approved, declined, 3ds started, gateway error), and again
 * when a retry, a replayed return or a notification tells of the same payment: key your records
 * by the transaction id.
 * - `pay`, `threeDsReturn`: what the shopper's browser was told.
 * - `notification`: the gateway's signed notification (Pay, Fail), told to no browser.
 * - `recovery`: an approval whose answer was lost (a dropped connection, a timeout, a crashed
 *   instance), found by asking the gateway before anyone could pay the order again.
 * - `abandon`: the shopper left the widget's 3-D Secure dialog and the gateway confirmed the
 *   challenge unfinished (`abandoned`: the order is open for payment again), or ended (a decline,
 *   or an approval after all). A later approval of the same transaction is reported as usual.
 */
export interface CheckoutResultEvent {
  /**
   * Where the kit learned it: the pay call, the 3-D Secure return, the return from a gateway's
   * page, a gateway's notification, a merchant-initiated `chargeSavedCard`, `recovery`, or the
   * widget's word that the shopper left 3-D Secure (`abandon`), checked with the gateway.
   */
  stage: "pay" | "threeDsReturn" | "hostedReturn" | "notification" | "chargeSavedCard" | "recovery" | "abandon";
  /** Null only when the outcome belongs to no invoice the kit knows. */
  invoiceId: string | null;
  /** The widget's X-Request-ID (pay stage only). */
  requestId?: string;
  /** Exactly what the browser was told (for `notification`, `recovery` or a charge: what it would have been). */
  result: PayAnswer | PayCancelled | PayAbandoned<PaymentId>;
  /** The gateway's full transaction model when there is one (has the card token, if any). */
  gatewayModel?: unknown;
  /** Set when this attempt's payment must not count for the order (see ExtraPayment). */
  extraPayment?: ExtraPayment;
  /** The logged-in shopper (getCustomer) whose payment this is, when known. */
  customerId?: string;
  /** The card this payment saved for the customer. */
  savedCard?: SavedCardView;
}

export interface AttemptLimit {
  /** Failed (or still open) attempts allowed in one window. */
  max: number;
  windowMs: number;
}

export interface FailureLimits {
  /** Default 20 per 15 minutes per shopper IP address (an IPv6 address counts by its /64). */
  perIp?: AttemptLimit | false;
  /** Default 10 per 15 minutes per invoice and shopper IP address: a stranger cannot lock another's order. */
  perInvoiceAndIp?: AttemptLimit | false;
  /** Default 100 per 15 minutes per invoice, whoever tries: the cap when many addresses try one order. */
  perInvoice?: AttemptLimit | false;
}

/** Something a notification told of a payment the kit settled: confirmed, refunded or voided. */
export interface PaymentOperationEvent {
  operation: "confirmed" | "refunded" | "cancelled";
  invoiceId: string | null;
  /** The payment it concerns (`CheckoutResultEvent`'s `result.transactionId`). */
  paymentTransactionId: number;
  /** The operation's own id (a refund's), else the payment's. */
  transactionId: number;
  amount: number;
  /** The notification's fields, as the gateway sent them. */
  gatewayModel: unknown;
}

export interface HoldTimes {
  /**
   * How long an invoice is held while one gateway call runs. Must be longer than the client's
   * timeout (the kit refuses to start otherwise); every call gets a deadline of 80% of it.
   * Default 2 min.
   */
  callMs?: number;
  /**
   * How long it is held while the shopper is on a 3-D Secure page, or after a call whose outcome
   * is unknown (the widget retries with the same X-Request-ID meanwhile). Keep it shorter than the
   * gateway's idempotency window (CloudPayments: 1 hour). Default 20 min.
   */
  pendingMs?: number;
  /**
   * How long the store remembers a paid invoice, and an unresolved one (a call that lapsed with
   * its outcome unknown) until the gateway is asked. Your getOrder is the lasting record. Default 7 days.
   */
  paidMs?: number;
}

export interface ReturnQueryOptions {
  /** How long a signed returnUrl outcome verifies (`exp`). Default 30 min. */
  validForMs?: number;
  /**
   * Also put the card's last four digits in the URL (the widget's redirect screen shows them).
   * Default false: URLs end up in histories, logs and Referer headers.
   */
  cardLastFour?: boolean;
}

export interface CheckoutHandlerOptions {
  /**
   * The gateway: a CloudPaymentsClient, or a CheckoutGateway adapter (`invoiceGateway(...)`,
   * `rbsGateway(...)`, `cloudPaymentsGateway(...)`, your own).
   */
  client: CloudPaymentsClient | CheckoutGateway;
  getOrder(invoiceId: string): CheckoutOrder | null | undefined | Promise<CheckoutOrder | null | undefined>;
  /**
   * At least 32 random characters, the same on every instance: signs the 3-D Secure TermUrl
   * and the returnUrl outcome. Keep it out of the browser and the repository.
   */
  secret: string;
  /**
   * Absolute URL where threeDsReturn is mounted: the bank's 3-D Secure page posts the shopper back
   * here, and a gateway's own card page (Invoice, RBS) sends the shopper back here.
   */
  termUrl: string;
  /** Origins of the pages embedding the widget: CORS and postMessage targets. */
  allowedOrigins: readonly string[];
  /** Where a top-level return (3-D Secure, a gateway's page) redirects (303) with the signed result in the query. */
  returnUrl: string;
  onResult?(event: CheckoutResultEvent): void | Promise<void>;
  /**
   * The logged-in shopper of this request, from your own session (a cookie): null for a guest.
   * Needed for saved cards; the browser's body never names a customer.
   */
  getCustomer?(request: Request): CheckoutCustomer | null | undefined | Promise<CheckoutCustomer | null | undefined>;
  /** Where saved cards are kept (brand, last four, expiry, the gateway's token). Default: in memory. */
  savedCards?: SavedCardStore;
  /**
   * Absolute URL where `notification` is mounted, for gateways that take a notification address
   * per payment (RBS's dynamicCallbackUrl). Without it the gateway uses the one set in its dashboard.
   */
  notificationUrl?: string;
  /**
   * Who may pay an invoice now, and which invoices are paid. Default: in this process's memory.
   * With several instances pass one shared store, e.g. `redisAttemptStore(...)`.
   */
  attemptStore?: AttemptStore;
  holdTimes?: HoldTimes;
  /** Card-testing defence: 429 with Retry-After past these; counted in the attempt store. `false`: none. */
  failureLimits?: FailureLimits | false;
  /** Where a top-level 3-D Secure return's signed outcome goes: its lifetime and fields. */
  returnQuery?: ReturnQueryOptions;
  /**
   * A verified notification told of a confirm, refund or void (CloudPayments Confirm, Refund,
   * Cancel). Approvals and declines come to onResult (stage `notification`).
   */
  onPaymentEvent?(event: PaymentOperationEvent): void | Promise<void>;
  /**
   * Header set by your own reverse proxy with the client address, e.g. "x-forwarded-for"
   * (its last entry is used) or "x-real-ip". Only set this behind a proxy that overwrites it.
   * This or `getClientIp` is required: the gateway needs the shopper's IP. Without it, behind a
   * proxy every shopper has the proxy's address: the kit warns once when a request from a
   * private address carries a forwarding header.
   */
  trustedProxyHeader?: string;
  /** Proxies of your own that each append to `trustedProxyHeader` (default 1: its last entry counts). */
  trustedProxyHops?: number;
  /**
   * The shopper's IP address for a request. On Node with the adapter of
   * checkout-widget/server/node: `remoteAddress` (the socket's address, which the adapter records).
   */
  getClientIp?(request: Request): string | undefined;
  /** Default: console. Never receives card data. */
  logger?: CheckoutLogger;
  /** Replayed 3-D Secure returns remembered in memory (default 10000). */
  replayCacheSize?: number;
}
