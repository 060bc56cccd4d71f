// The Redis store against a real redis-server (started here on a free loopback port), through
// both common clients: ioredis and node-redis.
import { createClient } from "@redis/client";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAttemptStore } from "./attempt-store-suite.fixture.ts";
import { fromIoredis, fromNodeRedis } from "./redis-client.ts";
import { redisAttemptStore } from "./redis-attempt-store.ts";
import { startRedisServer, type RedisServer } from "./redis-server.fixture.ts";

let server: RedisServer;
let io1: Redis;
let io2: Redis;
let node: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startRedisServer();
  io1 = new Redis(server.url);
  io2 = new Redis(server.url);
  node = createClient({ url: server.url });
  await node.connect();
});
afterAll(async () => {
  io1?.disconnect();
  io2?.disconnect();
  await node?.close();
  await server?.close();
});

describeAttemptStore("Redis store (ioredis)", () => [
  redisAttemptStore({ redis: fromIoredis(io1) }),
  redisAttemptStore({ redis: fromIoredis(io2) }),
]);
describeAttemptStore("Redis store (ioredis and node-redis sharing one server)", () => [
  redisAttemptStore({ redis: fromIoredis(io1) }),
  redisAttemptStore({ redis: fromNodeRedis(node) }),
]);

describe("Redis store keys", () => {
  it("treats a hold written without a lapse time (an older kit's) as lapsed: unresolved for a call", async () => {
    await io1.hset("old:{inv-1}:hold", { attempt: "A", stage: "call", ref: "77" });
    const store = redisAttemptStore({ redis: fromIoredis(io1), keyPrefix: "old:" });
    expect(await store.claim("inv-1", { attemptId: "B", stage: "call", ttlMs: 1000 })).toMatchObject({
      kind: "unresolved",
      hold: { attemptId: "A", reference: "77", unresolved: true },
    });
  });

  it("keeps an invoice's keys under one hash tag, with a PX expiry on the hold and the paid record", async () => {
    const store = redisAttemptStore({ redis: fromIoredis(io1), keyPrefix: "shop1:" });
    const claimed = await store.claim("inv-7", { attemptId: "A", stage: "call", ttlMs: 5000, unresolvedMs: 9000 });
    const [seconds = "0", micros = "0"] = await io1.time().then((t) => t.map(String));
    const redisNow = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const stored = await io1.hgetall("shop1:{inv-7}:hold");
    expect(stored).toMatchObject({ attempt: "A", stage: "call", ref: "", lease: claimed.kind === "claimed" ? claimed.lease : "?" });
    // It lapses by Redis's clock in 5 s, and is kept 9 s longer as unresolved.
    expect(Number(stored.lapse) - redisNow).toBeGreaterThan(4000);
    expect(Number(stored.lapse) - redisNow).toBeLessThanOrEqual(5000);
    const ttl = await io1.pttl("shop1:{inv-7}:hold");
    expect(ttl).toBeGreaterThan(13_000);
    expect(ttl).toBeLessThanOrEqual(14_000);
    // A challenge lapses to nothing: no longer kept than its ttl.
    await store.claim("inv-8", { attemptId: "A", stage: "challenge", reference: "5", ttlMs: 5000, unresolvedMs: 9000 });
    expect(await io1.pttl("shop1:{inv-8}:hold")).toBeLessThanOrEqual(5000);
    await store.recordPaid("inv-7", { attemptId: "A", reference: "1", captured: true, paidAt: 1 }, 9000);
    expect(await io1.exists("shop1:{inv-7}:hold")).toBe(0);
    expect(await io1.pttl("shop1:{inv-7}:paid")).toBeGreaterThan(8000);
    // Another prefix is another shop: nothing shared.
    const other = redisAttemptStore({ redis: fromIoredis(io1), keyPrefix: "shop2:" });
    expect(await other.read("inv-7")).toEqual({ hold: null, paid: null });
  });

  it("turns a Redis failure into a rejected promise, not a wrong answer", async () => {
    const broken = redisAttemptStore({ redis: { evalScript: async () => "OK" } });
    await expect(broken.claim("x", { attemptId: "A", stage: "call", ttlMs: 10 })).rejects.toThrow(/Unexpected reply/);
    await expect(broken.read("x")).rejects.toThrow(/Unexpected reply/);
    const down = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on("error", () => undefined);
    await expect(redisAttemptStore({ redis: fromIoredis(down) }).read("x")).rejects.toThrow();
    down.disconnect();
  });
});
