// The attempt store in one process's memory: the default, and the demo's. Each method runs to
// completion without awaiting anything, so it is atomic within the process. Bounded: expired
// entries go first, then the oldest.
import type {
  AttemptStore,
  ClaimResult,
  Hold,
  HoldRequest,
  InvoiceAttempts,
  PaidRecord,
  RecordResult,
  TakeResult,
} from "./attempt-store.ts";

export interface MemoryAttemptStoreOptions {
  /** Entries of each kind (holds, paid invoices, attempt counters) kept at most; default 100000. */
  capacity?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Expiring {
  expiresAt: number;
}

interface StoredHold extends Expiring {
  attemptId: string;
  stage: Hold["stage"];
  reference: string | null;
}

interface StoredPaid extends Expiring {
  paid: PaidRecord;
}

interface Counter extends Expiring {
  count: number;
}

/** A Map whose entries expire; when full it drops expired entries, then the oldest. */
class ExpiringMap<V extends Expiring> {
  readonly #entries = new Map<string, V>();
  constructor(
    readonly capacity: number,
    readonly now: () => number,
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

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size <= this.capacity) return;
    const now = this.now();
    for (const [oldKey, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(oldKey);
    }
    while (this.#entries.size > this.capacity) {
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
}

function toHold(stored: StoredHold, now: number): Hold {
  return {
    attemptId: stored.attemptId,
    stage: stored.stage,
    reference: stored.reference,
    remainingMs: Math.max(0, stored.expiresAt - now),
  };
}

export function memoryAttemptStore(options: MemoryAttemptStoreOptions = {}): AttemptStore & {
  readonly sizes: { holds: number; paid: number; counters: number };
} {
  const capacity = options.capacity ?? 100_000;
  const now = options.now ?? Date.now;
  const holds = new ExpiringMap<StoredHold>(capacity, now);
  const paid = new ExpiringMap<StoredPaid>(capacity, now);
  const counters = new ExpiringMap<Counter>(capacity, now);

  return {
    async claim(invoiceId: string, request: HoldRequest): Promise<ClaimResult> {
      const paidEntry = paid.get(invoiceId);
      if (paidEntry) return { kind: "paid", paid: paidEntry.paid };
      const current = holds.get(invoiceId);
      const at = now();
      let replaced: Hold | null = null;
      if (current && current.attemptId !== request.attemptId) {
        if (!(request.replaces ?? []).includes(current.stage)) return { kind: "held", hold: toHold(current, at) };
        replaced = toHold(current, at);
      }
      const sameAttempt = current !== undefined && current.attemptId === request.attemptId;
      holds.set(invoiceId, {
        attemptId: request.attemptId,
        stage: request.stage,
        reference: request.reference !== undefined ? request.reference : sameAttempt ? current.reference : null,
        expiresAt: at + request.ttlMs,
      });
      return { kind: "claimed", replaced };
    },

    async release(invoiceId: string, attemptId: string): Promise<boolean> {
      const current = holds.get(invoiceId);
      if (!current || current.attemptId !== attemptId) return false;
      holds.delete(invoiceId);
      return true;
    },

    async recordPaid(invoiceId: string, record: PaidRecord, ttlMs: number): Promise<RecordResult> {
      const existing = paid.get(invoiceId);
      if (existing) {
        const same = existing.paid.attemptId === record.attemptId && existing.paid.reference === record.reference;
        if (!same) return { kind: "already_paid", paid: existing.paid };
      } else {
        paid.set(invoiceId, { paid: { ...record }, expiresAt: now() + ttlMs });
      }
      holds.delete(invoiceId);
      return { kind: "recorded" };
    },

    async read(invoiceId: string): Promise<InvoiceAttempts> {
      const hold = holds.get(invoiceId);
      return { hold: hold ? toHold(hold, now()) : null, paid: paid.get(invoiceId)?.paid ?? null };
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
