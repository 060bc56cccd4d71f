// The demo merchant's orders, in memory and bounded. When it is full the oldest order that nobody
// is paying goes: never one with a payment under way, on the bank's page, or paid (money moved);
// and one client cannot fill the store with carts of its own (its own oldest open carts go first).
// A checkout page prices its cart as a *draft* (an invoice number, the amount, nothing listed);
// the draft becomes an order when its first payment arrives, so page views make no orders.
import type { PaymentId, PaymentScheme } from "../../server/contract.ts";
import type { CartLine } from "./catalog.ts";

export type OrderStatus =
  | "new" // created, not paid yet
  | "3ds" // waiting for the shopper at the bank's 3-D Secure page
  | "abandoned" // the shopper left 3-D Secure and the gateway confirmed it unfinished: open for payment
  | "hosted" // the shopper is on the gateway's own payment page
  | "cancelled" // the shopper left the gateway's page without paying
  | "paid" // one-stage charge approved
  | "authorized" // two-stage: money held, awaiting confirm or void
  | "confirmed"
  | "voided"
  | "refunded"
  | "declined"
  | "error";

/** Which of the demo's three shops sells the order (each its own gateway and endpoint). */
export type ShopGateway = "cloudpayments" | "invoice" | "rbs";

/** A refund the merchant asked for (Invoice's start `init` and turn `successful` a moment later). */
export interface RefundNote {
  id: string;
  amount: number;
  status: string;
}

export interface Order {
  invoiceId: string;
  gateway: ShopGateway;
  amount: number;
  currency: string;
  description: string;
  lines: CartLine[];
  scheme: PaymentScheme;
  status: OrderStatus;
  /** The gateway's id: a number (CloudPayments), text (Invoice payment id, RBS orderId). */
  transactionId?: PaymentId;
  /** X-Request-ID of the attempt that paid (null: paid after 3-D Secure); see CheckoutOrder. */
  paidByRequestId?: string | null;
  cardType?: string;
  cardLastFour?: string;
  /** Last gateway reason or error, for the merchant's eyes. */
  note?: string;
  /** Approvals the order must not keep (another attempt paid first), and what the kit did with them. */
  extraPayments?: ExtraPaymentNote[];
  refunds?: RefundNote[];
  /** The demo shopper who paid, when logged in. */
  customerId?: string;
  /** Paid without the shopper (chargeSavedCard from the orders page). */
  merchantInitiated?: boolean;
  /**
   * The checkout page the cart was priced on, in its language (`/checkoutjs?lang=en`): where the
   * shopper comes back to from a bank's page at top level. Default `/redirect`.
   */
  returnTo?: string;
  createdAt: string;
  updatedAt: string;
}

/** Statuses whose order nobody is paying (or can still pay at the bank): those may be forgotten. */
const OPEN: ReadonlySet<OrderStatus> = new Set(["new", "abandoned", "declined", "error"]);
/** An order whose payment started this recently counts as under way, whatever its status says yet. */
const PAYING_MS = 30 * 60_000;

export interface ExtraPaymentNote {
  transactionId: PaymentId;
  reason: "duplicate" | "mismatch";
  action: "not_completed" | "reversed" | "reverse_failed";
}

export interface NewOrder {
  gateway: ShopGateway;
  returnTo?: string;
  amount: number;
  currency: string;
  description: string;
  lines: CartLine[];
  scheme: PaymentScheme;
}

interface Entry {
  order: Order;
  /** Who made it (the client's address): one client's open carts are bounded. */
  owner: string;
  /** When the kit last looked the order up to pay it. */
  payingSince: number | null;
}

export interface OrderStoreOptions {
  capacity?: number;
  /** Open carts one client may have at once; its oldest open one goes first. Default 100. */
  perOwner?: number;
  now?: () => number;
}

export class OrderStore {
  readonly #orders = new Map<string, Entry>();
  /** Priced carts not paid for yet: bounded on their own, the oldest (and a client's oldest) go first. */
  readonly #drafts = new Map<string, { order: Order; owner: string }>();
  readonly #capacity: number;
  readonly #perOwner: number;
  readonly #now: () => number;
  #next = 1001;
  readonly #prefix: string;

