import { describe, expect, it } from "vitest";
import { OrderStore } from "./order-store.ts";

const input = { gateway: "cloudpayments" as const, amount: 450, currency: "RUB", description: "tea", lines: [{ sku: "tea", qty: 1 }], scheme: "charge" as const };

function created(store: OrderStore, owner?: string) {
  const order = store.create(input, owner);
  if (order === null) throw new Error("the store refused an order");
  return order;
}

describe("OrderStore", () => {
  it("gives each order its own invoice id and starts it as new", () => {
    const store = new OrderStore();
    const a = created(store);
    const b = created(store);
    expect(a.invoiceId).not.toBe(b.invoiceId);
    expect(store.get(a.invoiceId)?.status).toBe("new");
  });

  it("drops the oldest open orders beyond its capacity", () => {
    const store = new OrderStore(2);
    const first = created(store);
    const second = created(store);
    const third = created(store);
    expect(store.size).toBe(2);
    expect(store.get(first.invoiceId)).toBeUndefined();
    expect(store.list().map((o) => o.invoiceId)).toEqual([third.invoiceId, second.invoiceId]);
  });

  it("never forgets an order being paid, on the bank's page, or paid: it refuses a new one instead", () => {
    let now = 0;
    const store = new OrderStore({ capacity: 3, now: () => now });
    const paying = created(store);
    const atBank = created(store);
    const paid = created(store);
    store.markPaying(paying.invoiceId);
    store.update(atBank.invoiceId, { status: "3ds" });
    store.update(paid.invoiceId, { status: "paid", transactionId: 5 });
    expect(store.create(input)).toBeNull();
    expect(store.list().map((o) => o.invoiceId).sort()).toEqual([paying.invoiceId, atBank.invoiceId, paid.invoiceId].sort());
    // A payment that started long ago and never finished no longer holds its cart.
    now = 31 * 60_000;
    expect(store.create(input)).not.toBeNull();
    expect(store.get(paying.invoiceId)).toBeUndefined();
    expect(store.get(paid.invoiceId)?.status).toBe("paid");
  });

  it("bounds one client's open carts, so a flood forgets the flooder's carts, not a shopper's", () => {
    const store = new OrderStore({ capacity: 50, perOwner: 5 });
    const shopper = created(store, "198.51.100.7");
    const flood = Array.from({ length: 200 }, () => created(store, "203.0.113.9"));
    expect(store.get(shopper.invoiceId)?.status).toBe("new");
    expect(store.size).toBe(6);
    expect(store.get(flood.at(-1)?.invoiceId ?? "")).toBeDefined();
    expect(store.get(flood[0]?.invoiceId ?? "")).toBeUndefined();
  });

  it("updates status and finds an order by its transaction", () => {
    const store = new OrderStore();
    const order = created(store);
    store.update(order.invoiceId, { status: "authorized", transactionId: 77 });
    expect(store.findByTransaction(77)?.status).toBe("authorized");
    expect(store.update("missing", { status: "paid" })).toBeUndefined();
  });

  it("keeps a draft out of the orders until its first payment places it, once", () => {
    const store = new OrderStore();
    const draft = store.draft(input);
    expect(store.get(draft.invoiceId)).toBeUndefined();
    expect(store.list()).toEqual([]);
    const placed = store.place(draft.invoiceId);
    expect(placed).toMatchObject({ invoiceId: draft.invoiceId, amount: 450, status: "new" });
    expect(store.list().map((o) => o.invoiceId)).toEqual([draft.invoiceId]);
    store.update(draft.invoiceId, { status: "paid" });
    expect(store.place(draft.invoiceId)?.status).toBe("paid");
    expect(store.place("missing")).toBeUndefined();
  });

  it("keeps drafts bounded too", () => {
    const store = new OrderStore(2);
    const first = store.draft(input);
    store.draft(input);
    store.draft(input);
    expect(store.place(first.invoiceId)).toBeUndefined();
  });
});
