import { CARD_BRANDS, getBrandInfo } from "./brands.ts";
import type { BinPattern, CardBrand } from "./brands.ts";

/**
 * How a pattern relates to the digits typed so far: -1 no match, 0 could still match once more
 * digits come, n > 0 matched in full on an n-digit prefix (longer = more specific).
 */
function matchStrength(digits: string, pattern: BinPattern): number {
  const [min, max] = typeof pattern === "number" ? [pattern, pattern] : pattern;
  const minText = String(min);
  const n = Math.min(digits.length, minText.length);
  const prefix = Number(digits.slice(0, n));
  const matches =
    prefix >= Number(minText.slice(0, n)) && prefix <= Number(String(max).slice(0, n));
  if (!matches) return -1;
  return digits.length >= minText.length ? minText.length : 0;
}

/**
 * The brand of a (possibly partial) card number; spaces and dashes are ignored.
 * A brand whose pattern matched in full wins (the most specific one); otherwise, when the prefix
 * so far fits exactly one brand, that brand; otherwise (ambiguous, e.g. "2", "22", "3") null.
 */
export function detectBrand(number: string): CardBrand | null {
  const digits = number.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  let best: CardBrand | null = null;
  let bestStrength = 0;
  const partial: CardBrand[] = [];
  for (const brand of CARD_BRANDS) {
    let strength = -1;
    for (const pattern of getBrandInfo(brand).patterns) {
      strength = Math.max(strength, matchStrength(digits, pattern));
    }
    if (strength > bestStrength) {
      best = brand;
      bestStrength = strength;
    } else if (strength === 0) {
      partial.push(brand);
    }
  }
  if (best) return best;
  return partial.length === 1 ? (partial[0] ?? null) : null;
}
