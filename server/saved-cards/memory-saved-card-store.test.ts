import { describe, expect, it } from "vitest";
import { memorySavedCardStore } from "./memory-saved-card-store.ts";

const card = (customerId: string, token: string) => ({ customerId, gateway: "rbs", token, brand: "Visa", lastFour: "3055", expMonth: 12, expYear: 2030 });

describe("memorySavedCardStore", () => {
  it("keys every lookup by customer: another customer's id is unknown", async () => {
    const store = memorySavedCardStore();
    const saved = await store.save(card("alice", "b-1"));
    expect(saved.id).toMatch(/^card_[\w-]{22}$/);
    expect(await store.get("alice", saved.id)).toEqual(saved);
    expect(await store.get("bob", saved.id)).toBeNull();
    expect(await store.remove("bob", saved.id)).toBe(false);
    expect(await store.list("alice")).toEqual([saved]);
    expect(await store.remove("alice", saved.id)).toBe(true);
    expect(await store.list("alice")).toEqual([]);
  });

  it("answers the same card for the same gateway token, and hands out copies", async () => {
    const store = memorySavedCardStore();
    const first = await store.save(card("alice", "b-1"));
    expect(await store.save(card("alice", "b-1"))).toEqual(first);
    const listed = await store.list("alice");
    (listed[0] as { token: string }).token = "changed";
    expect((await store.list("alice"))[0]?.token).toBe("b-1");
  });

  it("is bounded per customer (oldest first) and in customers", async () => {
    const store = memorySavedCardStore({ perCustomer: 2, capacity: 2 });
    await store.save(card("alice", "b-1"));
    await store.save(card("alice", "b-2"));
    await store.save(card("alice", "b-3"));
    expect((await store.list("alice")).map((c) => c.token)).toEqual(["b-2", "b-3"]);
    await store.save(card("bob", "b-4"));
    await store.save(card("carol", "b-5"));
    expect(await store.list("alice")).toEqual([]);
    expect(await store.list("carol")).toHaveLength(1);
  });
});
