// Saved cards: what the kit keeps of a card a customer chose to save. Never card data: only
// what the shopper sees (brand, last four, expiry) and the gateway's reusable reference to the
// card (a CloudPayments Token, an RBS bindingId), which only the merchant's server ever holds.

export interface SavedCard {
  /** The kit's id for the card, what the widget names (unguessable, and only ever looked up with its customer). */
  id: string;
  /** The merchant's customer the card belongs to. */
  customerId: string;
  /** CheckoutGateway.name: a token pays only at the gateway that made it. */
  gateway: string;
  /** The gateway's token or binding id: server-side only, never sent to a browser. */
  token: string;
  /** A gateway brand name ("Visa", "MasterCard", "MIR"…, else "Unknown"). */
  brand: string;
  lastFour: string;
  /** 1–12. */
  expMonth: number;
  /** Four digits. */
  expYear: number;
  /** Unix ms. */
  createdAt: number;
}

export type NewSavedCard = Omit<SavedCard, "id" | "createdAt">;

/**
 * Where the merchant keeps saved cards. Every lookup takes the customer: a card id of another
 * customer is as unknown as a missing one. Implement it over your own database (one table keyed
 * by id, indexed by customer) for several instances; `memorySavedCardStore()` is one process's.
 */
export interface SavedCardStore {
  /** The customer's cards, oldest first. */
  list(customerId: string): Promise<SavedCard[]>;
  /** One of the customer's cards, or null (another customer's id, a removed card, none). */
  get(customerId: string, id: string): Promise<SavedCard | null>;
  /** Keeps a card; the customer's card with the same gateway and token is answered instead of a second one. */
  save(card: NewSavedCard): Promise<SavedCard>;
  /** Forgets one of the customer's cards; false when the customer has no such card. */
  remove(customerId: string, id: string): Promise<boolean>;
}
