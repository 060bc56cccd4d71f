import { CARD_FIELDS, problemCode } from "./card-errors.ts";
import type { CardDetails, CardErrorCode, CardErrors, CardField, CardProblem } from "./card-errors.ts";
import { cardholderNameError } from "./cardholder-name.ts";
import { cardNumberProblem } from "./card-number.ts";
import { cvcLength, isValidCvv } from "./cvv.ts";
import { getBrandInfo } from "./brands.ts";
import { detectBrand } from "./detect-brand.ts";
import { isExpiryInRange, parseExpiry } from "./expiry.ts";

const NUMBER_PROBLEMS = { empty: "CardNumber_Empty", incomplete: "CardNumber_Incomplete", invalid: "CardNumber_Invalid" } as const;

function expiryProblem(input: string, now: Date): CardProblem | null {
  const text = input.trim();
  if (text === "") return "ExpDateMonthYear_Empty";
  const expiry = parseExpiry(text);
  if (!expiry) return /^\d{0,2}\s*[/.\-\s]?\s*\d?$/.test(text) ? "ExpDateMonthYear_Incomplete" : "ExpDateMonthYear_Invalid";
  if (isExpiryInRange(expiry, now)) return null;
  // Before this month: expired; past the 20 years a card may run: a typing mistake.
  return expiry.year * 12 + expiry.month <= now.getFullYear() * 12 + now.getMonth() ? "ExpDateMonthYear_Expired" : "ExpDateMonthYear_Invalid";
}

function cvvProblem(cvv: string, cardNumber: string): CardProblem | null {
  const trimmed = cvv.trim();
  if (trimmed === "") return "Cvv_Empty";
  const brand = detectBrand(cardNumber.trim());
  if (isValidCvv(trimmed, brand)) return null;
  if (!/^\d+$/.test(trimmed) || trimmed.length > cvcLength(brand)) return "Cvv_Invalid";
  return brand && getBrandInfo(brand).cvcOnFront ? "Cvv_IncompleteFront" : "Cvv_Incomplete";
}

/**
 * What is wrong with one field, as precisely as the shopper needs it (an unfinished number, an
 * expired card, a CVC too short for the brand), or null. `cvv` reads the brand from `cardNumber`.
 */
export function cardFieldProblem(field: CardField, fields: CardDetails, now: Date = new Date()): CardProblem | null {
  switch (field) {
    case "cardNumber": {
      const problem = cardNumberProblem(fields.cardNumber.trim());
      return problem && NUMBER_PROBLEMS[problem];
    }
    case "expDateMonthYear":
      return expiryProblem(fields.expDateMonthYear, now);
    case "cvv":
      return cvvProblem(fields.cvv, fields.cardNumber);
    case "name":
      return fields.name === undefined ? null : cardholderNameError(fields.name);
  }
}

/** One field's error as checkout.js reports it, or null; for validation on blur. */
export function validateField(field: CardField, fields: CardDetails, now: Date = new Date()): CardErrorCode | null {
  const problem = cardFieldProblem(field, fields, now);
  return problem && problemCode(problem);
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
