import { CARD_FIELDS } from "./card-errors.ts";
import type { CardDetails, CardErrorCode, CardErrors, CardField } from "./card-errors.ts";
import { cardholderNameError } from "./cardholder-name.ts";
import { isValidCardNumber } from "./card-number.ts";
import { isValidCvv } from "./cvv.ts";
import { detectBrand } from "./detect-brand.ts";
import { isExpiryInRange, parseExpiry } from "./expiry.ts";

/** One field's error, or null; for validation on blur. `cvv` reads the brand from `cardNumber`. */
export function validateField(field: CardField, fields: CardDetails, now: Date = new Date()): CardErrorCode | null {
  switch (field) {
    case "cardNumber": {
      if (fields.cardNumber.trim() === "") return "CardNumber_Empty";
      return isValidCardNumber(fields.cardNumber.trim()) ? null : "CardNumber_Invalid";
    }
    case "expDateMonthYear": {
      if (fields.expDateMonthYear.trim() === "") return "ExpDateMonthYear_Empty";
      const expiry = parseExpiry(fields.expDateMonthYear);
      return expiry && isExpiryInRange(expiry, now) ? null : "ExpDateMonthYear_Invalid";
    }
    case "cvv": {
      if (fields.cvv.trim() === "") return "Cvv_Empty";
      return isValidCvv(fields.cvv, detectBrand(fields.cardNumber.trim())) ? null : "Cvv_Invalid";
    }
    case "name":
      return fields.name === undefined ? null : cardholderNameError(fields.name);
  }
}

/** Every field's error (checkout.js's codes), empty when the card is valid. */
export function validateCard(fields: CardDetails, now: Date = new Date()): CardErrors {
  const errors: CardErrors = {};
  for (const field of CARD_FIELDS) {
    const error = validateField(field, fields, now);
    if (error) errors[field] = error;
  }
  return errors;
}
