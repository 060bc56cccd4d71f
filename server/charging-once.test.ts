// One charge per order, proven against the real sandbox: overlapping attempts through two kit
// instances sharing a real Redis, 3-D Secure left open while another attempt pays, retries past
// the gateway's idempotency window, failed-attempt limits, and a store that is down.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import { fromIoredis, memoryAttemptStore, redisAttemptStore, type AttemptStore } from "./attempts/index.ts";
import { startRedisServer, type RedisServer } from "./attempts/redis-server.fixture.ts";
import type { PayThreeDs } from "./contract.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import { CARDS, authenticateAtAcs, pageData, postPay, postReturn, startMerchant, type Merchant, type MerchantSetup } from "./merchant.fixture.ts";

let sandbox: Sandbox;
let redisServer: RedisServer;

beforeAll(async () => {
  [sandbox, redisServer] = await Promise.all([startSandbox({ port: 0 }), startRedisServer()]);
});
afterAll(async () => {
  await redisServer?.close();
  await sandbox?.close();
});

const redisStore = (prefix: string): AttemptStore => redisServer.store(prefix);

/** Two instances of one shop: one sandbox, one orders table, one Redis, one secret. */
async function twoInstances(prefix: string, setup: MerchantSetup = {}): Promise<[Merchant, Merchant]> {
  const orders = new Map<string, CheckoutOrder>();
  const a = await startMerchant({ sandbox, orders, ...setup, handlerOptions: { attemptStore: redisStore(prefix), ...setup.handlerOptions } });
  const b = await startMerchant({ sandbox, orders, ...setup, handlerOptions: { attemptStore: redisStore(prefix), ...setup.handlerOptions } });
  return [a, b];
}

let invoices = 0;
function newOrder(m: Merchant, order: CheckoutOrder = { amount: 1500, currency: "RUB" }): string {
  const invoiceId = `inv-once-${Date.now().toString(36)}-${++invoices}`;
  m.orders.set(invoiceId, order);
  return invoiceId;
}

const payments = (invoiceId: string) => sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Type === 0);
const charged = (invoiceId: string) => payments(invoiceId).filter((t) => t.Status === "Completed" || t.Status === "Authorized");
const body = (m: Merchant, invoiceId: string, card: string = CARDS.approved) => ({ cryptogram: m.cryptogram(card), name: "CARD HOLDER", invoiceId });

