// The transaction store and the gateway's transaction Model. A record keeps what the gateway
// shows (first six, last four, expiry) and the test-card behaviour, never the PAN or CVV.
import { BoundedMap } from "./bounded-map.ts";
import type { Currency } from "./params.ts";
import type { ReasonName } from "./reason-codes.ts";
import { REASONS } from "./reason-codes.ts";
import type { CardBehaviour, GatewayCardType } from "./test-cards.ts";
import { cardTypeCodeOf } from "./test-cards.ts";

export type TransactionStatus = "AwaitingAuthentication" | "Authorized" | "Completed" | "Cancelled" | "Declined";

const STATUS_CODES: Record<TransactionStatus, number> = {
  AwaitingAuthentication: 1,
  Authorized: 2,
  Completed: 3,
  Cancelled: 4,
  Declined: 5,
};

// RUB = 0 is documented; the others are the sandbox's guess at the gateway's handbook.
export const CURRENCY_CODES: Record<Currency, number> = { RUB: 0, EUR: 1, USD: 2, GBP: 3 };

export interface CardFacts {
  firstSix: string;
  lastFour: string;
  expMonth: number;
  expYear: number;
  cardType: GatewayCardType;
  behaviour: CardBehaviour;
}

export interface TransactionRecord {
  id: number;
  kind: "payment" | "refund";
  scheme: "charge" | "auth";
  /** Minor units. After a partial confirm, the confirmed sum. */
  amountMinor: number;
  authorizedMinor: number;
  refundedMinor: number;
  currency: Currency;
  invoiceId: string | null;
  accountId: string | null;
  email: string | null;
  description: string | null;
  jsonData: string | null;
  ipAddress: string | null;
  name: string | null;
  card: CardFacts;
  status: TransactionStatus;
  reason: ReasonName | null;
  createdAt: Date;
  authAt: Date | null;
  confirmAt: Date | null;
  authCode: string | null;
  token: string | null;
  originalTransactionId: number | null;
  threeDs: { paReq: string; paResUsed: boolean } | null;
}

export type NewTransaction = Omit<TransactionRecord, "id">;

export class TransactionStore {
  private readonly records: BoundedMap<number, TransactionRecord>;
  private nextId: number;

  constructor(maxTransactions: number, firstId = 1000) {
    this.records = new BoundedMap(maxTransactions);
    this.nextId = firstId;
  }

  create(init: NewTransaction): TransactionRecord {
    // id last: a copied record (a refund made from its payment) must not keep the old id.
    const record: TransactionRecord = { ...init, id: this.nextId++ };
    this.records.set(record.id, record);
    return record;
  }

  get(id: number): TransactionRecord | undefined {
    return this.records.get(id);
  }

  /** The newest transaction for an invoice, of the kinds given (what /payments/find answers). */
  lastForInvoice(invoiceId: string, kinds: readonly TransactionRecord["kind"][]): TransactionRecord | undefined {
    let last: TransactionRecord | undefined;
    for (const record of this.records.values()) {
      if (record.invoiceId === invoiceId && kinds.includes(record.kind)) last = record;
    }
    return last;
  }

  /** Oldest first. */
  list(): TransactionRecord[] {
    return [...this.records.values()];
  }

  get size(): number {
    return this.records.size;
  }
}

export const toMajor = (minor: number): number => minor / 100;

/** Microsoft JSON date, as the gateway writes `CreatedDate`. */
export const msJsonDate = (date: Date): string => `/Date(${date.getTime()})/`;

/** `YYYY-MM-DDTHH:MM:SS` in UTC, without zone, as in the gateway's examples. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 19);

export interface TransactionModel {
  TransactionId: number;
  Amount: number;
  Currency: Currency;
  CurrencyCode: number;
  PaymentAmount: number;
  PaymentCurrency: Currency;
  PaymentCurrencyCode: number;
  InvoiceId: string | null;
  AccountId: string | null;
  Email: string | null;
  Description: string | null;
  JsonData: string | null;
  CreatedDate: string;
  CreatedDateIso: string;
  AuthDate: string | null;
  AuthDateIso: string | null;
  ConfirmDate: string | null;
  ConfirmDateIso: string | null;
  AuthCode: string | null;
  TestMode: true;
  Rrn: string | null;
  OriginalTransactionId: number | null;
  IpAddress: string | null;
  IpCountry: string;
  IpCity: string | null;
  IpRegion: string | null;
  IpDistrict: string | null;
  IpLatitude: number | null;
  IpLongitude: number | null;
  CardFirstSix: string;
  CardLastFour: string;
  CardExpDate: string;
  CardType: GatewayCardType;
  CardTypeCode: number;
  Issuer: string;
  IssuerBankCountry: string;
  Status: TransactionStatus;
  StatusCode: number;
  Reason: string | null;
  ReasonCode: number | null;
  CardHolderMessage: string | null;
  Type: number;
  Refunded: boolean;
  Name: string | null;
  Token: string | null;
  SubscriptionId: string | null;
  GatewayName: string;
  PublicId: string;
  CultureName: string;
}

const dateOrNull = (date: Date | null, format: (d: Date) => string): string | null =>
  date === null ? null : format(date);

export function toModel(record: TransactionRecord, publicId: string): TransactionModel {
  const reason = record.reason === null ? null : REASONS[record.reason];
  const amount = toMajor(record.amountMinor);
  const currencyCode = CURRENCY_CODES[record.currency];
  return {
    TransactionId: record.id,
    Amount: amount,
    Currency: record.currency,
    CurrencyCode: currencyCode,
    PaymentAmount: amount,
    PaymentCurrency: record.currency,
    PaymentCurrencyCode: currencyCode,
    InvoiceId: record.invoiceId,
    AccountId: record.accountId,
    Email: record.email,
    Description: record.description,
    JsonData: record.jsonData,
    CreatedDate: msJsonDate(record.createdAt),
    CreatedDateIso: isoDate(record.createdAt),
    AuthDate: dateOrNull(record.authAt, msJsonDate),
    AuthDateIso: dateOrNull(record.authAt, isoDate),
    ConfirmDate: dateOrNull(record.confirmAt, msJsonDate),
    ConfirmDateIso: dateOrNull(record.confirmAt, isoDate),
    AuthCode: record.authCode,
    TestMode: true,
    Rrn: null,
    OriginalTransactionId: record.originalTransactionId,
    IpAddress: record.ipAddress,
    IpCountry: "",
    IpCity: null,
    IpRegion: null,
    IpDistrict: null,
    IpLatitude: null,
    IpLongitude: null,
    CardFirstSix: record.card.firstSix,
    CardLastFour: record.card.lastFour,
    CardExpDate: `${String(record.card.expMonth).padStart(2, "0")}/${String(record.card.expYear % 100).padStart(2, "0")}`,
    CardType: record.card.cardType,
    CardTypeCode: cardTypeCodeOf(record.card.cardType),
    Issuer: "CloudPayments",
    IssuerBankCountry: "RU",
    Status: record.status,
    StatusCode: STATUS_CODES[record.status],
    Reason: reason?.reason ?? null,
    ReasonCode: reason?.code ?? null,
    CardHolderMessage: reason?.cardHolderMessage ?? null,
    Type: record.kind === "refund" ? 1 : 0,
    Refunded: record.refundedMinor > 0,
    Name: record.name,
    Token: record.token,
    SubscriptionId: null,
    GatewayName: "Test",
    PublicId: publicId,
    CultureName: "ru-RU",
  };
}
