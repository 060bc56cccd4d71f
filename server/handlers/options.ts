// Options of createCheckoutHandlers and the event it reports to the merchant.
import type { CloudPaymentsClient } from "../client/index.ts";
import type { PayResponse, PaymentScheme } from "../contract.ts";
import type { CheckoutGateway } from "../gateway/index.ts";

/** The merchant's own order: the only source of what is charged. */
export interface CheckoutOrder {
  amount: number;
  currency: string;
  description?: string;
  accountId?: string;
  email?: string;
  /** Overrides the scheme the browser asks for. */
  scheme?: PaymentScheme;
  /**
   * Set once the order is paid (or authorised): the X-Request-ID of the attempt that paid it
   * (`onResult`'s `requestId`), or null when unknown (e.g. paid after 3-D Secure). Any other
   * attempt is refused with 409, so an order is never paid twice; a retry of the paying attempt
   * itself still gets the gateway's replayed answer.
   */
  paidByRequestId?: string | null;
}

export interface CheckoutLogger {
  info?(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Reported once per gateway outcome (approved, declined, 3ds started, gateway error). */
export interface CheckoutResultEvent {
  stage: "pay" | "threeDsReturn";
  /** Null when a 3-D Secure return's transaction carried no invoice id. */
  invoiceId: string | null;
  /** The widget's X-Request-ID (pay stage only). */
  requestId?: string;
  /** Exactly what the browser was told. */
  result: PayResponse;
  /** The gateway's full transaction model when there is one (has the card token, if any). */
  gatewayModel?: unknown;
}

export interface CheckoutHandlerOptions {
  /** The gateway: a CloudPaymentsClient, or any CheckoutGateway adapter. */
  client: CloudPaymentsClient | CheckoutGateway;
  getOrder(invoiceId: string): CheckoutOrder | null | undefined | Promise<CheckoutOrder | null | undefined>;
  /** Absolute URL where threeDsReturn is mounted (the ACS posts the shopper back here). */
  termUrl: string;
  /** Origins of the pages embedding the widget: CORS and postMessage targets. */
  allowedOrigins: readonly string[];
  /** Where a top-level 3-D Secure return redirects (303) with the result in the query. */
  returnUrl: string;
  onResult?(event: CheckoutResultEvent): void | Promise<void>;
  /**
   * Header set by your own reverse proxy with the client address, e.g. "x-forwarded-for"
   * (its last entry is used) or "x-real-ip". Only set this behind a proxy that overwrites it.
   * This or `getClientIp` is required: the gateway needs the shopper's IP.
   */
  trustedProxyHeader?: string;
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