describe("overlapping attempts at one order", () => {
  it("20 attempts with different request ids through two instances sharing Redis: exactly one charge", async () => {
    // One test client makes them all: its per-(invoice, address) limit is widened to let all 20 run.
    const [a, b] = await twoInstances("t20:", { handlerOptions: { failureLimits: { perInvoiceAndIp: { max: 40, windowMs: 60_000 } } } });
    try {
      const invoiceId = newOrder(a);
      const bodies = Array.from({ length: 20 }, (_v, i) => body(i % 2 ? a : b, invoiceId));
      const answers = await Promise.all(bodies.map((payBody, i) => postPay(i % 2 ? a : b, payBody, { requestId: crypto.randomUUID() })));
      expect(charged(invoiceId)).toHaveLength(1);
      expect(payments(invoiceId)).toHaveLength(1);
      expect(answers.filter((x) => x.json.status === "approved")).toHaveLength(1);
      const refused = answers.filter((x) => x.status === 409);
      expect(refused).toHaveLength(19);
      for (const answer of refused) expect(["payment_in_progress", "already_paid"]).toContain(answer.json.code);
      // Later attempts, on either instance, are refused as paid, though getOrder never said so.
      const later = await postPay(b, body(b, invoiceId), { requestId: crypto.randomUUID() });
      expect(later).toMatchObject({ status: 409, json: { code: "already_paid" } });
      expect(charged(invoiceId)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("20 overlapping 3-D Secure attempts through two instances: whatever the shopper completes, one charge", async () => {
    const [a, b] = await twoInstances("t20-3ds:", { handlerOptions: { failureLimits: { perInvoiceAndIp: { max: 40, windowMs: 60_000 } } } });
    try {
      const invoiceId = newOrder(a);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_v, i) => postPay(i % 2 ? a : b, body(i % 2 ? a : b, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() })),
      );
      const challenges = answers.filter((x) => x.json.status === "3ds").map((x) => x.json as unknown as PayThreeDs);
      expect(challenges.length).toBeGreaterThanOrEqual(1);
      // The shopper (or an attacker with every tab) completes every bank page that was issued, all at once.
      const forms = await Promise.all(challenges.map((c) => authenticateAtAcs(c, "123456")));
      const pages = await Promise.all(forms.map((form, i) => postReturn(i % 2 ? form.action : form.action.replace(a.url, b.url), form, "iframe")));
      const results = await Promise.all(pages.map(async (p) => pageData(await p.text()).message.result as { status: string; code?: string }));
      expect(results.filter((r) => r.status === "approved")).toHaveLength(1);
      expect(charged(invoiceId)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("in one process with the default store: five at once make one charge, the rest are refused", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      const invoiceId = newOrder(merchant);
      const answers = await Promise.all(Array.from({ length: 5 }, () => postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })));
      expect(charged(invoiceId)).toHaveLength(1);
      expect(answers.map((x) => x.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const answer of answers.filter((x) => x.status === 409)) expect(["payment_in_progress", "already_paid"]).toContain(answer.json.code);
    } finally {
      await merchant.close();
    }
  });

  it("a crashed instance's hold lapses by itself, then the order can be paid", async () => {
    const store = redisStore("crash:");
    const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: store } });
    try {
      const invoiceId = newOrder(merchant);
      // What an instance that died mid-call leaves in Redis.
      await store.claim(invoiceId, { attemptId: "cw-dead-instance", stage: "call", ttlMs: 300 });
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).json.status).toBe("approved");
    } finally {
      await merchant.close();
    }
  });

  it("refuses to pay while the attempt store is down, without calling the gateway", async () => {
    const down = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    down.on("error", () => undefined);
    const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: redisAttemptStore({ redis: fromIoredis(down) }) } });
    try {
      const invoiceId = newOrder(merchant);
      const calls = merchant.gatewayCalls.length;
      const answer = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(answer).toMatchObject({ status: 503, json: { status: "error", code: "gateway_unavailable" } });
      expect(merchant.gatewayCalls.length).toBe(calls);
      expect(payments(invoiceId)).toHaveLength(0);
    } finally {
      down.disconnect();
      await merchant.close();
    }
  });
});

