import { describe, expect, it } from "vitest";
import { cardDigits, formatCardNumber, isValidCardNumber, luhnCheck, maxCardLength } from "./card-number.ts";
import { detectBrand } from "./detect-brand.ts";

/** The gateway's test cards (docs/cloudpayments.md, test cards). */
const TEST_CARDS = [
  ["4242 4242 4242 4242", "visa"],
  ["5555 5555 5555 4444", "mastercard"],
  ["2200 0000 0000 0004", "mir"],
  ["4012 8888 8888 1881", "visa"],
  ["5105 1051 0510 5100", "mastercard"],
  ["2202 2022 0220 2200", "mir"],
  ["4000 0000 0000 3055", "visa"],
  ["5205 0000 0000 3055", "mastercard"],
  ["2202 0000 0000 3055", "mir"],
  ["4111 1111 1111 1111", "visa"],
  ["5200 8282 8282 8210", "mastercard"],
  ["2200 0000 2222 2222", "mir"],
  ["4000 0566 5566 5556", "visa"],
  ["5404 0000 0000 0043", "mastercard"],
  ["2203 0000 0000 0043", "mir"],
] as const;

/** Appends the Luhn check digit (test-side, written out long-hand). */
function withCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

describe("test cards", () => {
  it.each(TEST_CARDS)("%s is a valid %s, formatted as given", (card, brand) => {
    expect(detectBrand(card)).toBe(brand);
    expect(isValidCardNumber(card)).toBe(true);
    expect(isValidCardNumber(card.replace(/ /g, ""))).toBe(true);
    expect(formatCardNumber(card.replace(/ /g, ""))).toBe(card);
  });

  it.each(TEST_CARDS)("%s with its last digit changed fails Luhn", (card) => {
    const last = Number(card.at(-1));
    expect(isValidCardNumber(card.slice(0, -1) + String((last + 1) % 10))).toBe(false);
  });
});

describe("isValidCardNumber", () => {
  it.each([
    ["378282246310005", "Amex, 15"],
    ["371449635398431", "Amex, 15"],
    ["30569309025904", "Diners, 14"],
    ["36227206271667", "Diners, 14"],
    ["6011111111111117", "Discover, 16"],
    ["3530111333300000", "JCB, 16"],
    ["6759649826438453", "Maestro, 16"],
    ["2221000000000009", "Mastercard 2-series, 16"],
    ["2720999999999996", "Mastercard 2-series top, 16"],
    ["6200000000000005", "UnionPay with Luhn, 16"],
    [withCheckDigit("220000000000000000"), "MIR, 19"],
    [withCheckDigit("42424242424242424"), "Visa, 18"],
    [withCheckDigit("50180000000"), "Maestro, 12"],
  ])("accepts %s (%s)", (number) => {
    expect(isValidCardNumber(number)).toBe(true);
  });

  it("lets UnionPay skip Luhn, as card-validator does", () => {
    expect(luhnCheck("6200000000000001")).toBe(false);
    expect(isValidCardNumber("6200000000000001")).toBe(true);
  });

  it("wants a length the brand issues", () => {
    expect(isValidCardNumber(withCheckDigit("42424242424242"))).toBe(false); // Visa 15
    expect(isValidCardNumber(withCheckDigit("3782822463100"))).toBe(false); // Amex 14
    expect(isValidCardNumber(withCheckDigit("555555555555444"))).toBe(true); // Mastercard 16 ok…
    expect(isValidCardNumber(withCheckDigit("5555555555554444"))).toBe(false); // …17 not
    expect(isValidCardNumber(withCheckDigit("22000000000000"))).toBe(false); // MIR 15
    expect(isValidCardNumber(withCheckDigit("62000000000"))).toBe(false); // UnionPay 12
    expect(isValidCardNumber("62000000000001")).toBe(true); // UnionPay 14, no Luhn
  });

  it("accepts an unknown brand at 12–19 digits with Luhn", () => {
    expect(detectBrand("9")).toBeNull();
    expect(isValidCardNumber(withCheckDigit("9000000000"))).toBe(false); // 11
    expect(isValidCardNumber(withCheckDigit("900000000000"))).toBe(true); // 13
    expect(isValidCardNumber(withCheckDigit("9".repeat(11)))).toBe(true); // 12
    expect(isValidCardNumber(withCheckDigit("9".repeat(18)))).toBe(true); // 19
    expect(isValidCardNumber(withCheckDigit("9".repeat(19)))).toBe(false); // 20
    expect(isValidCardNumber("900000000002")).toBe(false); // 12, bad check digit
  });

  it("ignores spaces and dashes but nothing else", () => {
    expect(isValidCardNumber("4242-4242-4242-4242")).toBe(true);
    expect(isValidCardNumber(" 4242 4242 4242 4242 ")).toBe(true);
    expect(isValidCardNumber("4242.4242.4242.4242")).toBe(false);
    expect(isValidCardNumber("4242 4242 4242 424a")).toBe(false);
  });

  it.each(["", "   ", "abcd", "4242😀4242424242424242", "4".repeat(40), "0".repeat(40), "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"])(
    "rejects %j",
    (input) => {
      expect(isValidCardNumber(input)).toBe(false);
    },
  );
});

describe("luhnCheck", () => {
  it("checks digit strings only", () => {
    expect(luhnCheck("79927398713")).toBe(true);
    expect(luhnCheck("79927398710")).toBe(false);
    expect(luhnCheck("")).toBe(false);
    expect(luhnCheck("7992 7398 713")).toBe(false);
  });
});

describe("formatCardNumber", () => {
  it.each([
    ["4242424242424242", "4242 4242 4242 4242"],
    ["378282246310005", "3782 822463 10005"],
    ["30569309025904", "3056 930902 5904"],
    ["2200000000000000004", "2200 0000 0000 0000 004"],
    ["6200000000000000001", "6200 0000 0000 0000 001"],
    ["4", "4"],
    ["4242", "4242"],
    ["42424", "4242 4"],
    ["37828", "3782 8"],
    ["3782822463", "3782 822463"],
    ["37828224631", "3782 822463 1"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(formatCardNumber(input)).toBe(expected);
  });

  it("cuts extra digits at the brand's longest length", () => {
    expect(formatCardNumber("42424242424242424242")).toBe("4242 4242 4242 4242 424"); // Visa 19
    expect(formatCardNumber("55555555555544441")).toBe("5555 5555 5555 4444"); // Mastercard 16
    expect(formatCardNumber("3782822463100051")).toBe("3782 822463 10005"); // Amex 15
    expect(formatCardNumber("9".repeat(40))).toBe("9999 9999 9999 9999 999"); // unknown: 19
  });

  it("drops everything but digits", () => {
    expect(formatCardNumber(" 4242-4242 abc 4242😀4242 ")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("abc")).toBe("");
    expect(formatCardNumber("😀")).toBe("");
  });
});

describe("cardDigits and maxCardLength", () => {
  it("keeps ASCII digits only", () => {
    expect(cardDigits("4242 4242-42a4😀2")).toBe("424242424242");
    expect(cardDigits("٤٢")).toBe("");
    expect(cardDigits("")).toBe("");
  });

  it("gives the longest length of the brand, 19 when unknown", () => {
    expect(maxCardLength("amex")).toBe(15);
    expect(maxCardLength("mastercard")).toBe(16);
    expect(maxCardLength("mir")).toBe(19);
    expect(maxCardLength("diners")).toBe(19);
    expect(maxCardLength(null)).toBe(19);
  });
});
