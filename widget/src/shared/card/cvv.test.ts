import { describe, expect, it } from "vitest";
import { cvcLength, isValidCvv } from "./cvv.ts";

describe("isValidCvv", () => {
  it("wants 3 digits, 4 for Amex, 3 when the brand is unknown", () => {
    expect(isValidCvv("123", "visa")).toBe(true);
    expect(isValidCvv("123", "mir")).toBe(true);
    expect(isValidCvv("1234", "visa")).toBe(false);
    expect(isValidCvv("1234", "amex")).toBe(true);
    expect(isValidCvv("123", "amex")).toBe(false);
    expect(isValidCvv("123", null)).toBe(true);
    expect(isValidCvv("1234", null)).toBe(false);
    expect(cvcLength("amex")).toBe(4);
    expect(cvcLength(null)).toBe(3);
  });

  it.each(["", "12", "12a", "1 2 3", "١٢٣", "12😀", "0".repeat(40)])("rejects %j", (cvv) => {
    expect(isValidCvv(cvv, "visa")).toBe(false);
  });

  it("allows surrounding spaces", () => {
    expect(isValidCvv(" 911 ", "visa")).toBe(true);
  });
});
