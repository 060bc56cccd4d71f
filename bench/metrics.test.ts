import { describe, expect, it } from "vitest";
import { formatTable, metric } from "./metrics.ts";

const base = { id: "x", label: "x", unit: "ms", runs: 3 } as const;

describe("metric", () => {
  it("judges a maximum and a minimum budget, the limit itself within", () => {
    expect(metric({ ...base, value: 50, budget: { kind: "max", value: 50 } }).withinBudget).toBe(true);
    expect(metric({ ...base, value: 50.1, budget: { kind: "max", value: 50 } }).withinBudget).toBe(false);
    expect(metric({ ...base, value: 499, budget: { kind: "min", value: 500 } }).withinBudget).toBe(false);
    expect(metric({ ...base, value: 500, budget: { kind: "min", value: 500 } }).withinBudget).toBe(true);
  });
  it("counts a figure that could not be measured as over budget, and leaves budgetless ones unjudged", () => {
    expect(metric({ ...base, value: Number.NaN, budget: { kind: "max", value: 1 } }).withinBudget).toBe(false);
    expect(metric({ ...base, value: 3, budget: null }).withinBudget).toBeNull();
  });
});

describe("formatTable", () => {
  it("says OVER BUDGET plainly on the row over its budget only", () => {
    const table = formatTable([
      metric({ ...base, label: "fast", value: 1, budget: { kind: "max", value: 2 } }),
      metric({ ...base, label: "slow", value: 3, budget: { kind: "max", value: 2 } }),
    ]);
    const row = (label: string) => table.split("\n").find((line) => line.startsWith(label)) ?? "";
    expect(row("slow")).toContain("OVER BUDGET");
    expect(row("fast")).not.toContain("OVER BUDGET");
    expect(row("fast")).toContain("ok");
  });
});
