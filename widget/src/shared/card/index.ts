// Public face of the card model: pure functions, no DOM.
export type { BinPattern, BrandInfo, CardBrand } from "./brands.ts";
export { CARD_BRANDS, getBrandInfo } from "./brands.ts";
export { detectBrand } from "./detect-brand.ts";
export { cardDigits, formatCardNumber, isValidCardNumber, luhnCheck, maxCardLength } from "./card-number.ts";
export type { ExpiryDate } from "./expiry.ts";
export { formatExpiry, isExpiryInRange, parseExpiry } from "./expiry.ts";
export { cvcLength, isValidCvv } from "./cvv.ts";
export { cardholderNameError, isCyrillic } from "./cardholder-name.ts";
export { CARD_FIELDS } from "./card-errors.ts";
export type { CardDetails, CardErrorCode, CardErrors, CardField } from "./card-errors.ts";
export { validateCard, validateField } from "./validate-card.ts";
