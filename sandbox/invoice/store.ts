// The Invoice sandbox's state: terminals, payments and refunds in bounded maps, the order-id
// index behind GetPaymentByOrder, and the fingerprints behind duplicate detection. Time-driven
// changes (a payment expiring, a refund settling) are applied when a record is read.
import crypto from "node:crypto";
import { BoundedMap } from "../bounded-map.ts";
import type { CardSummary } from "../hosted-page/index.ts";
import type { InvoiceErrorName } from "./error-codes.ts";
import { INVOICE_ERRORS } from "./error-codes.ts";

export type InvoiceCurrency = "RUB" | "USD" | "EUR";
export type TerminalType = "static" | "dynamic";
export type PaymentStatus = "init" | "successful" | "fail" | "closed";
export type RefundStatus = "init" | "successful" | "fail";

export interface TerminalRecord {
  id: string;
  alias: string;
  name: string;
  description: string | null;
  type: TerminalType;
  logo: string | null;
  /** Kopecks; 0 when not set. */
  defaultPriceMinor: number;
  canComments: boolean;
}

export interface ReceiptItem {
  name: string;
  price: number;
  discount: string | number | null;
  resultPrice: number;
  quantity: number;
}

export interface PaymentRecord {
  id: string;
  terminalId: string;
  order: { currency: InvoiceCurrency; amountMinor: number; description: string | null; id: string | null };
  settings: { paymentMethod: string | null; successUrl: string | null; failUrl: string | null };
  customParameters: Record<string, unknown>;
  receipt: ReceiptItem[];
  trtype: 1 | 2 | 4;
  status: PaymentStatus;
  error: InvoiceErrorName | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  card: CardSummary | null;
  /** Kopecks refunded (refunds that have not failed). */
  refundedMinor: number;
}

export interface RefundRecord {
  id: string;
  paymentId: string;
  currency: InvoiceCurrency;
  amountMinor: number;
  reason: string | null;
  receipt: ReceiptItem[];
  status: RefundStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When an `init` refund becomes `successful`. */
  settlesAt: Date;
}

export interface InvoiceStoreOptions {
  maxRecords: number;
  maxTerminals: number;
  paymentTtlMs: number;
  refundDelayMs: number;
}

/** A random hex id, like the gateway's (37 characters). */
function randomId(prefix = ""): string {
  return prefix + crypto.randomBytes(19).toString("hex").slice(0, 37 - prefix.length);
}

export class InvoiceStore {
  readonly terminals: BoundedMap<string, TerminalRecord>;
  private readonly terminalByAlias: BoundedMap<string, string>;
  private readonly payments: BoundedMap<string, PaymentRecord>;
  private readonly latestByOrder: BoundedMap<string, string>;
  private readonly paymentByFingerprint: BoundedMap<string, string>;
  private readonly refunds: BoundedMap<string, RefundRecord>;
  private readonly refundByFingerprint: BoundedMap<string, string>;
  private nextTerminalId = 1;

  constructor(readonly options: InvoiceStoreOptions) {
    this.terminals = new BoundedMap(options.maxTerminals);
    this.terminalByAlias = new BoundedMap(options.maxTerminals);
    this.payments = new BoundedMap(options.maxRecords);
    this.latestByOrder = new BoundedMap(options.maxRecords);
    this.paymentByFingerprint = new BoundedMap(options.maxRecords);
    this.refunds = new BoundedMap(options.maxRecords);
    this.refundByFingerprint = new BoundedMap(options.maxRecords);
  }

  addTerminal(init: Omit<TerminalRecord, "id">): TerminalRecord {
    const record: TerminalRecord = { ...init, id: String(this.nextTerminalId++) };
    this.terminals.set(record.id, record);
    this.terminalByAlias.set(record.alias, record.id);
    return record;
  }

  terminalByAliasName(alias: string): TerminalRecord | undefined {
    const id = this.terminalByAlias.get(alias);
    const terminal = id === undefined ? undefined : this.terminals.get(id);
    return terminal?.alias === alias ? terminal : undefined;
  }

  addPayment(init: Omit<PaymentRecord, "id">, fingerprint: string): PaymentRecord {
    const record: PaymentRecord = { ...init, id: randomId() };
    this.payments.set(record.id, record);
    if (record.order.id !== null) {
      // Re-inserted so the latest payment of an order is also the last to be forgotten.
      this.latestByOrder.delete(record.order.id);
      this.latestByOrder.set(record.order.id, record.id);
    }
    this.paymentByFingerprint.delete(fingerprint);
    this.paymentByFingerprint.set(fingerprint, record.id);
    return record;
  }

  payment(id: string, now: Date): PaymentRecord | undefined {
    const record = this.payments.get(id);
    if (record !== undefined) expireIfDue(record, now);
    return record;
  }

  latestPaymentOfOrder(orderId: string, now: Date): PaymentRecord | undefined {
    const id = this.latestByOrder.get(orderId);
    return id === undefined ? undefined : this.payment(id, now);
  }

  /** The payment with these exact parameters that is still payable or paid, if any. */
  livePaymentWithFingerprint(fingerprint: string, now: Date): PaymentRecord | undefined {
    const id = this.paymentByFingerprint.get(fingerprint);
    const record = id === undefined ? undefined : this.payment(id, now);
    return record !== undefined && (record.status === "init" || record.status === "successful") ? record : undefined;
  }

  addRefund(init: Omit<RefundRecord, "id">, fingerprint: string): RefundRecord {
    const record: RefundRecord = { ...init, id: randomId("R") };
    this.refunds.set(record.id, record);
    this.refundByFingerprint.delete(fingerprint);
    this.refundByFingerprint.set(fingerprint, record.id);
    return record;
  }

  refund(id: string, now: Date): RefundRecord | undefined {
    const record = this.refunds.get(id);
    if (record !== undefined && record.status === "init" && now >= record.settlesAt) {
      record.status = "successful";
      record.updatedAt = record.settlesAt;
    }
    return record;
  }

  refundWithFingerprint(fingerprint: string, now: Date): RefundRecord | undefined {
    const id = this.refundByFingerprint.get(fingerprint);
    const record = id === undefined ? undefined : this.refund(id, now);
    return record !== undefined && record.status !== "fail" ? record : undefined;
  }

  /** Every payment, oldest first (debug and tests). */
  allPayments(now: Date): PaymentRecord[] {
    return [...this.payments.values()].map((record) => (expireIfDue(record, now), record));
  }

  allRefunds(now: Date): RefundRecord[] {
    return [...this.refunds.keys()].flatMap((id) => this.refund(id, now) ?? []);
  }
}

/** An unpaid payment past its expire_date ends `fail` with [3, -20] Expired transaction. */
function expireIfDue(record: PaymentRecord, now: Date): void {
  if (record.status === "init" && now >= record.expiresAt) {
    record.status = "fail";
    record.error = "expired";
    record.updatedAt = record.expiresAt;
  }
}

/** A stable digest of a request's parameters (key order does not matter). */
export function fingerprintOf(value: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const errorOf = (name: InvoiceErrorName) => INVOICE_ERRORS[name];
