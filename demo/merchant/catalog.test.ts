import { describe, expect, it } from "vitest";
import { cartTotal, parseCart } from "./catalog.ts";

describe("parseCart", () => {
  it("accepts known items with whole quantities and totals them on the server's prices", () => {
    const cart = parseCart([{ sku: "tea", qty: 2 }, { sku: "mug" }]);
    expect(cart).toEqual({ ok: true, lines: [{ sku: "tea", qty: 2 }, { sku: "mug", qty: 1 }] });
    if (cart.ok) expect(cartTotal(cart.lines)).toBe(1950);
  });

  it("ignores any price the browser sends", () => {
    const cart = parseCart([{ sku: "tea", qty: 1, price: 1 }]);
    expect(cart.ok && cartTotal(cart.lines)).toBe(450);
  });

  it("refuses empty, unknown, fractional and malformed carts", () => {
    expect(parseCart([])).toEqual({ ok: false, problem: "Cart_Empty" });
    expect(parseCart([{ sku: "car" }])).toEqual({ ok: false, problem: "Cart_UnknownItem" });
    expect(parseCart([{ sku: "tea", qty: 1.5 }])).toEqual({ ok: false, problem: "Cart_BadQuantity" });
    expect(parseCart([{ sku: "tea", qty: 0 }])).toEqual({ ok: false, problem: "Cart_BadQuantity" });
    expect(parseCart("tea")).toEqual({ ok: false, problem: "Cart_Malformed" });
    expect(parseCart([null])).toEqual({ ok: false, problem: "Cart_Malformed" });
  });
});
