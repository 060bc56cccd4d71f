import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CardBrand, CardField } from "./index.ts";
import {
  CARD_BRANDS,
  cardDigits,
  cardholderNameError,
  detectBrand,
  formatCardNumber,
  formatExpiry,
  getBrandInfo,
  isCyrillic,
  isValidCardNumber,
  isValidCvv,
  luhnCheck,
  maxCardLength,
  parseExpiry,
  validateCard,
  validateField,
} from "./index.ts";

/** Reference Luhn, written independently of card-validator's. */
function referenceLuhn(digits: string): boolean {
  const doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    const d = ch.charCodeAt(0) - 48;
    sum += i % 2 === 1 ? (doubled[d] ?? NaN) : d;
  });
  return digits.length > 0 && sum % 10 === 0;
}

function referenceCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (referenceLuhn(body + String(d))) return String(d);
  throw new Error("unreachable");
}

const digit = fc.constantFrom(..."0123456789");
const digitString = (min: number, max: number) => fc.string({ unit: digit, minLength: min, maxLength: max });

/** Strings a shopper might produce: anything, digits with separators, emoji, Cyrillic. */
const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(..."0123456789 -/.", "😀", "٤", "Я"), maxLength: 50 }),
  digitString(0, 40),
);

/** A BIN prefix drawn from a brand's own patterns. */
function brandPrefix(brand: CardBrand) {
  return fc.constantFrom(...getBrandInfo(brand).patterns).chain((p) =>
    typeof p === "number" ? fc.constant(String(p)) : fc.integer({ min: p[0], max: p[1] }).map(String),
  );
}

/** Digit strings of a length some brand allows (or 10–21 for no brand), half with a good check digit. */
const cardLikeDigits = fc
  .oneof(
    fc.constantFrom(...CARD_BRANDS).chain((brand) =>
      fc.record({
        prefix: brandPrefix(brand),
        length: fc.constantFrom(...getBrandInfo(brand).lengths),
      }),
    ),
    fc.record({ prefix: fc.constantFrom("9", "0", "1", "7"), length: fc.integer({ min: 10, max: 21 }) }),
  )
  .chain(({ prefix, length }) =>
    fc.record({
      body: digitString(length - 1 - prefix.length, length - 1 - prefix.length).map((rest) => prefix + rest),
      fixCheckDigit: fc.boolean(),
      lastDigit: digit,
    }),
  )
  .map(({ body, fixCheckDigit, lastDigit }) => body + (fixCheckDigit ? referenceCheckDigit(body) : lastDigit));

const FIELDS: CardField[] = ["cardNumber", "expDateMonthYear", "cvv", "name"];

describe("card model properties", () => {
  it("no function throws, whatever the string", () => {
    fc.assert(
      fc.property(anyInput, anyInput, anyInput, fc.option(anyInput, { nil: undefined }), (a, b, c, name) => {
        detectBrand(a);
        isValidCardNumber(a);
        formatCardNumber(a);
        cardDigits(a);
        luhnCheck(a);
        maxCardLength(detectBrand(a));
        parseExpiry(a);
        formatExpiry(a);
        isValidCvv(a, detectBrand(b));
        cardholderNameError(a);
        isCyrillic(a);
        const fields = { cardNumber: a, expDateMonthYear: b, cvv: c, name };
        const errors = validateCard(fields, new Date(2026, 10, 15));
        for (const field of FIELDS) expect(validateField(field, fields, new Date(2026, 10, 15)) ?? undefined).toBe(errors[field]);
      }),
      { numRuns: 500 },
    );
  });

  it("formatCardNumber is idempotent", () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        const once = formatCardNumber(x);
        expect(formatCardNumber(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("formatCardNumber keeps a prefix of the digits, no longer than the brand allows", () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        const kept = cardDigits(formatCardNumber(x));
        expect(cardDigits(x).startsWith(kept)).toBe(true);
        expect(kept.length).toBeLessThanOrEqual(maxCardLength(detectBrand(x.replace(/\D/g, ""))));
      }),
      { numRuns: 1000 },
    );
  });

  it("formatExpiry is idempotent and keeps at most MM/YY", () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        const once = formatExpiry(x);
        expect(formatExpiry(once)).toBe(once);
        expect(once).toMatch(/^(\d{0,2}|\d\d\/\d{0,2})$/);
      }),
      { numRuns: 1000 },
    );
  });

  it("isValidCardNumber agrees with a reference Luhn and the brand's lengths", () => {
    fc.assert(
      fc.property(cardLikeDigits, (digits) => {
        const brand = detectBrand(digits);
        const info = brand ? getBrandInfo(brand) : null;
        const lengthOk = info ? info.lengths.includes(digits.length) : digits.length >= 12 && digits.length <= 19;
        const luhnOk = info && !info.luhn ? true : referenceLuhn(digits);
        expect(isValidCardNumber(digits)).toBe(lengthOk && luhnOk);
        expect(luhnCheck(digits)).toBe(referenceLuhn(digits));
      }),
      { numRuns: 2000 },
    );
  });

  it("a formatted valid number stays valid", () => {
    fc.assert(
      fc.property(cardLikeDigits, (digits) => {
        // Only this way round: formatting cuts extra digits, which can turn an invalid number valid.
        if (isValidCardNumber(digits)) expect(isValidCardNumber(formatCardNumber(digits))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
