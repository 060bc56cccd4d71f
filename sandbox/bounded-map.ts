// A Map that forgets its oldest entries past a size cap, so a long sandbox run cannot grow
// without limit. Insertion order is Map's own iteration order.
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError("maxEntries must be a positive integer");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Adds or replaces; a replaced entry keeps its place in the eviction order. */
  set(key: K, value: V): void {
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Oldest first. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Oldest first; lets a caller drop expired entries from the front. */
  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
