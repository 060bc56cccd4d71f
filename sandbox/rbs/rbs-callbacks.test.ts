import crypto from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../index.ts";
import { isLoopbackUrl } from "../loopback.ts";
import { callbackChecksum, CallbackQueue } from "./callbacks.ts";
import { payOnForm, RBS_CARDS, rbsApi, startCallbackServer } from "../rbs-test-client.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof rbsApi>;
let shop: Awaited<ReturnType<typeof startCallbackServer>>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rbs: { callbackRetryDelaysMs: [30, 30] } });
  api = rbsApi(sandbox);
  shop = await startCallbackServer();
});
afterAll(async () => {
  await sandbox.close();
  await shop.close();
});

/** The checksum as the platform describes it, written out independently of the sandbox's code. */
function expectedChecksum(query: URLSearchParams, secret: string): string {
  const names = [...query.keys()].filter((n) => n !== "checksum").sort();
  const text = names.map((n) => `${n};${query.get(n) ?? ""};`).join("");
  return crypto.createHmac("sha256", secret).update(text).digest("hex").toUpperCase();
}

const operations = (received: Array<{ query: URLSearchParams }>) => received.map((r) => `${r.query.get("operation")}:${r.query.get("status")}`);

describe("RBS callback notifications", () => {
  it("a one-stage payment notifies deposited/1 by GET with mdOrder, orderNumber and a valid checksum", async () => {
    const order = await api.register({ dynamicCallbackUrl: shop.url });
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    const [callback] = await shop.waitFor(1, order.orderId);
    expect(callback?.method).toBe("GET");
    const query = callback?.query ?? new URLSearchParams();
    expect(Object.fromEntries(query)).toEqual({
      mdOrder: order.orderId,
      orderNumber: order.orderNumber,
      operation: "deposited",
      status: "1",
      checksum: expect.stringMatching(/^[0-9A-F]{64}$/),
    });
    expect(query.get("checksum")).toBe(expectedChecksum(query, "sandbox-callback-secret"));
  });

  it("two-stage: approved on the hold, deposited, then refunded", async () => {
    const order = await api.register({ dynamicCallbackUrl: shop.url }, true);
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    await shop.waitFor(1, order.orderId);
    await api.call("deposit.do", { orderId: order.orderId, amount: "0" });
    await shop.waitFor(2, order.orderId);
    await api.call("refund.do", { orderId: order.orderId, amount: "100" });
    expect(operations(await shop.waitFor(3, order.orderId))).toEqual(["approved:1", "deposited:1", "refunded:1"]);
  });

  it("reverse notifies reversed; a declined payment notifies its operation with status 0", async () => {
    const held = await api.register({ dynamicCallbackUrl: shop.url }, true);
    await payOnForm(held.formUrl, RBS_CARDS.approved);
    await shop.waitFor(1, held.orderId);
    await api.call("reverse.do", { orderId: held.orderId });
    expect(operations(await shop.waitFor(2, held.orderId))).toEqual(["approved:1", "reversed:1"]);
    const declined = await api.register({ dynamicCallbackUrl: shop.url });
    await payOnForm(declined.formUrl, RBS_CARDS.declined);
    expect(operations(await shop.waitFor(1, declined.orderId))).toEqual(["deposited:0"]);
  });

  it("a session timeout notifies declinedByTimeout, even when nobody asks about the order", async () => {
    const order = await api.register({ dynamicCallbackUrl: shop.url, sessionTimeoutSecs: "1" });
    expect(operations(await shop.waitFor(1, order.orderId, 4000))).toEqual(["declinedByTimeout:0"]);
  });

  it("a refused request and a status read notify nothing", async () => {
    const order = await api.register({ dynamicCallbackUrl: shop.url });
    await api.call("deposit.do", { orderId: order.orderId, amount: "0" });
    await api.status(order.orderId);
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    // The first notification of this order is the payment's.
    expect(operations(await shop.waitFor(1, order.orderId))).toEqual(["deposited:1"]);
  });

  it("keeps the shop's own query parameters and covers them by the checksum", async () => {
    const order = await api.register({ dynamicCallbackUrl: `${shop.url}?shop=7` });
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    const [callback] = await shop.waitFor(1, order.orderId);
    expect(callback?.query.get("shop")).toBe("7");
    expect(callback?.query.get("checksum")).toBe(expectedChecksum(callback?.query ?? new URLSearchParams(), "sandbox-callback-secret"));
  });

  it("uses the callback URL and secret set at start for orders without dynamicCallbackUrl", async () => {
    const own = await startCallbackServer();
    const configured = await startSandbox({ port: 0, rbs: { callbackUrl: own.url, callbackSecret: "shop-secret" } });
    try {
      const order = await rbsApi(configured).register();
      await payOnForm(order.formUrl, RBS_CARDS.approved);
      const [callback] = await own.waitFor(1, order.orderId);
      const query = callback?.query ?? new URLSearchParams();
      expect(query.get("checksum")).toBe(expectedChecksum(query, "shop-secret"));
      expect(query.get("checksum")).not.toBe(expectedChecksum(query, "sandbox-callback-secret"));
    } finally {
      await configured.close();
      await own.close();
    }
  });

  it("refuses a callback URL off loopback at start", async () => {
    await expect(startSandbox({ port: 0, rbs: { callbackUrl: "https://shop.example/callback" } })).rejects.toThrow(/loopback/);
  });

  it("retries a shop that answers 500 until it takes the notification", async () => {
    const flaky = await startCallbackServer({ failFirst: 2 });
    try {
      const order = await api.register({ dynamicCallbackUrl: flaky.url });
      await payOnForm(order.formUrl, RBS_CARDS.approved);
      expect(operations(await flaky.waitFor(1, order.orderId))).toEqual(["deposited:1"]);
      await expect.poll(() => sandbox.rbs.callbacks().find((d) => d.params.mdOrder === order.orderId)).toMatchObject({ outcome: "delivered", attempts: 3 });
    } finally {
      await flaky.close();
    }
  });

  it("gives up on a dead shop after the retries; the API goes on answering", async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/cb`;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const order = await api.register({ dynamicCallbackUrl: deadUrl });
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2 });
    await expect.poll(() => sandbox.rbs.callbacks().find((d) => d.params.mdOrder === order.orderId)).toMatchObject({ outcome: "failed", attempts: 3 });
  });

  it("a shop that never answers holds up neither the API nor other shops' notifications", async () => {
    const patient = await startSandbox({ port: 0, rbs: { callbackTimeoutMs: 60_000 } });
    const patientApi = rbsApi(patient);
    const held: Array<() => void> = [];
    let abandoned = 0;
    const hanging = createServer((req, res) => {
      held.push(() => res.end());
      req.socket.on("close", () => abandoned++);
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/cb`;
    try {
      const stuck = [];
      for (let i = 0; i < 12; i++) {
        const order = await patientApi.register({ dynamicCallbackUrl: hangingUrl });
        await payOnForm(order.formUrl, RBS_CARDS.approved);
        stuck.push(order);
      }
      await expect.poll(() => held.length).toBe(2); // the per-shop limit
      // While those hang, the API answers and another shop gets its notification at once.
      for (const order of stuck) expect(await patientApi.status(order.orderId)).toMatchObject({ orderStatus: 2 });
      const other = await patientApi.register({ dynamicCallbackUrl: shop.url });
      await payOnForm(other.formUrl, RBS_CARDS.approved);
      expect(operations(await shop.waitFor(1, other.orderId))).toEqual(["deposited:1"]);
      expect(abandoned).toBe(0);
      expect(held).toHaveLength(2);
    } finally {
      await patient.close();
      for (const release of held) release();
      await new Promise<void>((resolve) => {
        hanging.close(() => resolve());
        hanging.closeAllConnections();
      });
    }
  });
});

