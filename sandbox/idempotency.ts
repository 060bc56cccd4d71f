// X-Request-ID: a repeat within the TTL gets the first successful answer without processing
// again. Requests with one id that arrive while the first is still running wait for it and get
// its answer, whatever it was, so 100 concurrent copies make one transaction.
export interface IdempotencyOptions<T> {
  ttlMs: number;
  maxEntries: number;
  /** Only answers this accepts are remembered (the gateway keeps successful ones only). */
  isStorable: (answer: T) => boolean;
  now?: () => number;
}

interface Stored<T> {
  expiresAt: number;
  answer: T;
}

export class IdempotencyCache<T> {
  private readonly done = new Map<string, Stored<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly now: () => number;

  constructor(private readonly options: IdempotencyOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.done.size;
  }

  run(key: string, task: () => Promise<T>): Promise<T> {
    const stored = this.done.get(key);
    if (stored !== undefined) {
      if (stored.expiresAt > this.now()) return Promise.resolve(stored.answer);
      this.done.delete(key);
    }
    const running = this.inFlight.get(key);
    if (running !== undefined) return running;
    const promise = task().then(
      (answer) => {
        this.inFlight.delete(key);
        if (this.options.isStorable(answer)) this.remember(key, answer);
        return answer;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    // Registered before the task's first await returns, so a concurrent copy finds it.
    this.inFlight.set(key, promise);
    return promise;
  }

  private remember(key: string, answer: T): void {
    const now = this.now();
    // Every entry has the same TTL, so insertion order is expiry order: prune from the front.
    for (const [oldKey, entry] of this.done) {
      if (entry.expiresAt > now && this.done.size < this.options.maxEntries) break;
      this.done.delete(oldKey);
    }
    this.done.set(key, { expiresAt: now + this.options.ttlMs, answer });
  }
}