describe("3-D Secure and a second attempt", () => {
  async function challenge(m: Merchant, invoiceId: string): Promise<PayThreeDs> {
    const { json } = await postPay(m, body(m, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() });
    expect(json.status).toBe("3ds");
    return json as unknown as PayThreeDs;
  }

  it("attempt A left at the bank, attempt B pays: finishing A's bank page charges nothing more", async () => {
    for (const merchantMarksPaid of [false, true]) {
      const merchant = await startMerchant({ sandbox });
      try {
        const invoiceId = newOrder(merchant);
        const a = await challenge(merchant, invoiceId);
        const acs = await authenticateAtAcs(a, "123456");
        const paying = crypto.randomUUID();
        const b = await postPay(merchant, body(merchant, invoiceId), { requestId: paying });
        expect(b.json.status).toBe("approved");
        if (merchantMarksPaid) {
          merchant.orders.set(invoiceId, { amount: 1500, currency: "RUB", paidByRequestId: paying, paidTransactionId: b.json.transactionId as number });
        }
        const post3ds = merchant.gatewayCalls.filter((p) => p === "/payments/cards/post3ds").length;
        const page = pageData(await (await postReturn(acs.action, acs, "iframe")).text());
        expect(page.message).toMatchObject({ transactionId: a.transactionId, result: { status: "error", code: "already_paid" } });
        expect(merchant.gatewayCalls.filter((p) => p === "/payments/cards/post3ds").length).toBe(post3ds);
        expect(payments(invoiceId).find((t) => t.TransactionId === a.transactionId)?.Status).toBe("AwaitingAuthentication");
        expect(charged(invoiceId).map((t) => t.TransactionId)).toEqual([b.json.transactionId]);
        const event = merchant.events.find((e) => e.stage === "threeDsReturn" && e.invoiceId === invoiceId);
        expect(event?.extraPayment).toEqual({
          reason: "duplicate",
          action: "not_completed",
          transactionId: a.transactionId,
          paidReference: String(b.json.transactionId),
        });
        // The top-level (redirect) return says the same, signed.
        const redirect = await postReturn(acs.action, acs, "document");
        expect(new URL(redirect.headers.get("location") ?? "").searchParams.get("code")).toBe("already_paid");
      } finally {
        await merchant.close();
      }
    }
  });

  it("while A's return is being completed, a new attempt waits its turn (409), then sees it paid", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      const invoiceId = newOrder(merchant);
      const a = await challenge(merchant, invoiceId);
      const acs = await authenticateAtAcs(a, "123456");
      const [page, b] = await Promise.all([postReturn(acs.action, acs, "iframe"), postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })]);
      const result = pageData(await page.text()).message.result as { status: string };
      const statuses = [result.status, b.json.status];
      expect(statuses.filter((s) => s === "approved")).toHaveLength(1);
      expect(charged(invoiceId)).toHaveLength(1);
      expect((await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).json.code).toBe("already_paid");
    } finally {
      await merchant.close();
    }
  });

  it("an approval that arrives for an order already paid is refunded at once and reported as an extra payment", async () => {
    // The race a hold cannot stop: its time ran out while the gateway call was still running.
    const inner = memoryAttemptStore();
    const racing: AttemptStore = {
      ...inner,
      async claim(invoiceId, request) {
        const result = await inner.claim(invoiceId, request);
        if (result.kind === "claimed" && request.stage === "call") {
          await inner.recordPaid(invoiceId, { attemptId: "cw-other", reference: "1", captured: true, paidAt: 0 }, 60_000);
        }
        return result;
      },
    };
    const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: racing } });
    try {
      const invoiceId = newOrder(merchant);
      const answer = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(answer).toMatchObject({ status: 409, json: { code: "already_paid" } });
      const [payment] = payments(invoiceId);
      expect(payment).toMatchObject({ Status: "Completed", Refunded: true });
      const refund = sandbox.transactions().find((t) => t.Type === 1 && t.OriginalTransactionId === payment?.TransactionId);
      expect(refund).toMatchObject({ Amount: 1500, Status: "Completed" });
      const event = merchant.events.find((e) => e.invoiceId === invoiceId);
      expect(event?.extraPayment).toEqual({ reason: "duplicate", action: "reversed", transactionId: payment?.TransactionId, paidReference: "1" });
      expect(event?.gatewayModel).toMatchObject({ TransactionId: payment?.TransactionId });
    } finally {
      await merchant.close();
    }
  });
});

describe("the paying attempt's retry, after the gateway forgot it", () => {
  it("is answered from the record (payments/get), never charged again", async () => {
    // A sandbox that remembers only two X-Request-IDs: the 1-hour window, shortened.
    const forgetful = await startSandbox({ port: 0, maxIdempotencyEntries: 2 });
    const merchant = await startMerchant({ sandbox: forgetful });
    try {
      for (const merchantMarksPaid of [true, false]) {
        const invoiceId = newOrder(merchant);
        const paying = crypto.randomUUID();
        const first = await postPay(merchant, body(merchant, invoiceId), { requestId: paying });
        expect(first.json.status).toBe("approved");
        for (let i = 0; i < 3; i++) await postPay(merchant, body(merchant, newOrder(merchant)), { requestId: crypto.randomUUID() });
        if (merchantMarksPaid) {
          merchant.orders.set(invoiceId, { amount: 1500, currency: "RUB", paidByRequestId: paying, paidTransactionId: first.json.transactionId as number });
        }
        const retry = await postPay(merchant, body(merchant, invoiceId), { requestId: paying });
        expect(retry).toMatchObject({ status: 200, json: { status: "approved", transactionId: first.json.transactionId, captured: true } });
        expect(forgetful.transactions().filter((t) => t.InvoiceId === invoiceId)).toHaveLength(1);
      }
    } finally {
      await merchant.close();
      await forgetful.close();
    }
  });
});

