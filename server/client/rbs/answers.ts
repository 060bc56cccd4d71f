// Reading RBS answers into the client's types, leniently: numbers may come as strings, optional
// blocks may be missing. A field the type needs and cannot be read is the caller's error.
import { fromKopecks, fromNumericCurrency } from "./money.ts";
import type { RbsAmounts, RbsBinding, RbsCardInfo, RbsOrderState, RbsOrderStatus, RbsOrderStatusCode } from "./models.ts";
import type { RbsAnswer } from "./transport.ts";
import { isRecord } from "../../is-record.ts";

const STATES: readonly RbsOrderState[] = ["registered", "held", "paid", "reversed", "refunded", "acs", "declined"];

export function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

/** "203012" (YYYYMM) or "1230" (MMYY). */
function expiryOf(value: unknown): { month: number; year: number } | null {
  const t = text(value);
  let m = t === null ? null : /^(\d{4})(\d{2})$/.exec(t);
  if (m?.[1] && m[2]) return validMonth(Number(m[2]), Number(m[1]));
  m = t === null ? null : /^(\d{2})\/?(\d{2})$/.exec(t);
  if (m?.[1] && m[2]) return validMonth(Number(m[1]), 2000 + Number(m[2]));
  return null;
}

function validMonth(month: number, year: number) {
  return month >= 1 && month <= 12 ? { month, year } : null;
}

function panParts(masked: string): { firstSix: string | null; lastFour: string | null } {
  const m = /^(\d{6})[*Xx\d]*?(\d{4})$/.exec(masked);
  return { firstSix: m?.[1] ?? null, lastFour: m?.[2] ?? /(\d{4})$/.exec(masked)?.[1] ?? null };
}

export function readOrderStatus(answer: RbsAnswer, askedId: string | null): RbsOrderStatus | null {
  const status = numberOf(answer["orderStatus"]);
  const orderNumber = text(answer["orderNumber"]);
  const amount = numberOf(answer["amount"]);
  if (status === null || !Number.isInteger(status) || status < 0 || status > 6 || orderNumber === null || amount === null) return null;
  const code = status as RbsOrderStatusCode;

  const attributes = Array.isArray(answer["attributes"]) ? answer["attributes"] : [];
  const mdOrder = attributes.find((a): a is Record<string, unknown> => isRecord(a) && a["name"] === "mdOrder");
  const params: Record<string, string> = {};
  for (const entry of Array.isArray(answer["merchantOrderParams"]) ? answer["merchantOrderParams"] : []) {
    const name = isRecord(entry) ? text(entry["name"]) : null;
    const value = isRecord(entry) ? text(entry["value"]) : null;
    if (name !== null && value !== null) params[name] = value;
  }
  const date = numberOf(answer["date"]);
  const binding = isRecord(answer["bindingInfo"]) ? answer["bindingInfo"] : null;
  return {
    orderId: (mdOrder ? text(mdOrder["value"]) : null) ?? askedId,
    orderNumber,
    status: code,
    state: STATES[code] ?? "registered",
    actionCode: numberOf(answer["actionCode"]),
    actionCodeDescription: text(answer["actionCodeDescription"]) || null,
    amount: fromKopecks(amount),
    currency: fromNumericCurrency(text(answer["currency"]) ?? "643"),
    description: text(answer["orderDescription"]) || null,
    createdAt: date === null ? null : new Date(date),
    card: readCard(answer["cardAuthInfo"]),
    binding: binding === null ? null : { clientId: text(binding["clientId"]), bindingId: text(binding["bindingId"]) },
    amounts: readAmounts(answer["paymentAmountInfo"]),
    merchantOrderParams: params,
    raw: answer,
  };
}

function readCard(value: unknown): RbsCardInfo | null {
  if (!isRecord(value)) return null;
  const maskedPan = text(value["maskedPan"]) ?? text(value["pan"]);
  if (maskedPan === null) return null;
  return {
    maskedPan,
    ...panParts(maskedPan),
    expiry: expiryOf(value["expiration"]),
    cardholderName: text(value["cardholderName"]) || null,
    paymentSystem: text(value["paymentSystem"]) || null,
    approvalCode: text(value["approvalCode"]) || null,
  };
}

function readAmounts(value: unknown): RbsAmounts | null {
  if (!isRecord(value)) return null;
  return {
    approved: fromKopecks(numberOf(value["approvedAmount"]) ?? 0),
    deposited: fromKopecks(numberOf(value["depositedAmount"]) ?? 0),
    refunded: fromKopecks(numberOf(value["refundedAmount"]) ?? 0),
    paymentState: text(value["paymentState"]),
  };
}

export function readBindings(answer: RbsAnswer, clientId: string): RbsBinding[] {
  const list = Array.isArray(answer["bindings"]) ? answer["bindings"] : [];
  const bindings: RbsBinding[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const bindingId = text(entry["bindingId"]);
    const maskedPan = text(entry["maskedPan"]) ?? "";
    if (bindingId === null) continue;
    bindings.push({
      bindingId,
      clientId: text(entry["clientId"]) ?? clientId,
      maskedPan,
      ...panParts(maskedPan),
      expiry: expiryOf(entry["expiryDate"]),
    });
  }
  return bindings;
}
