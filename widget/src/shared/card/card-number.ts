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

/**
 * Digits only once spaces and dashes are gone, a length the brand issues (12–19 when the brand
 * is unknown) and a Luhn check digit (except where the brand skips it, as card-validator allows).
 */
export function isValidCardNumber(number: string): boolean {
  const digits = number.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return false;
  const brand = detectBrand(digits);
  if (!brand) {
    return digits.length >= UNKNOWN_MIN_LENGTH && digits.length <= UNKNOWN_MAX_LENGTH && luhnCheck(digits);
  }
  const info = getBrandInfo(brand);
  return info.lengths.includes(digits.length) && (!info.luhn || luhnCheck(digits));
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
