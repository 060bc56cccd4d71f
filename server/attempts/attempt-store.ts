// The attempt store: who may pay an invoice right now, whether it is paid, and how many
// attempts failed lately. Keyed by invoice and attempt only, never by a gateway's shapes, so
// every gateway adapter (cryptogram, 3-D Secure, hosted page, callback) settles through it.

/**
 * What an attempt is doing while it holds an invoice.
 * - `call`: a gateway call that may move money is running, or its outcome is unknown. Nobody
 *   else may start one.
 * - `challenge`: the shopper is on a page (3-D Secure) whose result only the kit can complete.
 *   Nothing is paid until the kit completes it, so a new attempt may take the hold over.
 * - `hosted`: the shopper is on a gateway's own payment page, where money can move without the
 *   kit. Settled by a return route or a callback; nobody else may start a payment meanwhile.
 */
export type HoldStage = "call" | "challenge" | "hosted";

export interface Hold {
  attemptId: string;
  stage: HoldStage;
  /** The gateway's id for what the attempt started (transaction, payment, order), once known. */
  reference: string | null;
  /** Milliseconds until the hold lapses by itself (a crashed instance's hold frees itself). */
  remainingMs: number;
}

export interface HoldRequest {
  attemptId: string;
  stage: HoldStage;
  /** Kept from the attempt's earlier hold when omitted. */
  reference?: string | null;
  ttlMs: number;
  /** Stages of another attempt's hold that this claim may replace. */
  replaces?: readonly HoldStage[];
}

/** The first approval of an invoice: once recorded, no other attempt may pay it. */
export interface PaidRecord {
  attemptId: string;
  /** The gateway's id of the approved payment. */
  reference: string;
  /** true: the money was taken; false: it is held (two-stage) until confirm or void. */
  captured: boolean;
  paidAt: number;
}

export type ClaimResult =
  | { kind: "claimed"; replaced: Hold | null }
  | { kind: "held"; hold: Hold }
  | { kind: "paid"; paid: PaidRecord };

export type RecordResult = { kind: "recorded" } | { kind: "already_paid"; paid: PaidRecord };

export interface InvoiceAttempts {
  hold: Hold | null;
  paid: PaidRecord | null;
}

export type TakeResult = { kind: "taken" } | { kind: "full"; retryAfterMs: number };

/**
 * Every method is one atomic step: two instances sharing a store never both claim an invoice.
 * Implementations: `memoryAttemptStore()` (one process) and `redisAttemptStore()` (many);
 * the README's "Charging once" says how to write one over your own database.
 */
export interface AttemptStore {
  /**
   * Holds the invoice for an attempt when it is free, already held by that attempt (the hold is
   * renewed), or held by another attempt in one of `replaces`. Refuses when another attempt
   * holds it, or when it is paid.
   */
  claim(invoiceId: string, request: HoldRequest): Promise<ClaimResult>;
  /** Frees the invoice if `attemptId` holds it; true when it did. */
  release(invoiceId: string, attemptId: string): Promise<boolean>;
  /**
   * Records the invoice as paid and frees it, unless it is already recorded as paid by another
   * payment (then that record is returned: this approval is a duplicate). Idempotent for the
   * same attempt and reference.
   */
  recordPaid(invoiceId: string, paid: PaidRecord, ttlMs: number): Promise<RecordResult>;
  read(invoiceId: string): Promise<InvoiceAttempts>;
  /**
   * Counts one attempt against `key` (a fixed window of `windowMs` from its first count) unless
   * `limit` are already counted; then says when the window ends.
   */
  takeAttempt(key: string, limit: number, windowMs: number): Promise<TakeResult>;
  /** Takes one count back (an attempt that did not fail). */
  returnAttempt(key: string): Promise<void>;
}
