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
  findOutcome(reference: string): Promise<GatewayPayOutcome | null>;
  /**
   * Undoes an approval at once: voids a hold, refunds a capture in full. Resolves true when the
   * gateway confirmed it. The kit calls it for an approval the order must not keep (another
   * attempt paid first, or it does not match the order).
   */
  reverse(transaction: GatewayTransaction): Promise<boolean>;
}
