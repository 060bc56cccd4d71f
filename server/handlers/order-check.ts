// The merchant's order as getOrder answered it, checked before any gateway call: a positive
// amount, an ISO currency, and receipt lines (54-FZ) that add up to the amount, kopeck for kopeck.
import type { ReceiptLine } from "../gateway/index.ts";
import type { CheckoutOrder } from "./options.ts";

export type OrderCheck = { ok: true; lines: ReceiptLine[] | null } | { ok: false; problem: string };

const MAX_ITEMS = 100;

/** Whole minor units, or null for a sum with more than two decimals. */
function minor(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const units = Math.round(value * 100);
  return Math.abs(value * 100 - units) > 1e-6 ? null : units;
}

function checkLine(item: unknown, index: number): { ok: true; line: ReceiptLine; totalMinor: number } | { ok: false; problem: string } {
  const at = `items[${index}]`;
  if (typeof item !== "object" || item === null) return { ok: false, problem: `${at} is not an object` };
  const { name, price, quantity, total, discount } = item as Record<string, unknown>;
  if (typeof name !== "string" || name.trim() === "" || name.length > 128) return { ok: false, problem: `${at}.name must be 1-128 characters` };
  if (typeof price !== "number" || minor(price) === null || price < 0) return { ok: false, problem: `${at}.price must be a sum of at least 0` };
  if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity <= 0) return { ok: false, problem: `${at}.quantity must be positive` };
  const lineTotal = total === undefined ? Math.round(price * quantity * 100) / 100 : total;
  const totalMinor = typeof lineTotal === "number" ? minor(lineTotal) : null;
  if (totalMinor === null || totalMinor < 0) return { ok: false, problem: `${at}.total must be a sum of at least 0` };
  if (discount !== undefined && typeof discount !== "string" && typeof discount !== "number") {
    return { ok: false, problem: `${at}.discount must be text or a number` };
  }
  const line: ReceiptLine = { name: name.trim(), price, quantity, total: totalMinor / 100 };
  if (discount !== undefined) line.discount = discount;
  return { ok: true, line, totalMinor };
}

export function checkOrder(order: CheckoutOrder): OrderCheck {
  const amountMinor = typeof order.amount === "number" ? minor(order.amount) : null;
  if (amountMinor === null || amountMinor <= 0) return { ok: false, problem: "amount must be a positive sum with at most 2 decimals" };
  if (typeof order.currency !== "string" || !/^[A-Z]{3}$/.test(order.currency)) return { ok: false, problem: "currency must be an ISO 4217 code" };
  if (order.items === undefined) return { ok: true, lines: null };
  if (!Array.isArray(order.items) || order.items.length === 0 || order.items.length > MAX_ITEMS) {
    return { ok: false, problem: `items must be a list of 1-${MAX_ITEMS} receipt lines` };
  }
  const lines: ReceiptLine[] = [];
  let sum = 0;
  for (const [index, item] of order.items.entries()) {
    const checked = checkLine(item, index);
    if (!checked.ok) return checked;
    lines.push(checked.line);
    sum += checked.totalMinor;
  }
  if (sum !== amountMinor) return { ok: false, problem: `the items add up to ${sum / 100}, not the amount ${order.amount}` };
  return { ok: true, lines };
}

/** The receipt a gateway gets: the order's lines, or one line of its description and amount. */
export function receiptLines(order: CheckoutOrder, lines: ReceiptLine[] | null): ReceiptLine[] {
  if (lines !== null) return lines;
  const name = (order.description ?? "").trim().slice(0, 128) || "Order";
  return [{ name, price: order.amount, quantity: 1, total: order.amount }];
}
