import { describe, expect, it } from "vitest";
import { cardDigits, cardNumberProblem, formatCardNumber, isCardNumberComplete, isValidCardNumber, luhnCheck, maxCardLength } from "./card-number.ts";
import { getBrandInfo } from "./brands.ts";
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

describe("isCardNumberComplete (focus may move on)", () => {
  it("waits for the 19th digit when the first 16 of a Mir, Maestro or Visa card pass Luhn", () => {
    for (const body of ["220000000000000", "675964982643845", "424242424242424"]) {
      const sixteen = withCheckDigit(body);
      expect(isValidCardNumber(sixteen), sixteen).toBe(true);
      expect(isCardNumberComplete(sixteen), sixteen).toBe(false);
      const nineteen = withCheckDigit(`${sixteen}00`);
      expect(isCardNumberComplete(nineteen), nineteen).toBe(true);
    }
  });

  it("moves on at once for a valid number of a brand with one length", () => {
    expect(isCardNumberComplete("5555 5555 5555 4444")).toBe(true); // Mastercard: 16 only
    expect(isCardNumberComplete("378282246310005")).toBe(true); // Amex: 15 only
    expect(isCardNumberComplete("5555 5555 5555 4445")).toBe(false); // not valid
    expect(isCardNumberComplete("5555 5555 5555 444")).toBe(false);
  });

  it("property: never true for a number that a valid longer number of its brand could extend", () => {
    for (const brand of ["visa", "mir", "maestro", "unionpay", "jcb", "discover", "diners"] as const) {
      const lengths = getBrandInfo(brand).lengths;
      const longest = Math.max(...lengths);
      for (const length of lengths.filter((n) => n < longest)) {
        const prefix = { visa: "4", mir: "2200", maestro: "6759", unionpay: "62", jcb: "3530", discover: "6011", diners: "36" }[brand];
        const number = withCheckDigit(prefix.padEnd(length - 1, "7"));
        expect(detectBrand(number)).toBe(brand);
        expect([brand, length, isCardNumberComplete(number)]).toEqual([brand, length, false]);
      }
    }
  });
});

describe("cardNumberProblem", () => {
  it.each([
    ["", "empty"],
    ["4242", "incomplete"],
    ["4242 4242 4242 424", "incomplete"],
    ["4242 4242 4242 4241", "invalid"],
    ["4242 4242 4242 4242 4", "incomplete"], // 17: between Visa's lengths 16 and 18
    ["4".repeat(20), "invalid"],
    ["4242-abcd", "invalid"],
    ["4242 4242 4242 4242", null],
  ] as const)("%s -> %s", (number, problem) => {
    expect(cardNumberProblem(number)).toBe(problem);
  });
});
