import { describe, expect, it } from "vitest";
import { OrderStore } from "./order-store.ts";

const input = { gateway: "cloudpayments" as const, amount: 450, currency: "RUB", description: "tea", lines: [{ sku: "tea", qty: 1 }], scheme: "charge" as const };

describe("OrderStore", () => {
  it("gives each order its own invoice id and starts it as new", () => {
    const store = new OrderStore();
    const a = store.create(input);
    const b = store.create(input);
    expect(a.invoiceId).not.toBe(b.invoiceId);
    expect(store.get(a.invoiceId)?.status).toBe("new");
  });

  it("drops the oldest orders beyond its capacity", () => {
    const store = new OrderStore(2);
    const first = store.create(input);
    const second = store.create(input);
    const third = store.create(input);
    expect(store.size).toBe(2);
    expect(store.get(first.invoiceId)).toBeUndefined();
    expect(store.list().map((o) => o.invoiceId)).toEqual([third.invoiceId, second.invoiceId]);
  });

  it("updates status and finds an order by its transaction", () => {
    const store = new OrderStore();
    const order = store.create(input);
    store.update(order.invoiceId, { status: "authorized", transactionId: 77 });
    expect(store.findByTransaction(77)?.status).toBe("authorized");
    expect(store.update("missing", { status: "paid" })).toBeUndefined();
  });
});
