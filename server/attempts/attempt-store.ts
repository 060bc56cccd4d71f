// The attempt store: who may pay an invoice right now, whether it is paid, and how many
// attempts failed lately. Keyed by invoice and attempt only, never by a gateway's shapes, so
// every gateway adapter (cryptogram, 3-D Secure, hosted page, callback) settles through it.

/**
 * What an attempt is doing while it holds an invoice.
 * - `call`: a gateway call that may move money is running, or its outcome is unknown. Nobody
 *   else may start one. When it lapses it becomes *unresolved*, never free.
 * - `challenge`: the shopper is on a page (3-D Secure) whose result only the kit can complete.
 *   Nothing is paid until the kit completes it, so a new attempt may take the hold over, and
 *   when it lapses the invoice is free.
 * - `hosted`: the shopper is on a gateway's own payment page, where money can move without the
 *   kit. Settled by a return route or a callback; nobody else may start a payment meanwhile.
 *   When it lapses it becomes *unresolved*, never free.
 */
export type HoldStage = "call" | "challenge" | "hosted";

/** Stages whose lapse leaves the invoice unresolved (money may have moved) rather than free. */
export const UNRESOLVED_ON_LAPSE: readonly HoldStage[] = ["call", "hosted"];

export interface Hold {
  attemptId: string;
  stage: HoldStage;
  /** The gateway's id for what the attempt started (transaction, payment, order), once known. */
  reference: string | null;
  /** The fencing token of the claim that made this hold: only it may change or free the hold. */
  lease: string;
  /** Milliseconds until the hold lapses; 0 once it has. */
  remainingMs: number;
  /**
   * The hold lapsed in a stage where money may have moved (`call`, `hosted`). Nobody may pay
   * until the gateway has been asked what became of it (`reference`, else the invoice).
   */
  unresolved: boolean;
}

export interface HoldRequest {
  attemptId: string;
  stage: HoldStage;
  /**
   * What the attempt started, when known. A claim by the attempt that already holds the
   * invoice passes its own hold only when that hold names no reference or this same one.
   */
  reference?: string | null;
  ttlMs: number;
  /** Stages of another attempt's hold that this claim may replace. */
  replaces?: readonly HoldStage[];
  /** Stages of this attempt's own hold that this claim may renew. Default: every stage. */
  renews?: readonly HoldStage[];
  /**
   * How long a lapsed `call` or `hosted` hold is kept as unresolved; at least as long as the
   * paid record is kept. Default 7 days.
   */
  unresolvedMs?: number;
}

/** A change of the hold a lease names (`AttemptStore.update`). */
export interface HoldChange {
  stage: HoldStage;
  /** Kept when omitted. */
  reference?: string | null;
  ttlMs: number;
  unresolvedMs?: number;
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
  /** The invoice is this attempt's; `lease` fences every later change of the hold. */
  | { kind: "claimed"; lease: string; replaced: Hold | null }
  | { kind: "held"; hold: Hold }
  /** A `call`/`hosted` hold lapsed: ask the gateway, then `recordPaid` or `release` it by its lease. */
  | { kind: "unresolved"; hold: Hold }
  | { kind: "paid"; paid: PaidRecord };

export type RecordResult = { kind: "recorded" } | { kind: "already_paid"; paid: PaidRecord };

export interface InvoiceAttempts {
  hold: Hold | null;
  paid: PaidRecord | null;
}

export type TakeResult = { kind: "taken" } | { kind: "full"; retryAfterMs: number };

export const DEFAULT_UNRESOLVED_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Every method is one atomic step: two instances sharing a store never both claim an invoice.
 * Implementations: `memoryAttemptStore()` (one process) and `redisAttemptStore()` (many);
 * the README's "Charging once" says how to write one over your own database.
 */
export interface AttemptStore {
  /**
   * Holds the invoice for an attempt when it is free, held by that attempt in a stage it
   * `renews` (see `reference`), or held by another attempt in one of `replaces`; every claim
   * gets a new lease, so the hold's earlier lease no longer counts. Refuses when another attempt
   * holds it, when it is unresolved, or when it is paid.
   */
  claim(invoiceId: string, request: HoldRequest): Promise<ClaimResult>;
  /** Changes the hold if `lease` is still its lease (also an unresolved one); true when it did. */
  update(invoiceId: string, lease: string, change: HoldChange): Promise<boolean>;
  /** Frees the invoice if `lease` is still its hold's lease; true when it did. */
  release(invoiceId: string, lease: string): Promise<boolean>;
  /**
   * Records the invoice as paid and frees it, unless it is already recorded as paid by another
   * payment (then that record is returned: this approval is a duplicate). Needs no lease: an
   * approval is money that moved, and the first one counts whoever holds the invoice.
   * Idempotent for the same reference.
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

/** Whether an attempt's own hold lets its new claim through (the same rule in every store). */
export function passesOwnHold(hold: { stage: HoldStage; reference: string | null }, request: HoldRequest): boolean {
  const renews = request.renews ?? ["call", "challenge", "hosted"];
  if (!renews.includes(hold.stage)) return false;
  return hold.reference === null || (request.reference !== undefined && request.reference === hold.reference);
}
