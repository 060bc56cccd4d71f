// Invoice cash API v2 shapes (docs/invoice.md), in the API's own field names. Amounts are roubles
// (1500 = 1 500 ₽), dates ISO-8601 strings (YYYY-MM-DDTHH:mm:ss.sssZ).

export type InvoiceCurrency = "RUB" | "USD" | "EUR";
/** `static`: one fixed price (`defaultPrice`); `dynamic`: any amount. */
export type InvoiceTerminalType = "static" | "dynamic";
/** `init` not paid yet; `successful` paid; `fail` declined or expired; `closed` cancelled by ClosePayment. */
export type InvoicePaymentStatus = "init" | "successful" | "fail" | "closed";
/** `init`: the result may come later; ask GetRefund again. */
export type InvoiceRefundStatus = "init" | "successful" | "fail";
/** 1 one-stage payment, 2 hold (funds blocked), 4 recurring. */
export type InvoiceTrType = 1 | 2 | 4;
/** A gateway error (§9.2): `[class, code]`, e.g. `[2, 51]` Not sufficient funds, `[3, -21]` Duplicate transaction. */
export type InvoiceErrorPair = readonly [errorClass: number, code: number];

/** One line of the 54-FZ receipt. */
export interface InvoiceReceiptItem {
  name: string;
  /** Price of one unit. */
  price: number;
  /** Text such as "10%", or an amount. */
  discount?: string | number;
  /** The line's total after the discount. */
  resultPrice: number;
  quantity: number;
}

export interface InvoiceCreateTerminalRequest {
  /** 1–50 characters, shown on the payment page. */
  name: string;
  /** 1–50 characters: the merchant's own name for the terminal. */
  alias: string;
  description?: string;
  type?: InvoiceTerminalType;
  /** URL of an image, at least 200 × 200. */
  logo?: string;
  /** The fixed price of a static terminal. */
  defaultPrice?: number;
  canComments?: boolean;
}

/** By alias (the guide's required field), by id, or both. */
export type InvoiceGetTerminalRequest = { alias: string; id?: string; name?: string } | { id: string; alias?: string; name?: string };

export interface InvoiceTerminal {
  id: string;
  name: string;
  description: string | null;
  /** The terminal's own payment page. */
  link: string;
  type: InvoiceTerminalType;
  defaultPrice: number;
  canComments: boolean;
  /** Not in the guide's answer table; present when the gateway sends it. */
  alias?: string;
}

export interface InvoiceOrder {
  amount: number;
  currency?: InvoiceCurrency;
  /** 1–200 characters. */
  description?: string;
  /** The merchant's order id: GetPaymentByOrder finds the payment by it. */
  id?: string;
}

export interface InvoicePaymentSettings {
  terminal_id: string;
  /** e.g. "card". */
  payment_method?: string;
  /** Where the payment page sends the shopper after a successful payment. */
  success_url?: string;
  /** … and after a failed one. */
  fail_url?: string;
}

export interface InvoiceCreatePaymentRequest {
  order: InvoiceOrder;
  settings: InvoicePaymentSettings;
  custom_parameters?: Record<string, unknown>;
  receipt: InvoiceReceiptItem[];
  trtype?: InvoiceTrType;
}

export interface InvoicePaymentIdRequest {
  /** The payment's id (CreatePayment's `id`). */
  id: string;
}

export interface InvoiceOrderIdRequest {
  /** The merchant's order id (`order.id` of CreatePayment). */
  id: string;
}

export interface InvoicePayment {
  id: string;
  order: { currency: string; amount: number; description: string | null; id: string | null };
  status: InvoicePaymentStatus;
  status_description: string;
  create_date: string;
  update_date: string;
  /** After this an unpaid payment can no longer be paid. */
  expire_date: string;
  custom_parameters: Record<string, unknown>;
  /** The gateway's payment page: send the shopper there. */
  payment_url: string;
  /** Why a `fail` payment failed, when the gateway says. */
  error_code?: InvoiceErrorPair;
}

export interface InvoiceCreateRefundRequest {
  /** The payment's id. */
  id: string;
  refund: { amount: number; currency?: InvoiceCurrency; reason?: string };
  receipt: InvoiceReceiptItem[];
}

export interface InvoiceRefundIdRequest {
  /** The refund's id (CreateRefund's `id`). */
  id: string;
}

export interface InvoiceRefund {
  id: string;
  refund: { currency: string; amount: number; reason: string | null };
  status: InvoiceRefundStatus;
  payment_id: string;
  payment_method: {
    terminal_id: string;
    type: string;
    /** Masked card number. */
    account: string;
    /** The payment's total. */
    funds: number;
    bonuses: number;
  };
  create_date: string;
  update_date: string;
  custom_parameters: Record<string, unknown>;
}

export interface InvoiceCallOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}
