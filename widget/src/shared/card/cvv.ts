import { getBrandInfo } from "./brands.ts";
import type { CardBrand } from "./brands.ts";

/** Security-code length when the brand is unknown. */
const DEFAULT_CVC_LENGTH = 3;

export function cvcLength(brand: CardBrand | null): number {
  return brand ? getBrandInfo(brand).cvcLength : DEFAULT_CVC_LENGTH;
}

/** Exactly the brand's number of digits (surrounding spaces allowed). */
export function isValidCvv(cvv: string, brand: CardBrand | null): boolean {
  const trimmed = cvv.trim();
  return trimmed.length === cvcLength(brand) && /^\d+$/.test(trimmed);
}
