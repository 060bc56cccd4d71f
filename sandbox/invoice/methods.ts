// The eight methods of the Invoice cash API (docs/invoice.md). Each reads its fields, applies the
// state change, and returns the answer body; a refusal is thrown as an InvoiceRequestError.
import { INVOICE_ERRORS } from "./error-codes.ts";
import type { Fields } from "./json-fields.ts";
import { InvoiceRequestError } from "./json-fields.ts";
import type { InvoiceContext } from "./models.ts";
import { paymentModel, refundModel, terminalModel } from "./models.ts";
import type { InvoiceCurrency, InvoiceStore, PaymentRecord, ReceiptItem, TerminalRecord, TerminalType } from "./store.ts";
import { fingerprintOf } from "./store.ts";

export interface InvoiceApiContext extends InvoiceContext {
  store: InvoiceStore;
}

export type InvoiceMethod = (ctx: InvoiceApiContext, body: Fields) => unknown;

const CURRENCIES: Readonly<Record<string, InvoiceCurrency>> = { rub: "RUB", usd: "USD", eur: "EUR" };
// The SDKs spell the types "statical" / "dynamical"; the guide "static" / "dynamic".
const TERMINAL_TYPES: Readonly<Record<string, TerminalType>> = { static: "static", dynamic: "dynamic", statical: "static", dynamical: "dynamic" };
const MAX_RECEIPT_ITEMS = 100;
const MAX_CUSTOM_PARAMETERS = 8 * 1024;
// The guide says 32, but its own sample order id is a 36-character UUID.
const MAX_ORDER_ID = 64;

function duplicate(what: string): InvoiceRequestError {
  const { code, name } = INVOICE_ERRORS.duplicate;
  return new InvoiceRequestError(`${name}: ${what} with identical parameters already exists`, code);
}

function readReceipt(body: Fields): ReceiptItem[] {
  return body.requiredArray("receipt", MAX_RECEIPT_ITEMS).map((item) => {
    // The guide's discount is text ("10%"); the SDKs' samples send a number (10).
    const rawDiscount = item.get("discount");
    let discount: string | number | null = null;
    if (typeof rawDiscount === "number") discount = item.requiredNumber("discount", { min: 0, decimals: 2 });
    else if (rawDiscount !== undefined) discount = item.optionalString("discount", 32);
    return {
      name: item.requiredString("name", 128),
      price: item.requiredNumber("price", { min: 0, decimals: 2 }),
      discount,
      resultPrice: item.requiredNumber("resultPrice", { min: 0, decimals: 2 }),
      quantity: item.requiredNumber("quantity", { min: 0, minExclusive: true, decimals: 3 }),
    };
  });
}

function readTerminal(ctx: InvoiceApiContext, body: Fields, idField: string): TerminalRecord {
  const id = body.requiredString(idField, 64);
  const terminal = ctx.store.terminals.get(id);
  if (terminal === undefined) throw new InvoiceRequestError(`${body.name(idField)}: no terminal with this id`);
  return terminal;
}

function readPayment(ctx: InvoiceApiContext, body: Fields): PaymentRecord {
  const id = body.requiredString("id", 64);
  const payment = ctx.store.payment(id, ctx.now());
  if (payment === undefined) throw new InvoiceRequestError("id: no payment with this id");
  return payment;
}

const createTerminal: InvoiceMethod = (ctx, body) => {
  const name = body.requiredString("name", 50);
  const alias = body.requiredString("alias", 50);
  const description = body.optionalString("description", 200);
  const type = body.optionalChoice("type", TERMINAL_TYPES) ?? "dynamic";
  const logo = body.optionalString("logo", 2048);
  const defaultPrice = body.optionalNumber("defaultPrice", { min: 0, decimals: 2, max: 999_999_999.99 });
  const canComments = body.optionalBoolean("canComments") ?? false;
  if (type === "static" && !(defaultPrice !== null && defaultPrice > 0)) {
    throw new InvoiceRequestError("defaultPrice is required for a static terminal (its fixed price, greater than 0)");
  }
  if (ctx.store.terminalByAliasName(alias) !== undefined) throw new InvoiceRequestError(`alias: a terminal with alias ${alias} already exists`);
  const terminal = ctx.store.addTerminal({
    alias,
    name,
    description,
    type,
    logo,
    defaultPriceMinor: Math.round((defaultPrice ?? 0) * 100),
    canComments,
  });
  return terminalModel(ctx, terminal);
};

const getTerminal: InvoiceMethod = (ctx, body) => {
  // By alias (the guide's required field) or by id (its sample sends both).
  const alias = body.optionalString("alias", 50);
  const id = body.optionalString("id", 64);
  if (alias === null && id === null) throw new InvoiceRequestError("alias is required");
  const byAlias = alias === null ? undefined : ctx.store.terminalByAliasName(alias);
  const byId = id === null ? undefined : ctx.store.terminals.get(id);
  if (alias !== null && id !== null && byAlias !== byId) {
    throw new InvoiceRequestError(byAlias === undefined || byId === undefined ? "Terminal not found" : "id and alias name different terminals");
  }
  const terminal = byAlias ?? byId;
  if (terminal === undefined) throw new InvoiceRequestError("Terminal not found");
  return terminalModel(ctx, terminal);
};

