// Remembers each transaction's final 3-D Secure outcome so that a replayed return
// answers it instead of calling post3ds again. Bounded: the oldest entries go first.

export class OutcomeCache<T> {
  readonly #entries = new Map<number, T>();
  constructor(readonly capacity: number) {}

  get(key: number): T | undefined {
    return this.#entries.get(key);
  }

  set(key: number, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
