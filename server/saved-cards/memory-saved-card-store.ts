// The saved-card store in one process's memory (the default, and the demo's). Bounded: at most
// `perCustomer` cards per customer (the oldest go first) and `capacity` customers.
import type { NewSavedCard, SavedCard, SavedCardStore } from "./saved-card-store.ts";

export interface MemorySavedCardStoreOptions {
  /** Customers kept at most (the least recently saved-to go first). Default 100000. */
  capacity?: number;
  /** Cards per customer at most (the oldest go first). Default 10. */
  perCustomer?: number;
  /** Clock, for tests. */
  now?: () => number;
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `card_${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

export function memorySavedCardStore(options: MemorySavedCardStoreOptions = {}): SavedCardStore {
  const capacity = options.capacity ?? 100_000;
  const perCustomer = options.perCustomer ?? 10;
  const now = options.now ?? Date.now;
  const byCustomer = new Map<string, SavedCard[]>();
  const copy = (card: SavedCard): SavedCard => ({ ...card });

  return {
    async list(customerId) {
      return (byCustomer.get(customerId) ?? []).map(copy);
    },
    async get(customerId, id) {
      const card = byCustomer.get(customerId)?.find((c) => c.id === id);
      return card ? copy(card) : null;
    },
    async save(input: NewSavedCard) {
      const cards = byCustomer.get(input.customerId) ?? [];
      const same = cards.find((c) => c.gateway === input.gateway && c.token === input.token);
      if (same) return copy(same);
      const card: SavedCard = { ...input, id: newId(), createdAt: now() };
      cards.push(card);
      while (cards.length > perCustomer) cards.shift();
      byCustomer.delete(input.customerId);
      byCustomer.set(input.customerId, cards);
      while (byCustomer.size > capacity) {
        const oldest = byCustomer.keys().next();
        if (oldest.done) break;
        byCustomer.delete(oldest.value);
      }
      return copy(card);
    },
    async remove(customerId, id) {
      const cards = byCustomer.get(customerId);
      const index = cards?.findIndex((c) => c.id === id) ?? -1;
      if (!cards || index < 0) return false;
      cards.splice(index, 1);
      if (cards.length === 0) byCustomer.delete(customerId);
      return true;
    },
  };
}
