import luhn10 from "card-validator/dist/luhn-10.js";
import { getBrandInfo } from "./brands.ts";
import type { CardBrand } from "./brands.ts";
import { detectBrand } from "./detect-brand.ts";

/** Bounds for a number whose brand we do not know. */
const UNKNOWN_MIN_LENGTH = 12;
const UNKNOWN_MAX_LENGTH = 19;
const UNKNOWN_GAPS = [4, 8, 12, 16];

/** Every character but ASCII digits removed. */
export function cardDigits(input: string): string {
  return input.replace(/\D/g, "");
}

/** Luhn (mod 10) check of a digit string; false for anything else, including "". */
export function luhnCheck(digits: string): boolean {
  return /^\d+$/.test(digits) && luhn10(digits);
}

export function maxCardLength(brand: CardBrand | null): number {
  return brand ? Math.max(...getBrandInfo(brand).lengths) : UNKNOWN_MAX_LENGTH;
}

/** The lengths a number of this brand may have (12–19 when the brand is unknown). */
function lengthsOf(brand: CardBrand | null): readonly number[] {
  if (brand) return getBrandInfo(brand).lengths;
  return Array.from({ length: UNKNOWN_MAX_LENGTH - UNKNOWN_MIN_LENGTH + 1 }, (_, i) => UNKNOWN_MIN_LENGTH + i);
}

/**
 * What is wrong with a card number: "empty", "incomplete" (digits only, shorter than the brand's
 * shortest, or between its lengths: more digits may come), "invalid" (not a number, too long, or
 * the check digit fails), or null when it is valid. Spaces and dashes are ignored.
 */
export function cardNumberProblem(number: string): "empty" | "incomplete" | "invalid" | null {
  const digits = number.replace(/[\s-]/g, "");
  if (digits === "") return "empty";
  if (!/^\d+$/.test(digits)) return "invalid";
  const brand = detectBrand(digits);
  const lengths = lengthsOf(brand);
  if (!lengths.includes(digits.length)) return digits.length < Math.max(...lengths) ? "incomplete" : "invalid";
  return brand && !getBrandInfo(brand).luhn ? null : luhnCheck(digits) ? null : "invalid";
}

/**
 * Digits only once spaces and dashes are gone, a length the brand issues (12–19 when the brand
 * is unknown) and a Luhn check digit (except where the brand skips it, as card-validator allows).
 */
export function isValidCardNumber(number: string): boolean {
  return cardNumberProblem(number) === null;
}

/**
 * The shopper is done with the number, so focus may move on: a valid number that cannot grow into
 * another valid one — at the brand's longest length, or any valid length when the brand issues one.
 * A 16-digit prefix of a 19-digit Mir, Maestro or Visa card that passes Luhn is not done (1 in 10 do).
 */
export function isCardNumberComplete(number: string): boolean {
  const digits = cardDigits(number);
  return isValidCardNumber(digits) && (digits.length === maxCardLength(detectBrand(digits)) || lengthsOf(detectBrand(digits)).length === 1);
}

/** The digits of `number` grouped by the brand's gaps and cut at its longest length. */
export function formatCardNumber(number: string): string {
  const all = cardDigits(number);
  const brand = detectBrand(all);
  const digits = all.slice(0, maxCardLength(brand));
  const gaps = brand ? getBrandInfo(brand).gaps : UNKNOWN_GAPS;
  let out = "";
  let from = 0;
  for (const gap of gaps) {
    if (digits.length <= gap) break;
    out += digits.slice(from, gap) + " ";
    from = gap;
  }
  return out + digits.slice(from);
}
