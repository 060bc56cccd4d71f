// Reads the gateway's answers into the typed models, or null when an answer lacks a field the
// model promises (the client then reports a GatewayHttpError rather than guessing). Ids the guide
// shows as numbers in some samples become strings; a status outside the guide's list is refused.
import type {
  InvoiceErrorPair,
  InvoicePayment,
  InvoicePaymentStatus,
  InvoiceRefund,
  InvoiceRefundStatus,
  InvoiceTerminal,
  InvoiceTerminalType,
} from "./models.ts";
import { isRecord } from "../../is-record.ts";

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const id = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
const nullableText = (value: unknown): string | null | undefined => (value === null || value === undefined ? null : text(value));
const number = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** A `[class, code]` pair, from `error_code` or an `error` that is itself a pair. */
export function errorPairOf(body: Json): InvoiceErrorPair | null {
  for (const candidate of [body.error_code, body.error]) {
    if (Array.isArray(candidate) && candidate.length === 2 && candidate.every((n) => Number.isInteger(n))) {
      return [candidate[0] as number, candidate[1] as number];
    }
  }
  return null;
}

const TERMINAL_TYPES: Readonly<Record<string, InvoiceTerminalType>> = { static: "static", dynamic: "dynamic", statical: "static", dynamical: "dynamic" };
const PAYMENT_STATUSES: readonly InvoicePaymentStatus[] = ["init", "successful", "fail", "closed"];
const REFUND_STATUSES: readonly InvoiceRefundStatus[] = ["init", "successful", "fail"];

function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
}

export function readTerminal(body: unknown): InvoiceTerminal | null {
  if (!isRecord(body)) return null;
  const terminalId = id(body.id);
  const name = text(body.name);
  const link = text(body.link);
  const type = typeof body.type === "string" ? TERMINAL_TYPES[body.type.toLowerCase()] : undefined;
  const description = nullableText(body.description);
  if (terminalId === undefined || name === undefined || link === undefined || type === undefined || description === undefined) return null;
  const alias = text(body.alias);
  return {
    id: terminalId,
    name,
    description,
    link,
    type,
    defaultPrice: number(body.defaultPrice) ?? 0,
    canComments: body.canComments === true,
    ...(alias !== undefined && { alias }),
  };
}

export function readPayment(body: unknown): InvoicePayment | null {
  if (!isRecord(body) || !isRecord(body.order)) return null;
  const paymentId = id(body.id);
  const status = oneOf(body.status, PAYMENT_STATUSES);
  const amount = number(body.order.amount);
  const currency = text(body.order.currency);
  const description = nullableText(body.order.description);
  const orderId = body.order.id === null || body.order.id === undefined ? null : id(body.order.id);
  const paymentUrl = text(body.payment_url);
  const dates = [text(body.create_date), text(body.update_date), text(body.expire_date)];
  if (
    paymentId === undefined ||
    status === undefined ||
    amount === undefined ||
    currency === undefined ||
    description === undefined ||
    orderId === undefined ||
    paymentUrl === undefined ||
    dates.some((d) => d === undefined)
  ) {
    return null;
  }
  const pair = errorPairOf(body);
  return {
    id: paymentId,
    order: { currency, amount, description, id: orderId },
    status,
    status_description: text(body.status_description) ?? "",
    create_date: dates[0] as string,
    update_date: dates[1] as string,
    expire_date: dates[2] as string,
    custom_parameters: isRecord(body.custom_parameters) ? body.custom_parameters : {},
    payment_url: paymentUrl,
    ...(pair !== null && { error_code: pair }),
  };
}

export function readRefund(body: unknown): InvoiceRefund | null {
  if (!isRecord(body) || !isRecord(body.refund)) return null;
  const refundId = id(body.id);
  const status = oneOf(body.status, REFUND_STATUSES);
  const paymentId = id(body.payment_id);
  const amount = number(body.refund.amount);
  const currency = text(body.refund.currency);
  const reason = nullableText(body.refund.reason);
  const created = text(body.create_date);
  const updated = text(body.update_date);
  if (
    refundId === undefined ||
    status === undefined ||
    paymentId === undefined ||
    amount === undefined ||
    currency === undefined ||
    reason === undefined ||
    created === undefined ||
    updated === undefined
  ) {
    return null;
  }
  const method = isRecord(body.payment_method) ? body.payment_method : {};
  return {
    id: refundId,
    refund: { currency, amount, reason },
    status,
    payment_id: paymentId,
    payment_method: {
      terminal_id: id(method.terminal_id) ?? "",
      type: text(method.type) ?? "",
      account: text(method.account) ?? "",
      funds: number(method.funds) ?? 0,
      bonuses: number(method.bonuses) ?? 0,
    },
    create_date: created,
    update_date: updated,
    custom_parameters: isRecord(body.custom_parameters) ? body.custom_parameters : {},
  };
}

/** A refusal in an answer: its `error` text (null when `error` is only a pair) and its pair. */
export function refusalOf(body: unknown): { message: string | null; pair: InvoiceErrorPair | null } | null {
  if (!isRecord(body) || body.error === undefined || body.error === null) return null;
  const message = typeof body.error === "string" && body.error !== "" ? body.error : (text(body.description) ?? null);
  return { message, pair: errorPairOf(body) };
}
