import { describe, expect, it } from "vitest";
import { describeAttemptStore } from "./attempt-store-suite.fixture.ts";
import { memoryAttemptStore } from "./memory-attempt-store.ts";

const shared = memoryAttemptStore();
describeAttemptStore("memory store", () => [shared, shared]);

describe("memory store bounds", () => {
  it("keeps at most its capacity of each kind, dropping lapsed entries first, then the oldest", async () => {
    let now = 0;
    const store = memoryAttemptStore({ capacity: 3, now: () => now });
    await store.claim("short", { attemptId: "A", stage: "call", ttlMs: 10 });
    for (const id of ["a", "b", "c"]) await store.claim(id, { attemptId: "A", stage: "call", ttlMs: 1000 });
    expect(store.sizes.holds).toBe(3);
    now = 20;
    await store.claim("d", { attemptId: "A", stage: "call", ttlMs: 1000 });
    expect(store.sizes.holds).toBe(3);
    // "short" lapsed; "a" is the oldest left and went for "d".
    expect((await store.read("a")).hold).toBeNull();
    expect((await store.read("b")).hold).not.toBeNull();
    for (let i = 0; i < 10; i++) {
      await store.recordPaid(`p${i}`, { attemptId: "A", reference: String(i), captured: true, paidAt: 0 }, 1000);
      await store.takeAttempt(`k${i}`, 5, 1000);
    }
    expect(store.sizes).toEqual({ holds: 3, paid: 3, counters: 3 });
  });
});