  constructor(options: OrderStoreOptions | number = {}) {
    const settings = typeof options === "number" ? { capacity: options } : options;
    this.#capacity = settings.capacity ?? 1000;
    this.#perOwner = settings.perOwner ?? 100;
    this.#now = settings.now ?? Date.now;
    // A per-run prefix keeps invoice ids unique across restarts against the same sandbox.
    this.#prefix = Date.now().toString(36).slice(-4).toUpperCase();
  }

  /** A new order, or null when the store is full of orders it must keep. */
  create(input: NewOrder, owner = "anyone"): Order | null {
    return this.#admit(this.#new(input), owner);
  }

  /** A priced cart with its invoice number, not an order yet (not listed); `place` makes it one. */
  draft(input: NewOrder, owner = "anyone"): Order {
    const order = this.#new(input);
    const mine = [...this.#drafts.values()].filter((draft) => draft.owner === owner);
    if (mine.length >= this.#perOwner && mine[0]) this.#drafts.delete(mine[0].order.invoiceId);
    this.#drafts.set(order.invoiceId, { order, owner });
    while (this.#drafts.size > this.#capacity) {
      const oldest = this.#drafts.keys().next().value;
      if (oldest === undefined) break;
      this.#drafts.delete(oldest);
    }
    return order;
  }

  /**
   * The draft's first payment: it becomes an order (once; an order already placed is returned as
   * it is). Undefined for an unknown invoice, or when the store is full of orders it must keep.
   */
  place(invoiceId: string): Order | undefined {
    const placed = this.#orders.get(invoiceId);
    if (placed) return placed.order;
    const draft = this.#drafts.get(invoiceId);
    if (!draft) return undefined;
    const now = new Date(this.#now()).toISOString();
    const order = this.#admit({ ...draft.order, createdAt: now, updatedAt: now }, draft.owner);
    if (order) this.#drafts.delete(invoiceId);
    return order ?? undefined;
  }

  #new(input: NewOrder): Order {
    const now = new Date(this.#now()).toISOString();
    return { ...input, invoiceId: `${this.#prefix}-${this.#next++}`, status: "new", createdAt: now, updatedAt: now };
  }

  #admit(order: Order, owner: string): Order | null {
    const mine = [...this.#orders.values()].filter((entry) => entry.owner === owner && this.#forgettable(entry));
    if (mine.length >= this.#perOwner) {
      const oldest = mine[0];
      if (oldest) this.#orders.delete(oldest.order.invoiceId);
    }
    if (this.#orders.size >= this.#capacity) {
      let forgotten = false;
      for (const entry of this.#orders.values()) {
        if (!this.#forgettable(entry)) continue;
        this.#orders.delete(entry.order.invoiceId);
        forgotten = true;
        break;
      }
      if (!forgotten) return null;
    }
    this.#orders.set(order.invoiceId, { order, owner, payingSince: null });
    return order;
  }

  /** The kit is about to pay this order: keep it while the payment may be under way. */
  markPaying(invoiceId: string): void {
    const entry = this.#orders.get(invoiceId);
    if (entry) entry.payingSince = this.#now();
  }

  #forgettable(entry: Entry): boolean {
    if (!OPEN.has(entry.order.status)) return false;
    return entry.payingSince === null || this.#now() - entry.payingSince > PAYING_MS;
  }

  get(invoiceId: string): Order | undefined {
    return this.#orders.get(invoiceId)?.order;
  }

  findByTransaction(transactionId: PaymentId): Order | undefined {
    for (const { order } of this.#orders.values()) if (order.transactionId === transactionId) return order;
    return undefined;
  }

  update(invoiceId: string, change: Partial<Omit<Order, "invoiceId" | "createdAt">>): Order | undefined {
    const order = this.#orders.get(invoiceId)?.order;
    if (!order) return undefined;
    Object.assign(order, change, { updatedAt: new Date(this.#now()).toISOString() });
    return order;
  }

  /** Newest first. */
  list(): Order[] {
    return [...this.#orders.values()].map((entry) => entry.order).reverse();
  }

  get size(): number {
    return this.#orders.size;
  }
}
