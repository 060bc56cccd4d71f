// The attempt store in one process's memory: the default, and the demo's. Each method runs to
// completion without awaiting anything, so it is atomic within the process. Bounded: lapsed
// entries go first; then paid records and counters drop their oldest, while holds refuse a new
// claim (an evicted hold would free an order in the middle of a payment).
import {
  DEFAULT_UNRESOLVED_MS,
  UNRESOLVED_ON_LAPSE,
  passesOwnHold,
  type AttemptStore,
  type ClaimResult,
  type Hold,
  type HoldChange,
  type HoldRequest,
  type InvoiceAttempts,
  type PaidRecord,
  type RecordResult,
  type TakeResult,
} from "./attempt-store.ts";

export interface MemoryAttemptStoreOptions {
  /** Entries of each kind (holds, paid invoices, attempt counters) kept at most; default 100000. */
  capacity?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Thrown by `claim` when every hold slot is taken by a live or unresolved hold. */
export class AttemptStoreFullError extends Error {
  override readonly name = "AttemptStoreFullError";
  constructor(capacity: number) {
    super(`The memory attempt store holds ${capacity} invoices already; raise its capacity or use a shared store`);
  }
}

interface Expiring {
  expiresAt: number;
}

interface StoredHold extends Expiring {
  attemptId: string;
  stage: Hold["stage"];
  reference: string | null;
  lease: string;
  lapsesAt: number;
}

interface StoredPaid extends Expiring {
  paid: PaidRecord;
}

interface Counter extends Expiring {
  count: number;
}

/** A Map whose entries expire; when full it drops expired entries, then (if it may) the oldest. */
class ExpiringMap<V extends Expiring> {
  readonly #entries = new Map<string, V>();
  constructor(
    readonly capacity: number,
    readonly now: () => number,
    readonly evictsLive: boolean,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** False when the map is full of live entries and may not evict them. */
  hasRoomFor(key: string): boolean {
    if (this.#entries.has(key) || this.#entries.size < this.capacity || this.evictsLive) return true;
    this.#dropExpired();
    return this.#entries.size < this.capacity;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size <= this.capacity) return;
    this.#dropExpired();
    while (this.evictsLive && this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  #dropExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}

function toHold(stored: StoredHold, now: number): Hold {
  return {
    attemptId: stored.attemptId,
    stage: stored.stage,
    reference: stored.reference,
    lease: stored.lease,
    remainingMs: Math.max(0, stored.lapsesAt - now),
    unresolved: stored.lapsesAt <= now,
  };
}

function expiry(stage: Hold["stage"], lapsesAt: number, unresolvedMs: number | undefined): number {
  return UNRESOLVED_ON_LAPSE.includes(stage) ? lapsesAt + (unresolvedMs ?? DEFAULT_UNRESOLVED_MS) : lapsesAt;
}

export function memoryAttemptStore(options: MemoryAttemptStoreOptions = {}): AttemptStore & {
  readonly sizes: { holds: number; paid: number; counters: number };
} {
  const capacity = options.capacity ?? 100_000;
  const now = options.now ?? Date.now;
  const holds = new ExpiringMap<StoredHold>(capacity, now, false);
  const paid = new ExpiringMap<StoredPaid>(capacity, now, true);
  const counters = new ExpiringMap<Counter>(capacity, now, true);

  return {
    async claim(invoiceId: string, request: HoldRequest): Promise<ClaimResult> {
      const paidEntry = paid.get(invoiceId);
      if (paidEntry) return { kind: "paid", paid: { ...paidEntry.paid } };
      const at = now();
      const current = holds.get(invoiceId);
      let replaced: Hold | null = null;
      if (current) {
        const hold = toHold(current, at);
        if (hold.unresolved) return { kind: "unresolved", hold };
        if (current.attemptId === request.attemptId) {
          if (!passesOwnHold(current, request)) return { kind: "held", hold };
        } else {
          if (!(request.replaces ?? []).includes(current.stage)) return { kind: "held", hold };
          replaced = hold;
        }
      }
      if (!holds.hasRoomFor(invoiceId)) throw new AttemptStoreFullError(capacity);
      const lease = crypto.randomUUID();
      const lapsesAt = at + request.ttlMs;
      holds.set(invoiceId, {
        attemptId: request.attemptId,
        stage: request.stage,
        // Only the attempt's own hold passes on its reference (and only one matching this claim's).
        reference: request.reference !== undefined ? request.reference : replaced === null ? (current?.reference ?? null) : null,
        lease,
        lapsesAt,
        expiresAt: expiry(request.stage, lapsesAt, request.unresolvedMs),
      });
      return { kind: "claimed", lease, replaced };
    },

    async update(invoiceId: string, lease: string, change: HoldChange): Promise<boolean> {
      const current = holds.get(invoiceId);
      if (!current || current.lease !== lease) return false;
      const lapsesAt = now() + change.ttlMs;
      holds.set(invoiceId, {
        ...current,
        stage: change.stage,
        reference: change.reference !== undefined ? change.reference : current.reference,
        lapsesAt,
        expiresAt: expiry(change.stage, lapsesAt, change.unresolvedMs),
      });
      return true;
    },

    async release(invoiceId: string, lease: string): Promise<boolean> {
      const current = holds.get(invoiceId);
      if (!current || current.lease !== lease) return false;
      holds.delete(invoiceId);
      return true;
    },

    async recordPaid(invoiceId: string, record: PaidRecord, ttlMs: number): Promise<RecordResult> {
      const existing = paid.get(invoiceId);
      if (existing) {
        if (existing.paid.reference !== record.reference) return { kind: "already_paid", paid: { ...existing.paid } };
      } else {
        paid.set(invoiceId, { paid: { ...record }, expiresAt: now() + ttlMs });
      }
      holds.delete(invoiceId);
      return { kind: "recorded" };
    },

    async read(invoiceId: string): Promise<InvoiceAttempts> {
      const hold = holds.get(invoiceId);
      const record = paid.get(invoiceId);
      return { hold: hold ? toHold(hold, now()) : null, paid: record ? { ...record.paid } : null };
    },

    async takeAttempt(key: string, limit: number, windowMs: number): Promise<TakeResult> {
      const counter = counters.get(key);
      const at = now();
      if (counter && counter.count >= limit) return { kind: "full", retryAfterMs: Math.max(0, counter.expiresAt - at) };
      if (counter) counter.count += 1;
      else counters.set(key, { count: 1, expiresAt: at + windowMs });
      return { kind: "taken" };
    },

    async returnAttempt(key: string): Promise<void> {
      const counter = counters.get(key);
      if (counter && counter.count > 0) counter.count -= 1;
    },

    get sizes() {
      return { holds: holds.size, paid: paid.size, counters: counters.size };
    },
  };
}
