import { describe, expect, it } from "vitest";
import type { CardBrand } from "./brands.ts";
import { detectBrand } from "./detect-brand.ts";

/** Every integer prefix in [from, to] as text. */
function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

describe("detectBrand: brand ranges", () => {
  const cases: [CardBrand, string[]][] = [
    ["visa", ["4", "41", "4111", "4242424242424242", "4000056655665556"]],
    ["mir", range(2200, 2204)],
    ["mastercard", [...range(51, 55), "2221", "2229", "2230", "2300", "2599", "2600", "2699", "2700", "2719", "2720", "5555555555554444"]],
    ["maestro", ["50", "5018", "5020", "5038", "504174", "504176", "506698", "506779", "508999", "56", "57", "58", "59", "6304", "6759", "6761", "493698"]],
    ["unionpay", ["62", "620", "6212345", "622126", "622925", "623", "626", "6270", "6282", "81", "8171"]],
    ["jcb", [...range(3528, 3589), "2131", "1800", "35"]],
    ["amex", ["34", "37", "378282246310005", "371449635398431"]],
    ["diners", ["36", "38", "39", ...range(300, 305), "30569309025904"]],
    ["discover", ["6011", "65", ...range(644, 649), "6011111111111117", "60"]],
  ];
  for (const [brand, prefixes] of cases) {
    it(`${brand}: ${prefixes.length} prefixes`, () => {
      for (const prefix of prefixes) expect([prefix, detectBrand(prefix)]).toEqual([prefix, brand]);
    });
  }

  it.each([
    ["2199", "just below MIR"],
    ["2205", "just above MIR, below Mastercard 2-series"],
    ["2220", "just below Mastercard 2-series"],
    ["2721", "just above Mastercard 2-series"],
    ["3527", "just below JCB"],
    ["3590", "just above JCB"],
    ["306", "between Diners 305 and 36"],
    ["6012", "not Discover 6011"],
    ["643", "just below Discover 644"],
    ["504175", "the hole in Maestro's 50 ranges"],
    ["9", "no brand"],
    ["0000", "no brand"],
  ])("%s (%s) -> null", (prefix) => {
    expect(detectBrand(prefix)).toBeNull();
  });
});

describe("detectBrand: partial input", () => {
  it.each(["2", "22", "3", "5", "6"])("%s is ambiguous -> null", (prefix) => {
    expect(detectBrand(prefix)).toBeNull();
  });

  it("names a brand as soon as only one fits", () => {
    expect(detectBrand("220")).toBe("mir");
    expect(detectBrand("222")).toBe("mastercard");
    expect(detectBrand("27")).toBe("mastercard");
  });

  it("prefers a fully matched prefix over a longer one still being typed", () => {
    // Visa's "4" is complete; Maestro's 493698 only could be.
    expect(detectBrand("4")).toBe("visa");
    expect(detectBrand("49369")).toBe("visa");
    expect(detectBrand("493698")).toBe("maestro");
  });

  it("does not let Maestro claim UnionPay or Discover prefixes", () => {
    expect(detectBrand("6200")).toBe("unionpay");
    expect(detectBrand("6011")).toBe("discover");
  });
});

describe("detectBrand: odd input", () => {
  it("ignores spaces and dashes", () => {
    expect(detectBrand("2200 0000 0000 0004")).toBe("mir");
    expect(detectBrand(" 3782-822463-10005 ")).toBe("amex");
    expect(detectBrand("5\t5")).toBe("mastercard");
  });

  it.each(["", "   ", "-", "abc", "4a", "4242😀", "ⅣⅡ", "٤٢"])("%j -> null", (input) => {
    expect(detectBrand(input)).toBeNull();
  });

  it("handles 40 digits by the prefix", () => {
    expect(detectBrand("4".repeat(40))).toBe("visa");
  });
});
