import { describe, expect, it } from "vitest";
import type { CardDetails } from "./card-errors.ts";
import { validateCard, validateField } from "./validate-card.ts";

// 15 November 2026, local time.
const NOW = new Date(2026, 10, 15);
const VALID: CardDetails = { cardNumber: "4242 4242 4242 4242", expDateMonthYear: "12/30", cvv: "911" };

function errorsOf(changes: Partial<CardDetails>) {
  return validateCard({ ...VALID, ...changes }, NOW);
}

describe("validateCard", () => {
  it("returns an empty object for a valid card", () => {
    expect(validateCard(VALID, NOW)).toEqual({});
    expect(errorsOf({ cardNumber: "3782 822463 10005", cvv: "1234" })).toEqual({});
    expect(errorsOf({ cardNumber: "2200000000000004", name: "IVAN PETROV" })).toEqual({});
  });

  it.each<[Partial<CardDetails>, Record<string, string>]>([
    [{ cardNumber: "" }, { cardNumber: "CardNumber_Empty" }],
    [{ cardNumber: "   " }, { cardNumber: "CardNumber_Empty" }],
    [{ cardNumber: "4242 4242 4242 4241" }, { cardNumber: "CardNumber_Invalid" }],
    [{ cardNumber: "4242" }, { cardNumber: "CardNumber_Invalid" }],
    [{ cardNumber: "abcd" }, { cardNumber: "CardNumber_Invalid" }],
    [{ cardNumber: "4".repeat(40) }, { cardNumber: "CardNumber_Invalid" }],
    [{ expDateMonthYear: "" }, { expDateMonthYear: "ExpDateMonthYear_Empty" }],
    [{ expDateMonthYear: "  " }, { expDateMonthYear: "ExpDateMonthYear_Empty" }],
    [{ expDateMonthYear: "13/27" }, { expDateMonthYear: "ExpDateMonthYear_Invalid" }],
    [{ expDateMonthYear: "00/27" }, { expDateMonthYear: "ExpDateMonthYear_Invalid" }],
    [{ expDateMonthYear: "10/26" }, { expDateMonthYear: "ExpDateMonthYear_Invalid" }],
    [{ expDateMonthYear: "12/46" }, { expDateMonthYear: "ExpDateMonthYear_Invalid" }],
    [{ expDateMonthYear: "soon" }, { expDateMonthYear: "ExpDateMonthYear_Invalid" }],
    [{ cvv: "" }, { cvv: "Cvv_Empty" }],
    [{ cvv: "12" }, { cvv: "Cvv_Invalid" }],
    [{ cvv: "1234" }, { cvv: "Cvv_Invalid" }],
    [{ cvv: "12a" }, { cvv: "Cvv_Invalid" }],
    [{ cardNumber: "378282246310005", cvv: "123" }, { cvv: "Cvv_Invalid" }],
    [{ name: "" }, { name: "Name_Empty" }],
    [{ name: "Иван Петров" }, { name: "Name_Invalid" }],
    [{ name: "A" }, { name: "Name_TooShort" }],
    [{ name: "A".repeat(101) }, { name: "Name_TooLong" }],
  ])("%j -> %j", (changes, expected) => {
    expect(errorsOf(changes)).toEqual(expected);
  });

  it("accepts this month and up to exactly 20 years ahead", () => {
    expect(errorsOf({ expDateMonthYear: "11/26" })).toEqual({});
    expect(errorsOf({ expDateMonthYear: "11/2046" })).toEqual({});
    expect(errorsOf({ expDateMonthYear: "1126" })).toEqual({});
  });

  it("reports every field at once", () => {
    expect(validateCard({ cardNumber: "", expDateMonthYear: "", cvv: "", name: "" }, NOW)).toEqual({
      cardNumber: "CardNumber_Empty",
      expDateMonthYear: "ExpDateMonthYear_Empty",
      cvv: "Cvv_Empty",
      name: "Name_Empty",
    });
  });

  it("checks the name only when it is given", () => {
    expect(errorsOf({})).not.toHaveProperty("name");
    expect(errorsOf({ name: undefined })).toEqual({});
  });

  it("uses the current date by default", () => {
    const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, "0");
    expect(validateCard({ ...VALID, expDateMonthYear: `01/${nextYear}` })).toEqual({});
    expect(validateCard({ ...VALID, expDateMonthYear: "01/20" })).toEqual({ expDateMonthYear: "ExpDateMonthYear_Invalid" });
  });

  it("never puts the card number or CVV into its result", () => {
    const errors = validateCard({ cardNumber: "4242 4242 4242 4241", expDateMonthYear: "x", cvv: "99" }, NOW);
    const text = JSON.stringify(errors);
    expect(text).not.toContain("4241");
    expect(text).not.toContain("99");
  });
});

describe("validateField", () => {
  it("checks one field", () => {
    const fields = { cardNumber: "4242", expDateMonthYear: "", cvv: "12", name: "A" };
    expect(validateField("cardNumber", fields, NOW)).toBe("CardNumber_Invalid");
    expect(validateField("expDateMonthYear", fields, NOW)).toBe("ExpDateMonthYear_Empty");
    expect(validateField("cvv", fields, NOW)).toBe("Cvv_Invalid");
    expect(validateField("name", fields, NOW)).toBe("Name_TooShort");
    expect(validateField("cardNumber", VALID, NOW)).toBeNull();
  });

  it("reads the CVV length from the card number's brand", () => {
    expect(validateField("cvv", { ...VALID, cardNumber: "3782", cvv: "1234" }, NOW)).toBeNull();
    expect(validateField("cvv", { ...VALID, cardNumber: "", cvv: "123" }, NOW)).toBeNull();
  });

  it("skips an absent name", () => {
    expect(validateField("name", VALID, NOW)).toBeNull();
  });
});
