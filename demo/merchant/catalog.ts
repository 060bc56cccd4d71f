// What the demo shop sells. Prices live on the server: the browser only names items and counts.
export interface Product {
  sku: string;
  name: string;
  /** The name on an English page. */
  nameEn: string;
  /** Price in roubles (the gateway's Amount unit). */
  price: number;
}

export const CURRENCY = "RUB";

export const CATALOG: readonly Product[] = [
  { sku: "tea", name: "Иван-чай, 100 г", nameEn: "Fireweed tea, 100 g", price: 450 },
  { sku: "mug", name: "Кружка «Байкал»", nameEn: "Baikal mug", price: 1050 },
  { sku: "honey", name: "Мёд алтайский, 250 г", nameEn: "Altai honey, 250 g", price: 690 },
];

export interface CartLine {
  sku: string;
  qty: number;
}

export type CartProblem = "Cart_Empty" | "Cart_UnknownItem" | "Cart_BadQuantity" | "Cart_Malformed";

const MAX_LINES = 20;
const MAX_QTY = 99;

/** Reads an untrusted cart: `[{ sku, qty }]` with known skus and 1..99 of each. */
export function parseCart(value: unknown): { ok: true; lines: CartLine[] } | { ok: false; problem: CartProblem } {
  if (!Array.isArray(value)) return { ok: false, problem: "Cart_Malformed" };
  if (value.length === 0) return { ok: false, problem: "Cart_Empty" };
  if (value.length > MAX_LINES) return { ok: false, problem: "Cart_Malformed" };
  const lines: CartLine[] = [];
  for (const raw of value) {
    if (typeof raw !== "object" || raw === null) return { ok: false, problem: "Cart_Malformed" };
    const { sku, qty } = raw as { sku?: unknown; qty?: unknown };
    if (typeof sku !== "string" || !CATALOG.some((p) => p.sku === sku)) return { ok: false, problem: "Cart_UnknownItem" };
    const count = qty === undefined ? 1 : qty;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > MAX_QTY) {
      return { ok: false, problem: "Cart_BadQuantity" };
    }
    lines.push({ sku, qty: count });
  }
  return { ok: true, lines };
}

/** Sum of the cart in roubles, rounded to kopecks. */
export function cartTotal(lines: readonly CartLine[]): number {
  const kopecks = lines.reduce((sum, line) => {
    const product = CATALOG.find((p) => p.sku === line.sku);
    return sum + (product ? Math.round(product.price * 100) * line.qty : 0);
  }, 0);
  return kopecks / 100;
}

/** The cart in words, in the shopper's language: "Иван-чай, 100 г × 2, Кружка «Байкал» × 1". */
export function describeCart(lines: readonly CartLine[], lang: "ru" | "en" = "ru"): string {
  return cartItems(lines, lang)
    .map((item) => `${item.name} × ${item.qty}`)
    .join(", ");
}

export interface CartItem {
  name: string;
  qty: number;
  /** The line's sum in roubles. */
  amount: number;
}

/** Each line with its product's name and the line's sum, for the page to show. */
export function cartItems(lines: readonly CartLine[], lang: "ru" | "en" = "ru"): CartItem[] {
  return lines.map((line) => {
    const product = CATALOG.find((p) => p.sku === line.sku);
    const name = product ? (lang === "en" ? product.nameEn : product.name) : line.sku;
    return { name, qty: line.qty, amount: product ? (Math.round(product.price * 100) * line.qty) / 100 : 0 };
  });
}