const createPayment: InvoiceMethod = (ctx, body) => {
  const orderFields = body.requiredObject("order");
  const order = {
    currency: orderFields.optionalChoice("currency", CURRENCIES) ?? "RUB",
    amountMinor: orderFields.requiredAmount("amount"),
    description: orderFields.optionalString("description", 200),
    id: orderFields.optionalString("id", MAX_ORDER_ID),
  };
  const settingsFields = body.requiredObject("settings");
  const terminal = readTerminal(ctx, settingsFields, "terminal_id");
  const settings = {
    paymentMethod: settingsFields.optionalString("payment_method", 32),
    successUrl: settingsFields.optionalHttpUrl("success_url"),
    failUrl: settingsFields.optionalHttpUrl("fail_url"),
  };
  const customParameters = body.optionalRawObject("custom_parameters", MAX_CUSTOM_PARAMETERS) ?? {};
  const receipt = readReceipt(body);
  const trtype = body.optionalNumber("trtype", { min: 1, decimals: 0, max: 4 }) ?? 1;
  if (trtype !== 1 && trtype !== 2 && trtype !== 4) throw new InvoiceRequestError("trtype must be 1, 2 or 4");
  if (terminal.type === "static" && order.amountMinor !== terminal.defaultPriceMinor) {
    throw new InvoiceRequestError(`order.amount must be ${terminal.defaultPriceMinor / 100}, the fixed price of static terminal ${terminal.id}`);
  }

  const now = ctx.now();
  const fingerprint = fingerprintOf({ terminal: terminal.id, order, settings, customParameters, receipt, trtype });
  if (ctx.store.livePaymentWithFingerprint(fingerprint, now) !== undefined) throw duplicate("a payment");
  const payment = ctx.store.addPayment(
    {
      terminalId: terminal.id,
      order,
      settings,
      customParameters,
      receipt,
      trtype,
      status: "init",
      error: null,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + ctx.store.options.paymentTtlMs),
      card: null,
      refundedMinor: 0,
    },
    fingerprint,
  );
  return paymentModel(ctx, payment);
};

const getPayment: InvoiceMethod = (ctx, body) => paymentModel(ctx, readPayment(ctx, body));

const getPaymentByOrder: InvoiceMethod = (ctx, body) => {
  const orderId = body.requiredString("id", MAX_ORDER_ID);
  const payment = ctx.store.latestPaymentOfOrder(orderId, ctx.now());
  if (payment === undefined) throw new InvoiceRequestError("id: no payment with this order id");
  return paymentModel(ctx, payment);
};

const closePayment: InvoiceMethod = (ctx, body) => {
  const payment = readPayment(ctx, body);
  // Closing twice answers the closed payment again, so a retried close is harmless.
  const heldFunds = payment.status === "successful" && payment.trtype === 2 && payment.refundedMinor === 0;
  if (payment.status !== "init" && payment.status !== "closed" && !heldFunds) {
    throw new InvoiceRequestError(
      `Only an unpaid payment (init) or an unrefunded hold (trtype 2) can be closed; this one is ${payment.status}${
        payment.status === "successful" ? ": refund it instead" : ""
      }`,
    );
  }
  if (payment.status !== "closed") {
    payment.status = "closed";
    payment.updatedAt = ctx.now();
  }
  return paymentModel(ctx, payment);
};

const createRefund: InvoiceMethod = (ctx, body) => {
  const payment = readPayment(ctx, body);
  const refundFields = body.requiredObject("refund");
  const amountMinor = refundFields.requiredAmount("amount");
  const currency = refundFields.optionalChoice("currency", CURRENCIES) ?? payment.order.currency;
  const reason = refundFields.optionalString("reason", 200);
  const receipt = readReceipt(body);
  if (payment.status !== "successful") throw new InvoiceRequestError(`Only a successful payment can be refunded; this one is ${payment.status}`);
  if (currency !== payment.order.currency) throw new InvoiceRequestError(`refund.currency must be ${payment.order.currency}, the payment's currency`);
  const now = ctx.now();
  const fingerprint = fingerprintOf({ payment: payment.id, amountMinor, currency, reason, receipt });
  if (ctx.store.refundWithFingerprint(fingerprint, now) !== undefined) throw duplicate("a refund");
  const left = payment.order.amountMinor - payment.refundedMinor;
  if (amountMinor > left) throw new InvoiceRequestError(`refund.amount is more than is left to refund (${left / 100})`);
  payment.refundedMinor += amountMinor;
  const refund = ctx.store.addRefund(
    {
      paymentId: payment.id,
      currency,
      amountMinor,
      reason,
      receipt,
      status: "init",
      createdAt: now,
      updatedAt: now,
      settlesAt: new Date(now.getTime() + ctx.store.options.refundDelayMs),
    },
    fingerprint,
  );
  // A refund settling at once (refundDelayMs 0) answers successful already.
  return refundModel(ctx.store.refund(refund.id, now) ?? refund, payment);
};

const getRefund: InvoiceMethod = (ctx, body) => {
  const id = body.requiredString("id", 64);
  const now = ctx.now();
  const refund = ctx.store.refund(id, now);
  if (refund === undefined) throw new InvoiceRequestError("id: no refund with this id");
  return refundModel(refund, ctx.store.payment(refund.paymentId, now));
};

export const INVOICE_METHODS: Readonly<Record<string, InvoiceMethod>> = {
  CreateTerminal: createTerminal,
  GetTerminal: getTerminal,
  CreatePayment: createPayment,
  GetPayment: getPayment,
  GetPaymentByOrder: getPaymentByOrder,
  ClosePayment: closePayment,
  CreateRefund: createRefund,
  GetRefund: getRefund,
};
