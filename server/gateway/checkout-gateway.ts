// What the checkout handlers need from a payment gateway. CloudPayments is one
// adapter (cloudpayments-gateway.ts); another gateway is another adapter.
import type { PaymentScheme } from "../contract.ts";

export interface GatewayPayInput {
  scheme: PaymentScheme;
  amount: number;
  currency: string;
  invoiceId: string;
  /** The browser's card cryptogram: pass through, never store or log. */
  cryptogram: string;
  name: string;
  ipAddress: string;
  description?: string;
  accountId?: string;
  email?: string;
  saveCard?: boolean;
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
  transactionId: number;
  amount: number;
  currency: string;
  invoiceId: string | null;
  cardType: string;
  cardLastFour: string;
  authCode: string;
  token?: string;
  /** "Authorized" (two-stage), "Completed", "Declined"… in the gateway's words. */
  status: string;
  /** true when the money was taken, false while it is only held (two-stage). */
  captured: boolean;
  /** The gateway's full answer model, for the merchant's own records. */
  raw: unknown;
}

export type GatewayPayOutcome =
  | { kind: "approved"; transaction: GatewayTransaction }
  | {
      kind: "declined";
      transaction: GatewayTransaction | null;
      reasonCode: number;
      reason: string;
      message: string;
    }
  | {
      kind: "3ds";
      transactionId: number;
      acsUrl: string;
      paReq: string;
      iframeAllowed: boolean;
      frameWidth?: number;
      frameHeight?: number;
    }
  /** The gateway refused the request itself (bad field, undecryptable cryptogram…). */
  | { kind: "invalid"; message: string };

/**
 * Adapters throw GatewayAuthError / GatewayTransportError / GatewayHttpError
 * (server/client/errors.ts) when no answer could be had.
 */
export interface CheckoutGateway {
  /**
   * The longest one call may wait for an answer (the client's timeout), when the adapter knows
   * it: the kit refuses to start when a hold is not longer.
   */
  readonly timeoutMs?: number;
  pay(input: GatewayPayInput, options: GatewayCallOptions): Promise<GatewayPayOutcome>;
  completeThreeDs(
    input: { transactionId: number; paRes: string },
    options: GatewayCallOptions,
  ): Promise<GatewayPayOutcome>;
  /**
   * The final outcome of a payment the gateway knows by `reference` (its own id, as text), or
   * null while it is not final, when unknown, and for anything that is not a payment (a refund,
   * a payout): the kit asks only about payments it started itself.
   */
  findOutcome(reference: string, options?: GatewayCallOptions): Promise<GatewayPayOutcome | null>;
  /**
   * The final outcome of the invoice's latest payment, or null when there is none or it is not
   * final. The kit asks when a call's answer was lost before it learnt the payment's reference
   * (an approval must then be recovered, never paid again).
   */
  findByInvoice(invoiceId: string, options?: GatewayCallOptions): Promise<GatewayPayOutcome | null>;
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