describe("RBS callback queue", () => {
  it("drops the oldest waiting notifications past its bound", async () => {
    const held: Array<() => void> = [];
    const hanging = createServer((_req, res) => held.push(() => res.end()));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/cb`;
    const queue = new CallbackQueue({ secret: "s", maxQueued: 2, perOriginConcurrency: 1, retryDelaysMs: [] });
    try {
      for (let i = 0; i < 5; i++) queue.enqueue(url, { mdOrder: `o${i}`, orderNumber: `n${i}`, operation: "deposited", status: 1 });
      const dropped = queue.deliveries().filter((d) => d.outcome === "dropped").map((d) => d.params.mdOrder);
      // One is in flight, two wait, the two oldest waiting were dropped.
      expect(dropped).toEqual(["o1", "o2"]);
    } finally {
      queue.close();
      for (const release of held) release();
      await new Promise<void>((resolve) => {
        hanging.close(() => resolve());
        hanging.closeAllConnections();
      });
    }
  });

  it("never sends off loopback", () => {
    expect(isLoopbackUrl("http://127.0.0.1:9/cb")).toBe(true);
    expect(isLoopbackUrl("http://127.8.9.10/cb")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:8080/cb")).toBe(true);
    expect(isLoopbackUrl("http://localhost:3000/cb")).toBe(true);
    for (const url of ["https://shop.example/cb", "http://10.0.0.1/cb", "http://127.0.0.1.nip.io/cb", "ftp://127.0.0.1/cb", "http://0.0.0.0/cb", "nonsense"]) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
    const queue = new CallbackQueue({ secret: "s" });
    queue.enqueue("https://shop.example/cb", { mdOrder: "o", orderNumber: "n", operation: "deposited", status: 1 });
    expect(queue.deliveries()).toEqual([]);
    queue.close();
  });

  it("callbackChecksum is HMAC-SHA256 of name;value; pairs sorted by name, upper-case hex", () => {
    const params = { status: "1", mdOrder: "abc", orderNumber: "42", operation: "deposited", checksum: "ignored" };
    const text = "mdOrder;abc;operation;deposited;orderNumber;42;status;1;";
    expect(callbackChecksum(params, "k")).toBe(crypto.createHmac("sha256", "k").update(text).digest("hex").toUpperCase());
  });
});
