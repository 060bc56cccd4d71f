import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdempotencyCache } from "./idempotency.ts";
import type { Sandbox } from "./index.ts";
import { startSandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

describe("X-Request-ID over HTTP", () => {
  let sandbox: Sandbox;
  let api: SandboxClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    api = new SandboxClient(sandbox);
  });
  afterAll(() => sandbox.close());

  it("answers a repeated id with the first successful answer, without a second transaction", async () => {
    const before = sandbox.transactions().length;
    const params = api.payment("4000000000003055");
    const first = await api.post("/payments/cards/charge", params, { requestId: "order-1-attempt-1" });
    const second = await api.post("/payments/cards/charge", { ...params, Amount: 999 }, { requestId: "order-1-attempt-1" });
    expect(first.body.Success).toBe(true);
    expect(second.body).toEqual(first.body);
    expect(sandbox.transactions().length).toBe(before + 1);
    const fresh = await api.post("/payments/cards/charge", params, { requestId: "order-1-attempt-2" });
    expect((fresh.body.Model as { TransactionId: number }).TransactionId).not.toBe((first.body.Model as { TransactionId: number }).TransactionId);
  });

  it("makes one transaction from 100 concurrent requests with one id", async () => {
    const before = sandbox.transactions().length;
    const params = api.payment("4000000000003055");
    const answers = await Promise.all(Array.from({ length: 100 }, () => api.post("/payments/cards/charge", params, { requestId: "double-click" })));
    expect(sandbox.transactions().length).toBe(before + 1);
    const ids = new Set(answers.map((a) => (a.body.Model as { TransactionId: number }).TransactionId));
    expect(ids.size).toBe(1);
    expect(answers.every((a) => a.body.Success)).toBe(true);
  });

  it("coalesces concurrent confirms too: one confirm, every copy answered Success", async () => {
    const id = (await api.post("/payments/cards/auth", api.payment("4000000000003055"))).body.Model as { TransactionId: number };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.post("/payments/confirm", { TransactionId: id.TransactionId, Amount: 100 }, { requestId: "confirm-1" })),
    );
    expect(answers.every((a) => a.body.Success)).toBe(true);
  });

  it("does not keep an unsuccessful answer: the same id is processed again", async () => {
    const before = sandbox.transactions().length;
    const bad = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), Amount: "x" }, { requestId: "retry-me" });
    expect(bad.body).toEqual({ Success: false, Message: "Invalid Amount value" });
    const declined = await api.post("/payments/cards/charge", api.payment("4000056655665556"), { requestId: "retry-me" });
    expect(declined.body.Success).toBe(false);
    const good = await api.post("/payments/cards/charge", api.payment("4000000000003055"), { requestId: "retry-me" });
    expect(good.body.Success).toBe(true);
    expect(sandbox.transactions().length).toBe(before + 2);
  });

  it("keeps ids of different methods apart", async () => {
    const charged = await api.post("/payments/cards/charge", api.payment("4000000000003055"), { requestId: "shared-id" });
    const got = await api.post("/payments/get", { TransactionId: (charged.body.Model as { TransactionId: number }).TransactionId }, { requestId: "shared-id" });
    expect((got.body.Model as { Status: string }).Status).toBe("Completed");
  });
});

describe("IdempotencyCache", () => {
  const storeAll = (ttlMs: number, maxEntries: number, clock: { t: number }) =>
    new IdempotencyCache<string>({ ttlMs, maxEntries, isStorable: (a) => a !== "fail", now: () => clock.t });

  it("forgets an answer after its TTL", async () => {
    const clock = { t: 0 };
    const cache = storeAll(3_600_000, 10, clock);
    let runs = 0;
    const task = async () => `answer-${++runs}`;
    expect(await cache.run("k", task)).toBe("answer-1");
    clock.t = 3_599_999;
    expect(await cache.run("k", task)).toBe("answer-1");
    clock.t = 3_600_000;
    expect(await cache.run("k", task)).toBe("answer-2");
  });

  it("stays within its cap, forgetting the oldest first", async () => {
    const clock = { t: 0 };
    const cache = storeAll(1000, 3, clock);
    for (const key of ["a", "b", "c", "d"]) await cache.run(key, async () => key);
    expect(cache.size).toBe(3);
    expect(await cache.run("a", async () => "a-again")).toBe("a-again");
    expect(await cache.run("d", async () => "d-again")).toBe("d");
  });

  it("hands a failure to every waiter and remembers nothing", async () => {
    const cache = storeAll(1000, 3, { t: 0 });
    let release: (v: string) => void = () => {};
    const slow = new Promise<string>((resolve) => (release = resolve));
    const a = cache.run("k", () => slow);
    const b = cache.run("k", async () => "second");
    release("fail");
    expect(await a).toBe("fail");
    expect(await b).toBe("fail");
    expect(await cache.run("k", async () => "third")).toBe("third");
    await expect(cache.run("boom", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await cache.run("boom", async () => "ok")).toBe("ok");
  });
});
