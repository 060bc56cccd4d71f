// The one table of card brands. BIN patterns, lengths and security-code size come from
// Braintree's credit-card-type; the rest is ours. Logic elsewhere reads this table, never a
// brand name. We read the library's data file only: its entry point adds ~1.3 KB gzipped of
// matching code we do not use, and its addCard/updateCard would mutate a registry shared by
// everything in the page's bundle; our overrides (Maestro, gaps) live in the rows below.
import libraryCardTypes from "credit-card-type/dist/lib/card-types.js";

export type CardBrand =
  | "visa"
  | "mastercard"
  | "mir"
  | "maestro"
  | "unionpay"
  | "jcb"
  | "amex"
  | "diners"
  | "discover";

/** A BIN prefix (4 = "starts with 4") or an inclusive prefix range ([2200, 2204]). */
export type BinPattern = number | readonly [number, number];

export interface BrandInfo {
  readonly brand: CardBrand;
  /** Display name. */
  readonly name: string;
  /** Digit counts after which a space goes in when formatting. */
  readonly gaps: readonly number[];
  /** Card number lengths the brand issues. */
  readonly lengths: readonly number[];
  readonly cvcLength: number;
  /** False where card-validator accepts numbers without a Luhn check digit (UnionPay). */
  readonly luhn: boolean;
  readonly patterns: readonly BinPattern[];
}

interface BrandRow {
  /** credit-card-type's key for the brand. */
  readonly lib: string;
  readonly name: string;
  /** Ours, not the library's: its [4, 8, 12] leaves 17–19-digit cards as one long tail. */
  readonly gaps: readonly number[];
  readonly luhn?: false;
  /** Library patterns we drop. */
  readonly withoutPatterns?: readonly number[];
}

const FOURS = [4, 8, 12, 16] as const;

// Order matters only to break ties between equally specific matches (none among these brands).
const TABLE: Readonly<Record<CardBrand, BrandRow>> = {
  visa: { lib: "visa", name: "Visa", gaps: FOURS },
  mastercard: { lib: "mastercard", name: "Mastercard", gaps: FOURS },
  mir: { lib: "mir", name: "Mir", gaps: FOURS },
  // Maestro's catch-all "6" would claim every 6-prefix (UnionPay 62, Discover 60…) on partial input.
  maestro: { lib: "maestro", name: "Maestro", gaps: FOURS, withoutPatterns: [6] },
  unionpay: { lib: "unionpay", name: "UnionPay", gaps: FOURS, luhn: false },
  jcb: { lib: "jcb", name: "JCB", gaps: FOURS },
  amex: { lib: "american-express", name: "American Express", gaps: [4, 10] },
  diners: { lib: "diners-club", name: "Diners Club", gaps: [4, 10, 14] },
  discover: { lib: "discover", name: "Discover", gaps: FOURS },
};

function buildInfo(brand: CardBrand, row: BrandRow): BrandInfo {
  const lib = libraryCardTypes[row.lib];
  if (!lib) throw new Error(`credit-card-type has no "${row.lib}"`); // a library upgrade renamed it
  const dropped = row.withoutPatterns ?? [];
  const patterns = lib.patterns
    .filter((p) => Array.isArray(p) || !dropped.includes(p))
    .map((p): BinPattern => (typeof p === "number" ? p : [p[0] ?? 0, p[1] ?? 0]));
  return Object.freeze({
    brand,
    name: row.name,
    gaps: Object.freeze([...row.gaps]),
    lengths: Object.freeze([...lib.lengths]),
    cvcLength: lib.code.size,
    luhn: row.luhn ?? true,
    patterns: Object.freeze(patterns),
  });
}

export const CARD_BRANDS: readonly CardBrand[] = Object.freeze(Object.keys(TABLE) as CardBrand[]);

const INFO = Object.fromEntries(
  CARD_BRANDS.map((brand) => [brand, buildInfo(brand, TABLE[brand])]),
) as Record<CardBrand, BrandInfo>;

export function getBrandInfo(brand: CardBrand): BrandInfo {
  return INFO[brand];
}
