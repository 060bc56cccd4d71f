// RbsClient's requests and answers in the merchant's terms: amounts in roubles, currencies as
// letters ("RUB"). The client converts to the API's kopecks and numeric codes.
import type { Currency } from "../models.ts";

export type RbsLanguage = "ru" | "en" | (string & {});

/** register.do and registerPreAuth.do. */
export interface RbsRegisterRequest {
  /** The shop's order number: unique, at most 36 characters. Registering it again fails with errorCode "1". */
  orderNumber: string;
  /** Roubles (or the currency's major units), at most 2 decimals. */
  amount: number;
  /** Default "RUB". */
  currency?: Currency;
  /** The shopper lands on `returnUrl?orderId=…` after paying. */
  returnUrl: string;
  /** …and on `failUrl?orderId=…` after a failure (returnUrl when absent). */
  failUrl?: string;
  description?: string;
  /** The page's and the messages' language. */
  language?: RbsLanguage;
  /** The shop's customer id: a paid order makes a binding (a saved card) for it. */
  clientId?: string;
  /** `features=AUTO_PAYMENT`: paymentOrderBinding.do charges it without the shopper (needs clientId). */
  autoPayment?: boolean;
  /** `jsonParams`: extra order parameters, returned as merchantOrderParams. */
  jsonParams?: Readonly<Record<string, string | number | boolean>>;
  /** Seconds the shopper has to pay; the platform's default is 1200. */
  sessionTimeoutSecs?: number;
  /** Where this order's callback notifications go. */
  dynamicCallbackUrl?: string;
}

export interface RbsRegistered {
  /** The gateway's order id (also called mdOrder). */
  orderId: string;
  /** The gateway's card page for the shopper. */
  formUrl: string;
}

export type RbsOrderLookup = { orderId: string; orderNumber?: never } | { orderNumber: string; orderId?: never };

export type RbsOrderStatusCode = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** orderStatus in words: 0 registered, 1 held, 2 paid, 3 reversed, 4 refunded, 5 at the ACS, 6 declined. */
export type RbsOrderState = "registered" | "held" | "paid" | "reversed" | "refunded" | "acs" | "declined";

export interface RbsCardInfo {
  /** e.g. "400000**3055". */
  maskedPan: string;
  firstSix: string | null;
  lastFour: string | null;
  expiry: { month: number; year: number } | null;
  cardholderName: string | null;
  /** e.g. "VISA", "MASTERCARD", "MIR". */
  paymentSystem: string | null;
  approvalCode: string | null;
}

export interface RbsAmounts {
  approved: number;
  deposited: number;
  refunded: number;
  /** The platform's paymentState, e.g. "DEPOSITED". */
  paymentState: string | null;
}

/** getOrderStatusExtended.do, read. */
export interface RbsOrderStatus {
  /** From the answer's mdOrder attribute, else the id asked for. */
  orderId: string | null;
  orderNumber: string;
  status: RbsOrderStatusCode;
  state: RbsOrderState;
  /** The last payment attempt's result: 0 approved, -100 no attempt, others a decline. */
  actionCode: number | null;
  actionCodeDescription: string | null;
  amount: number;
  currency: Currency;
  description: string | null;
  createdAt: Date | null;
  card: RbsCardInfo | null;
  /** The clientId of the order and, once paid (or paid by one), its binding. */
  binding: { clientId: string | null; bindingId: string | null } | null;
  amounts: RbsAmounts | null;
  merchantOrderParams: Readonly<Record<string, string>>;
  /** The answer as it came, for fields this type does not carry. */
  raw: Readonly<Record<string, unknown>>;
}

export interface RbsDepositRequest {
  orderId: string;
  /** Roubles to take from the hold; omitted or 0: all of it. */
  amount?: number;
}

export interface RbsOrderRequest {
  orderId: string;
}

export interface RbsRefundRequest {
  orderId: string;
  /** Roubles; refunds may be partial while their sum stays within the paid amount. */
  amount: number;
}

/** paymentOrderBinding.do */
export interface RbsBindingPaymentRequest {
  /** The registered order (`mdOrder`). */
  orderId: string;
  bindingId: string;
  /** The shopper's IP address (the shop's own for a payment without the shopper). */
  ip: string;
  language?: RbsLanguage;
  email?: string;
  cvc?: string;
}

/**
 * `3ds`: the shopper must authenticate: POST `MD` (= orderId), `PaReq` and `TermUrl` (= termUrl)
 * to acsUrl; the gateway then sends the shopper to returnUrl/failUrl `?orderId=`.
 * `processed`: the gateway decided without the shopper; read the outcome with getOrderStatusExtended.
 */
export type RbsBindingPayment =
  | { kind: "3ds"; acsUrl: string; paReq: string; termUrl: string; md: string }
  | { kind: "processed"; redirect: string | null; info: string | null };

export interface RbsBinding {
  bindingId: string;
  clientId: string;
  maskedPan: string;
  firstSix: string | null;
  lastFour: string | null;
  expiry: { month: number; year: number } | null;
}

export interface RbsCallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}