describe("failed-attempt limits (card testing)", () => {
  it("per invoice: past the limit 429 with Retry-After, no gateway call, counted across instances", async () => {
    const [a, b] = await twoInstances("limit-inv:", {
      handlerOptions: { failureLimits: { perInvoice: { max: 3, windowMs: 60_000 }, perIp: false } },
    });
    try {
      const invoiceId = newOrder(a);
      for (let i = 0; i < 3; i++) {
        const m = i % 2 ? a : b;
        expect((await postPay(m, body(m, invoiceId, CARDS.declined), { requestId: crypto.randomUUID() })).json.status).toBe("declined");
      }
      const calls = b.gatewayCalls.length;
      const refused = await postPay(b, body(b, invoiceId), { requestId: crypto.randomUUID() });
      expect(refused).toMatchObject({ status: 429, json: { status: "error", code: "too_many_attempts" } });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get("access-control-expose-headers")).toBe("Retry-After");
      expect(b.gatewayCalls.length).toBe(calls);
      // Another order is not blocked by this one.
      expect((await postPay(a, body(a, newOrder(a)), { requestId: crypto.randomUUID() })).json.status).toBe("approved");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("an attempt that passes 3-D Secure counts back; one left at the bank keeps counting", async () => {
    const merchant = await startMerchant({
      sandbox,
      handlerOptions: { failureLimits: { perIp: { max: 2, windowMs: 60_000 }, perInvoice: false } },
    });
    const threeDs = (invoiceId: string) => postPay(merchant, body(merchant, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() });
    try {
      for (let i = 0; i < 3; i++) {
        const { json } = await threeDs(newOrder(merchant));
        expect(json.status).toBe("3ds");
        const acs = await authenticateAtAcs(json as unknown as PayThreeDs, "123456");
        expect(pageData(await (await postReturn(acs.action, acs, "iframe")).text()).message).toMatchObject({ result: { status: "approved" } });
      }
      expect((await threeDs(newOrder(merchant))).json.status).toBe("3ds");
      expect((await threeDs(newOrder(merchant))).json.status).toBe("3ds");
      expect(await threeDs(newOrder(merchant))).toMatchObject({ status: 429, json: { code: "too_many_attempts" } });
    } finally {
      await merchant.close();
    }
  });

  it("per IP: unreadable cryptograms across many orders run out, approvals do not count", async () => {
    const merchant = await startMerchant({
      sandbox,
      handlerOptions: { failureLimits: { perIp: { max: 4, windowMs: 60_000 }, perInvoice: false } },
    });
    try {
      for (let i = 0; i < 6; i++) {
        expect((await postPay(merchant, body(merchant, newOrder(merchant)), { requestId: crypto.randomUUID() })).json.status).toBe("approved");
      }
      const probe = (invoiceId: string) =>
        postPay(merchant, { cryptogram: "bm90IGEgY3J5cHRvZ3JhbQ==", name: "A B", invoiceId }, { requestId: crypto.randomUUID() });
      for (let i = 0; i < 4; i++) expect((await probe(newOrder(merchant))).status).toBe(400);
      expect(await probe(newOrder(merchant))).toMatchObject({ status: 429, json: { code: "too_many_attempts" } });
      expect((await postPay(merchant, body(merchant, newOrder(merchant)), { requestId: crypto.randomUUID() })).status).toBe(429);
    } finally {
      await merchant.close();
    }
  });
});
