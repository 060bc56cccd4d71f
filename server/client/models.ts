// CloudPayments API shapes, in the API's own field names (docs/cloudpayments.md).

export type Currency = "RUB" | "USD" | "EUR" | "GBP" | (string & {});

/** `/payments/cards/charge` and `/payments/cards/auth`. */
export interface CardPaymentRequest {
  Amount: number;
  Currency: Currency;
  IpAddress: string;
  Name: string;
  CardCryptogramPacket: string;
  InvoiceId?: string;
  Description?: string;
  AccountId?: string;
  Email?: string;
  JsonData?: Record<string, unknown>;
  /** Ask the gateway to keep a card token for later payments. */
  SaveCard?: boolean;
  CultureName?: string;
}

export interface Post3dsRequest {
  /** The `MD` the ACS posted back. */
  TransactionId: number;
  PaRes: string;
}

/** `/payments/tokens/charge` and `/payments/tokens/auth`. */
export interface TokenPaymentRequest {
  Amount: number;
  Currency: Currency;
  AccountId: string;
  Token: string;
  /** 0 = merchant-initiated, 1 = cardholder-initiated. */
  TrInitiatorCode?: 0 | 1;
  PaymentScheduled?: 0 | 1;
  InvoiceId?: string;
  Description?: string;
  IpAddress?: string;
  Email?: string;
  JsonData?: Record<string, unknown>;
}

export interface ConfirmRequest {
  TransactionId: number;
  Amount: number;
  JsonData?: Record<string, unknown>;
}

export interface VoidRequest {
  TransactionId: number;
}

export interface RefundRequest {
  TransactionId: number;
  Amount: number;
  JsonData?: Record<string, unknown>;
}

export interface GetPaymentRequest {
  TransactionId: number;
}

/** `/payments/find` and `/v2/payments/find`. */
export interface FindPaymentRequest {
  InvoiceId: string;
}

export type SubscriptionInterval = "Day" | "Week" | "Month";

export interface SubscriptionCreateRequest {
  Token: string;
  AccountId: string;
  Description: string;
  Email?: string;
  Amount: number;
  Currency: Currency;
  RequireConfirmation: boolean;
  /** First charge, UTC, in the future (ISO-8601). */
  StartDate: string;
  Interval: SubscriptionInterval;
  Period: number;
  MaxPeriods?: number;
  CustomerReceipt?: Record<string, unknown>;
}

export interface SubscriptionIdRequest {
  Id: string;
}

export interface OrderCreateRequest {
  Amount: number;
  Currency?: Currency;
  Description: string;
  Email?: string;
  RequireConfirmation?: boolean;
  SendEmail?: boolean;
  InvoiceId?: string;
  AccountId?: string;
  Phone?: string;
  SendSms?: boolean;
  CultureName?: string;
  SuccessRedirectUrl?: string;
  FailRedirectUrl?: string;
  JsonData?: Record<string, unknown>;
}

export type TransactionStatus =
  | "AwaitingAuthentication"
  | "Authorized"
  | "Completed"
  | "Cancelled"
  | "Declined"
  | (string & {});

/** The transaction `Model`. Fields the gateway may omit are optional; the rest stay open. */
export interface TransactionModel {
  TransactionId: number;
  Amount: number;
  Currency: string;
  Status: TransactionStatus;
  StatusCode?: number;
  ReasonCode: number;
  Reason?: string;
  CardHolderMessage?: string;
  InvoiceId?: string | null;
  AccountId?: string | null;
  Email?: string | null;
  Description?: string | null;
  JsonData?: string | null;
  CreatedDateIso?: string;
  AuthDateIso?: string | null;
  ConfirmDateIso?: string | null;
  AuthCode?: string | null;
  TestMode?: boolean;
  IpAddress?: string;
  CardFirstSix?: string;
  CardLastFour?: string;
  CardExpDate?: string;
  CardType?: string;
  Name?: string | null;
  Token?: string | null;
  /** 0 payment, 1 refund (2 payout). */
  Type?: number;
  /** For a refund: the payment it refunds. */
  OriginalTransactionId?: number | null;
  Refunded?: boolean;
  [field: string]: unknown;
}

/** `Success:false` answer to charge/auth when the issuer wants 3-D Secure. */
export interface ThreeDsChallenge {
  TransactionId: number;
  PaReq: string;
  AcsUrl: string;
  IFrameIsAllowed?: boolean;
  FrameWidth?: number | null;
  FrameHeight?: number | null;
  ThreeDsCallbackId?: string | null;
}

export interface RefundModel {
  TransactionId: number;
}

export interface SubscriptionModel {
  Id: string;
  AccountId: string;
  Description: string;
  Email?: string | null;
  Amount: number;
  Currency: string;
  RequireConfirmation: boolean;
  StartDateIso?: string;
  Interval: string;
  Period: number;
  MaxPeriods?: number | null;
  Status: string;
  StatusCode?: number;
  [field: string]: unknown;
}

export interface OrderModel {
  Id: string;
  Number?: number;
  Amount: number;
  Currency: string;
  Description: string;
  Email?: string | null;
  Url: string;
  Status: string;
  [field: string]: unknown;
}

/** Outcome of a payment call (cards, tokens, post3ds): `switch (result.kind)`. */
export type PaymentResult =
  | { kind: "approved"; model: TransactionModel }
  | { kind: "declined"; model: TransactionModel }
  | { kind: "3ds"; model: ThreeDsChallenge }
  | { kind: "invalid"; message: string };

/** Outcome of a non-payment call. */
export type ActionResult<M> = { ok: true; model: M; message: string | null } | { ok: false; message: string };

/** Per-call options. */
export interface CallOptions {
  /** Sent as `X-Request-ID`: a retry of the same operation must reuse it. */
  requestId?: string;
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}
