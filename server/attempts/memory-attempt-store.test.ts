import { describe, expect, it } from "vitest";
import { describeAttemptStore } from "./attempt-store-suite.fixture.ts";
import { AttemptStoreFullError, memoryAttemptStore } from "./memory-attempt-store.ts";

const shared = memoryAttemptStore();
describeAttemptStore("memory store", () => [shared, shared]);

describe("memory store bounds", () => {
  it("never evicts a live or unresolved hold: a claim past capacity is refused until one goes", async () => {
    let now = 0;
    const store = memoryAttemptStore({ capacity: 3, now: () => now });
    await store.claim("short", { attemptId: "A", stage: "challenge", reference: "1", ttlMs: 10 });
    for (const id of ["a", "b"]) await store.claim(id, { attemptId: "A", stage: "call", ttlMs: 1000, unresolvedMs: 5000 });
    expect(store.sizes.holds).toBe(3);
    now = 20;
    // "short" (a challenge) lapsed and makes room; nothing else may go.
    expect(await store.claim("c", { attemptId: "A", stage: "call", ttlMs: 1000 })).toMatchObject({ kind: "claimed" });
    await expect(store.claim("d", { attemptId: "A", stage: "call", ttlMs: 1000 })).rejects.toBeInstanceOf(AttemptStoreFullError);
    now = 2000;
    // "a" and "b" lapsed into unresolved holds: kept, still refusing "d".
    expect((await store.read("a")).hold).toMatchObject({ unresolved: true });
    await expect(store.claim("d", { attemptId: "A", stage: "call", ttlMs: 1000 })).rejects.toBeInstanceOf(AttemptStoreFullError);
    // A hold's own attempt and the invoices already held are never refused for room.
    expect(await store.claim("c", { attemptId: "A", stage: "call", ttlMs: 1000, renews: ["call"] })).toMatchObject({ kind: "unresolved" });
    now = 7000;
    expect(await store.claim("d", { attemptId: "A", stage: "call", ttlMs: 1000 })).toMatchObject({ kind: "claimed" });
  });

  it("keeps at most its capacity of paid records and counters, dropping lapsed entries first, then the oldest", async () => {
    const store = memoryAttemptStore({ capacity: 3 });
    for (let i = 0; i < 10; i++) {
      await store.recordPaid(`p${i}`, { attemptId: "A", reference: String(i), captured: true, paidAt: 0 }, 1000);
      await store.takeAttempt(`k${i}`, 5, 1000);
    }
    expect(store.sizes).toEqual({ holds: 0, paid: 3, counters: 3 });
    expect((await store.read("p9")).paid).not.toBeNull();
    expect((await store.read("p0")).paid).toBeNull();
  });
});
