import { describe, expect, it } from "vitest";
import { median, quantile } from "./stats.ts";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("is NaN without samples", () => {
    expect(median([])).toBeNaN();
  });
});

describe("quantile", () => {
  it("uses the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.99)).toBe(99);
    expect(quantile(samples, 1)).toBe(100);
    expect(quantile(samples, 0)).toBe(1);
  });
});
