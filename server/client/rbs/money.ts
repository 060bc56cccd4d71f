// The merchant speaks roubles and "RUB"; the RBS API speaks kopecks and ISO 4217 numeric codes.
// Conversions happen here, at the client's boundary, and refuse what would change the sum.
import type { Currency } from "../models.ts";

const NUMERIC_OF: Readonly<Record<string, string>> = { RUB: "643", USD: "840", EUR: "978", GBP: "826" };
const LETTERS_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(NUMERIC_OF).map(([a, n]) => [n, a]));

const MAX_KOPECKS = 99_999_999_999;

/** 1500.5 → 150050. Throws a RangeError for a sum with more than 2 decimals, negative, or too large. */
export function toKopecks(amount: number, field = "amount", options: { allowZero?: boolean } = {}): number {
  if (typeof amount !== "number" || !Number.isFinite(amount)) throw new RangeError(`${field} must be a finite number of roubles`);
  const kopecks = Math.round(amount * 100);
  if (Math.abs(amount * 100 - kopecks) > 1e-6) throw new RangeError(`${field} has more than 2 decimals: ${amount}`);
  if (kopecks < 0 || (kopecks === 0 && !options.allowZero)) throw new RangeError(`${field} must be positive: ${amount}`);
  if (kopecks > MAX_KOPECKS) throw new RangeError(`${field} is too large: ${amount}`);
  return kopecks;
}

/** 150050 → 1500.5 */
export function fromKopecks(kopecks: number): number {
  return Math.round(kopecks) / 100;
}

/** "RUB" → "643". Throws a RangeError for a currency the client does not know. */
export function toNumericCurrency(currency: Currency): string {
  const numeric = NUMERIC_OF[currency.toUpperCase()];
  if (numeric === undefined) throw new RangeError(`Currency ${currency} is not one of ${Object.keys(NUMERIC_OF).join(", ")}`);
  return numeric;
}

/** "643" → "RUB"; an unknown code is returned as it came. */
export function fromNumericCurrency(numeric: string): Currency {
  return LETTERS_OF[numeric] ?? numeric;
}
