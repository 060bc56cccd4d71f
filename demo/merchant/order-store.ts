// The demo merchant's orders, in memory and bounded: the oldest orders go first when it is full.
import type { PaymentId, PaymentScheme } from "../../server/contract.ts";
import type { CartLine } from "./catalog.ts";

export type OrderStatus =
  | "new" // created, not paid yet
  | "3ds" // waiting for the shopper at the bank's 3-D Secure page
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
  createdAt: string;
  updatedAt: string;
}

export interface ExtraPaymentNote {
  transactionId: PaymentId;
  reason: "duplicate" | "mismatch";
  action: "not_completed" | "reversed" | "reverse_failed";
}

export interface NewOrder {
  gateway: ShopGateway;
  amount: number;
  currency: string;
  description: string;
  lines: CartLine[];
  scheme: PaymentScheme;
}

export class OrderStore {
  readonly #orders = new Map<string, Order>();
  readonly #capacity: number;
  #next = 1001;
  readonly #prefix: string;

  constructor(capacity = 1000) {
    this.#capacity = capacity;
    // A per-run prefix keeps invoice ids unique across restarts against the same sandbox.
    this.#prefix = Date.now().toString(36).slice(-4).toUpperCase();
  }

  create(input: NewOrder): Order {
    const now = new Date().toISOString();
    const order: Order = {
      ...input,
      invoiceId: `${this.#prefix}-${this.#next++}`,
      status: "new",
      createdAt: now,
      updatedAt: now,
    };
    this.#orders.set(order.invoiceId, order);
    while (this.#orders.size > this.#capacity) {
      const oldest = this.#orders.keys().next().value;
      if (oldest === undefined) break;
      this.#orders.delete(oldest);
    }
    return order;
  }

  get(invoiceId: string): Order | undefined {
    return this.#orders.get(invoiceId);
  }

  findByTransaction(transactionId: PaymentId): Order | undefined {
    for (const order of this.#orders.values()) if (order.transactionId === transactionId) return order;
    return undefined;
  }

  update(invoiceId: string, change: Partial<Omit<Order, "invoiceId" | "createdAt">>): Order | undefined {
    const order = this.#orders.get(invoiceId);
    if (!order) return undefined;
    Object.assign(order, change, { updatedAt: new Date().toISOString() });
    return order;
  }

  /** Newest first. */
  list(): Order[] {
    return [...this.#orders.values()].reverse();
  }

  get size(): number {
    return this.#orders.size;
  }
}
