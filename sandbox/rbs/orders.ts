// RBS orders: what register.do records and how the status moves. Statuses are the platform's:
// 0 registered, 1 held (two-stage), 2 paid, 3 hold reversed, 4 refunded, 5 at the ACS, 6 declined.
// A record keeps the card's first six, last four and expiry and the test-card behaviour, never
// the number or CVC.
import crypto from "node:crypto";
import { BoundedMap } from "../bounded-map.ts";
import type { CardBehaviour, GatewayCardType } from "../test-cards.ts";
import type { RbsLang } from "./answers.ts";

export type RbsOrderStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const ORDER_STATUS = {
  registered: 0,
  held: 1,
  paid: 2,
  reversed: 3,
  refunded: 4,
  atAcs: 5,
  declined: 6,
} as const satisfies Record<string, RbsOrderStatus>;

export interface RbsCard {
  firstSix: string;
  lastFour: string;
  expMonth: number;
  /** Four digits. */
  expYear: number;
  cardType: GatewayCardType;
  holder: string | null;
  behaviour: CardBehaviour;
}

export interface RbsOrder {
  /** The gateway's id (`orderId`, `mdOrder`): a UUID. */
  id: string;
  /** A number for the PaRes signer, unique in this sandbox. */
  seq: number;
  orderNumber: string;
  /** register.do pays in one stage; registerPreAuth.do holds. */
  twoStage: boolean;
  amount: number;
  /** ISO 4217 numeric. */
  currency: string;
  returnUrl: string;
  failUrl: string | null;
  description: string | null;
  /** The language register.do asked for the order's pages (its form, the ACS, finish3ds.do); null: the shopper's browser decides. */
  language: RbsLang | null;
  clientId: string | null;
  autoPayment: boolean;
  merchantParams: [string, string][];
  callbackUrl: string | null;
  createdAt: Date;
  expiresAt: Date;
  status: RbsOrderStatus;
  actionCode: number;
  ip: string | null;
  card: RbsCard | null;
  /** The binding this order made or was paid with. */
  bindingId: string | null;
  approvedAmount: number;
  depositedAmount: number;
  refundedAmount: number;
  authAt: Date | null;
  depositedAt: Date | null;
  threeDs: { paReq: string; paResUsed: boolean } | null;
}

export type NewOrder = Pick<
  RbsOrder,
  | "orderNumber"
  | "twoStage"
  | "amount"
  | "currency"
  | "returnUrl"
  | "failUrl"
  | "description"
  | "language"
  | "clientId"
  | "autoPayment"
  | "merchantParams"
  | "callbackUrl"
  | "createdAt"
  | "expiresAt"
>;

export class RbsOrderStore {
  private readonly byId: BoundedMap<string, RbsOrder>;
  private readonly idByNumber: BoundedMap<string, string>;
  /** Orders still waiting for the shopper (0, 5): the ones a session timeout can decline. */
  private readonly waiting = new Set<string>();
  private nextSeq = 1;

  constructor(maxOrders: number) {
    this.byId = new BoundedMap(maxOrders);
    this.idByNumber = new BoundedMap(maxOrders);
  }

  create(fields: NewOrder): RbsOrder {
    const order: RbsOrder = {
      ...fields,
      id: crypto.randomUUID(),
      seq: this.nextSeq++,
      status: ORDER_STATUS.registered,
      actionCode: -100,
      ip: null,
      card: null,
      bindingId: null,
      approvedAmount: 0,
      depositedAmount: 0,
      refundedAmount: 0,
      authAt: null,
      depositedAt: null,
      threeDs: null,
    };
    this.byId.set(order.id, order);
    this.idByNumber.set(order.orderNumber, order.id);
    this.waiting.add(order.id);
    // Evicted orders leave the waiting set too, so it stays as bounded as the store.
    for (const id of this.waiting) {
      if (this.byId.has(id)) break;
      this.waiting.delete(id);
    }
    return order;
  }

  get(id: string): RbsOrder | undefined {
    return this.byId.get(id);
  }

  byNumber(orderNumber: string): RbsOrder | undefined {
    const id = this.idByNumber.get(orderNumber);
    const order = id === undefined ? undefined : this.byId.get(id);
    return order?.orderNumber === orderNumber ? order : undefined;
  }

  hasNumber(orderNumber: string): boolean {
    return this.byNumber(orderNumber) !== undefined;
  }

  /** Marks an order as no longer waiting for the shopper. */
  settled(order: RbsOrder): void {
    this.waiting.delete(order.id);
  }

  /** Orders waiting for the shopper, oldest first. */
  *waitingOrders(): IterableIterator<RbsOrder> {
    for (const id of this.waiting) {
      const order = this.byId.get(id);
      if (order === undefined) this.waiting.delete(id);
      else yield order;
    }
  }
}

/** The platform's `paymentAmountInfo.paymentState` for a status. */
export const PAYMENT_STATE: Readonly<Record<RbsOrderStatus, string>> = {
  0: "CREATED",
  1: "APPROVED",
  2: "DEPOSITED",
  3: "REVERSED",
  4: "REFUNDED",
  5: "STARTED",
  6: "DECLINED",
};

export const STATUS_NAMES: Readonly<Record<RbsOrderStatus, string>> = {
  0: "registered, not paid",
  1: "held",
  2: "paid",
  3: "hold reversed",
  4: "refunded",
  5: "at the ACS",
  6: "declined",
};
