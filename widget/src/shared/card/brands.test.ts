import { describe, expect, it } from "vitest";
import { CARD_BRANDS, getBrandInfo } from "./brands.ts";
import type { CardBrand } from "./brands.ts";

describe("brand table", () => {
  it("holds the nine brands with their display names", () => {
    const names = Object.fromEntries(CARD_BRANDS.map((b) => [b, getBrandInfo(b).name]));
    expect(names).toEqual({
      visa: "Visa",
      mastercard: "Mastercard",
      mir: "Mir",
      maestro: "Maestro",
      unionpay: "UnionPay",
      jcb: "JCB",
      amex: "American Express",
      diners: "Diners Club",
      discover: "Discover",
    });
  });

  it.each<[CardBrand, number[], number]>([
    ["visa", [16, 18, 19], 3],
    ["mastercard", [16], 3],
    ["mir", [16, 17, 18, 19], 3],
    ["maestro", [12, 13, 14, 15, 16, 17, 18, 19], 3],
    ["unionpay", [14, 15, 16, 17, 18, 19], 3],
    ["jcb", [16, 17, 18, 19], 3],
    ["amex", [15], 4],
    ["diners", [14, 16, 19], 3],
    ["discover", [16, 19], 3],
  ])("%s: lengths %j, CVC %i (from credit-card-type)", (brand, lengths, cvc) => {
    const info = getBrandInfo(brand);
    expect(info.lengths).toEqual(lengths);
    expect(info.cvcLength).toBe(cvc);
    expect(info.brand).toBe(brand);
  });

  it("has MIR as its own brand with 2200–2204", () => {
    expect(getBrandInfo("mir").patterns).toEqual([[2200, 2204]]);
  });

  it("skips Luhn only for UnionPay, as card-validator does", () => {
    expect(CARD_BRANDS.filter((b) => !getBrandInfo(b).luhn)).toEqual(["unionpay"]);
  });

  it("drops Maestro's catch-all 6 prefix", () => {
    expect(getBrandInfo("maestro").patterns).not.toContain(6);
    expect(getBrandInfo("maestro").patterns).toContain(63);
  });

  it("returns frozen rows that callers cannot change", () => {
    const info = getBrandInfo("visa");
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.lengths)).toBe(true);
  });
});
