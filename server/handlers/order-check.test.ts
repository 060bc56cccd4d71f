import { describe, expect, it } from "vitest";
import { checkOrder, receiptLines } from "./order-check.ts";

describe("checkOrder: receipt lines add up to the amount, kopeck for kopeck", () => {
  it("accepts lines whose totals (given, or price × quantity) make the amount", () => {
    const checked = checkOrder({
      amount: 1000.3,
      currency: "RUB",
      items: [
        { name: "Tea", price: 0.1, quantity: 3 },
        { name: " Mug ", price: 1050, quantity: 1, total: 1000, discount: "50" },
      ],
    });
    expect(checked).toEqual({
      ok: true,
      lines: [
        { name: "Tea", price: 0.1, quantity: 3, total: 0.3 },
        { name: "Mug", price: 1050, quantity: 1, total: 1000, discount: "50" },
      ],
    });
  });

  it.each([
    [{ items: [{ name: "Tea", price: 450, quantity: 2 }] }, /add up to 900, not the amount 1000/],
    [{ items: [] }, /1-100 receipt lines/],
    [{ items: [{ name: "", price: 1000, quantity: 1 }] }, /items\[0\]\.name/],
    [{ items: [{ name: "Tea", price: -1, quantity: 1, total: 1000 }] }, /items\[0\]\.price/],
    [{ items: [{ name: "Tea", price: 1000, quantity: 0 }] }, /items\[0\]\.quantity/],
    [{ items: [{ name: "Tea", price: 1000, quantity: 1, total: 999.999 }] }, /items\[0\]\.total/],
    [{ items: [{ name: "Tea", price: 1000, quantity: 1, discount: {} }] }, /discount/],
    [{ amount: 10.005 }, /at most 2 decimals/],
    [{ amount: 0 }, /positive/],
    [{ currency: "rub" }, /ISO 4217/],
  ])("refuses %j", (change, problem) => {
    const checked = checkOrder({ amount: 1000, currency: "RUB", ...change } as Parameters<typeof checkOrder>[0]);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });

  it("an order without items gets one receipt line of its description", () => {
    expect(receiptLines({ amount: 99.5, currency: "RUB", description: "Honey" }, null)).toEqual([{ name: "Honey", price: 99.5, quantity: 1, total: 99.5 }]);
    expect(receiptLines({ amount: 5, currency: "RUB" }, null)[0]?.name).toBe("Order");
  });
});
