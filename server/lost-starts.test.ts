// A start of a gateway page (Invoice CreatePayment, RBS register.do), or an RBS saved card's
// payment, whose answer is lost after the gateway made the payment: the invoice must neither be
// charged twice nor stay locked for the unresolved time (7 days). The kit asks the gateway by the
// shop's own order reference: the payment it has is adopted (the same page, never a second live
// one), none frees the invoice, no answer keeps it held. Against the real sandbox over HTTP,
// through a proxy that loses answers after the sandbox did the work, with two kit instances
// sharing a real redis-server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, startSandbox, type Sandbox } from "../sandbox/index.ts";
import type { AttemptStore } from "./attempts/index.ts";
import { startRedisServer, type RedisServer } from "./attempts/redis-server.fixture.ts";
import { startGatewayProxy, type GatewayProxy } from "./gateway-proxy.fixture.ts";
import { pay, returnPage, startGatewayMerchant, visit, type GatewayMerchant } from "./gateway-merchant.fixture.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import { encodeStartHold, newStartKey, tagsFor } from "./handlers/hosted-hold.ts";

const APPROVED = "4000000000003055";
/** Short holds, so a test can wait them out: the clients time out at 1 s, the call hold is 1.2 s, an unknown outcome 1.5 s. */
const HOLDS = { callMs: 1200, pendingMs: 1500 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: Sandbox;
let proxy: GatewayProxy;
let redisServer: RedisServer;
const merchants: GatewayMerchant[] = [];

beforeAll(async () => {
  [sandbox, redisServer] = await Promise.all([startSandbox({ port: 0 }), startRedisServer()]);
  proxy = await startGatewayProxy(sandbox.url);
});
afterAll(async () => {
  for (const m of merchants) await m.close();
  await proxy?.close();
  await redisServer?.close();
  await sandbox?.close();
});

const redisStore = (prefix: string): AttemptStore => redisServer.store(prefix);

type Kind = "invoice" | "rbs";
const START_PATH: Record<Kind, string> = { invoice: "/api/v2/CreatePayment", rbs: "/payment/rest/register.do" };
const LOOKUP_PATH: Record<Kind, string> = { invoice: "/api/v2/GetPaymentByOrder", rbs: "/payment/rest/getOrderStatusExtended.do" };

/** Two instances of one shop, through the losing proxy: one orders table, one Redis, one secret. */
async function twoInstances(kind: Kind, prefix: string): Promise<[GatewayMerchant, GatewayMerchant]> {
  const orders = new Map<string, CheckoutOrder>();
  const setup = { sandbox, kind, orders, gatewayUrl: proxy.url, timeoutMs: 1000 } as const;
  const a = await startGatewayMerchant({ ...setup, handlerOptions: { attemptStore: redisStore(prefix), holdTimes: HOLDS } });
  const b = await startGatewayMerchant({ ...setup, ...(a.terminalId !== undefined && { terminalId: a.terminalId }), handlerOptions: { attemptStore: redisStore(prefix), holdTimes: HOLDS } });
  merchants.push(a, b);
  return [a, b];
}

const startsOf = (ms: GatewayMerchant[], kind: Kind, invoiceId: string) =>
  ms.flatMap((m) => m.gatewayRequests).filter((r) => r.path === START_PATH[kind] && r.body.includes(kind === "rbs" ? encodeURIComponent(invoiceId) : invoiceId));

interface GatewayPayment {
  id: string;
  status: string;
  url: string | null;
}

/** What the sandbox itself holds for the invoice (asked directly, not through the proxy). */
async function gatewayPayments(ms: GatewayMerchant[], kind: Kind, invoiceId: string): Promise<GatewayPayment[]> {
  if (kind === "invoice") {
    const response = await fetch(`${sandbox.url}/__sandbox/invoice`, {
      headers: { Authorization: `Basic ${btoa(`${sandbox.invoice.merchantId}:${sandbox.invoice.apiKey}`)}` },
    });
    const all = ((await response.json()) as { payments: { id: string; status: string; payment_url: string; custom_parameters: Record<string, unknown> }[] }).payments;
    return all.filter((p) => p.custom_parameters.cw_invoice === invoiceId).map((p) => ({ id: p.id, status: p.status, url: p.payment_url }));
  }
  const found: GatewayPayment[] = [];
  for (const request of startsOf(ms, kind, invoiceId)) {
    const orderNumber = new URLSearchParams(request.body).get("orderNumber") ?? "";
    try {
      // The merchants' clients go through the proxy, which loses nothing unless told to.
      const status = await ms[0]!.rbsClient.getOrderStatusExtended({ orderNumber });
      found.push({ id: status.orderId ?? "", status: status.state, url: null });
    } catch {
      // Never registered (the request did not get through).
    }
  }
  return found;
}

const reports = (ms: GatewayMerchant[], invoiceId: string) =>
  ms.flatMap((m) => m.events).filter((e) => e.invoiceId === invoiceId).map((e) => `${e.stage}:${e.result.status}`);

describe.each(["invoice", "rbs"] as const)("%s: the answer to a start is lost after the gateway made the payment", (kind) => {
  it("the same attempt's retry on the other instance gets the payment the gateway made (Invoice: that very page; RBS: it is declined first), never two payable ones", async () => {
    const [a, b] = await twoInstances(kind, `lost-start-retry-${kind}-${Date.now()}`);
    const invoiceId = a.newOrder();
    const requestId = crypto.randomUUID();
    proxy.next(START_PATH[kind], { kind: "drop" });
    expect(await pay(a, { invoiceId }, { requestId })).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
    const made = await gatewayPayments([a, b], kind, invoiceId);
    expect(made.map((p) => p.status)).toEqual([kind === "invoice" ? "init" : "registered"]);
    // Another shopper's attempt waits: the invoice is held under the lost start's name.
    expect(await pay(b, { invoiceId })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });

    const retry = await pay(b, { invoiceId }, { requestId });
    expect(retry.status).toBe(200);
    expect(retry.json.status).toBe("redirect");
    const after = await gatewayPayments([a, b], kind, invoiceId);
    if (kind === "invoice") {
      // Adopted: the gateway's payment and page, not a second CreatePayment.
      expect(retry.json).toMatchObject({ paymentId: made[0]!.id, url: made[0]!.url });
      expect(startsOf([a, b], kind, invoiceId)).toHaveLength(1);
      expect(after.map((p) => p.status)).toEqual(["init"]);
    } else {
      // RBS answers no page for an order: the lost one is declined (it can never take money), then a new page.
      expect(retry.json.paymentId).not.toBe(made[0]!.id);
      expect(after.map((p) => p.status).sort()).toEqual(["registered", "reversed"]);
      expect(after.find((p) => p.id === made[0]!.id)?.status).toBe("reversed");
    }
    const paid = await payOnHostedPage(String(retry.json.url), { cardNumber: APPROVED });
    const back = await returnPage(await visit(paid.location ?? ""));
    expect(back.message).toMatchObject({ result: { status: "approved", transactionId: retry.json.paymentId } });
    expect(await pay(a, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    const final = await gatewayPayments([a, b], kind, invoiceId);
    expect(final.filter((p) => p.status === "successful" || p.status === "paid")).toHaveLength(1);
    expect(reports([a, b], invoiceId).filter((r) => r.endsWith(":approved"))).toHaveLength(1);
  });

  it("another attempt after the hold lapsed: the gateway is asked first (by the shop's order reference), and the order is payable at once", async () => {
    const [a, b] = await twoInstances(kind, `lost-start-lapse-${kind}-${Date.now()}`);
    const invoiceId = a.newOrder();
    proxy.next(START_PATH[kind], { kind: "drop" });
    expect(await pay(a, { invoiceId })).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
    const [lost] = await gatewayPayments([a, b], kind, invoiceId);
    await sleep(HOLDS.pendingMs + 300);

    const next = await pay(b, { invoiceId });
    expect(next).toMatchObject({ status: 200, json: { status: "redirect" } });
    expect(b.gatewayRequests.some((r) => r.path === LOOKUP_PATH[kind])).toBe(true);
    const after = await gatewayPayments([a, b], kind, invoiceId);
    if (kind === "invoice") {
      expect(next.json).toMatchObject({ paymentId: lost!.id, url: lost!.url });
      expect(after).toHaveLength(1);
    } else {
      expect(after.find((p) => p.id === lost!.id)?.status).toBe("reversed");
      expect(after.filter((p) => p.status === "registered").map((p) => p.id)).toEqual([next.json.paymentId]);
    }
  });

  it("the gateway cannot say (its lookup answer lost too): the invoice stays held; once it answers, settled", async () => {
    const [a, b] = await twoInstances(kind, `lost-start-mute-${kind}-${Date.now()}`);
    const invoiceId = a.newOrder();
    proxy.next(START_PATH[kind], { kind: "drop" });
    expect(await pay(a, { invoiceId })).toMatchObject({ status: 502 });
    await sleep(HOLDS.pendingMs + 300);
    proxy.next(LOOKUP_PATH[kind], { kind: "drop" });
    expect(await pay(b, { invoiceId })).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
    expect(startsOf([a, b], kind, invoiceId)).toHaveLength(1);
    expect(await pay(a, { invoiceId })).toMatchObject({ status: 200, json: { status: "redirect" } });
    expect((await gatewayPayments([a, b], kind, invoiceId)).filter((p) => p.status === "init" || p.status === "registered")).toHaveLength(1);
  });
});

describe.each(["invoice", "rbs"] as const)("%s: an instance that died during a start", (kind) => {
  /** What a dead instance left: its claim naming the start, and (when it got that far) the gateway's payment. */
  async function deadStart(m: GatewayMerchant, store: AttemptStore, invoiceId: string, reachGateway: boolean) {
    const startKey = newStartKey();
    const attempt = { invoiceId, attemptId: "cw-dead-instance", lease: null };
    const claim = await store.claim(invoiceId, { attemptId: attempt.attemptId, stage: "call", reference: encodeStartHold(startKey), ttlMs: 200, unresolvedMs: 60_000 });
    expect(claim.kind).toBe("claimed");
    if (!reachGateway) return null;
    const started = await m.gateway.hosted!.start(
      {
        scheme: "charge",
        amount: 1500,
        currency: "RUB",
        invoiceId,
        ipAddress: "127.0.0.1",
        description: "Order",
        items: [{ name: "Order", price: 1500, quantity: 1, total: 1500 }],
        returnUrl: `${m.termUrl}?dead=1`,
        tags: tagsFor(attempt, false, startKey),
        startKey,
      },
      {},
    );
    if (started.kind !== "started") throw new Error(JSON.stringify(started));
    return started;
  }

  it("paid on its page (the shopper had it) though nobody recorded it: the next attempt finds the approval by the order reference, records and reports it once, and is refused", async () => {
    const store = redisStore(`dead-start-paid-${kind}-${Date.now()}`);
    const m = await startGatewayMerchant({ sandbox, kind, gatewayUrl: proxy.url, timeoutMs: 1000, handlerOptions: { attemptStore: store, holdTimes: HOLDS } });
    merchants.push(m);
    const invoiceId = m.newOrder();
    const started = await deadStart(m, store, invoiceId, true);
    await payOnHostedPage(started!.url, { cardNumber: APPROVED });
    await sleep(300);
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(reports([m], invoiceId)).toEqual(["recovery:approved"]);
    expect((await store.read(invoiceId)).paid).toMatchObject({ attemptId: "cw-dead-instance", reference: started!.reference });
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(reports([m], invoiceId)).toEqual(["recovery:approved"]);
  });

  it("died before the gateway heard of it: the gateway provably has none, the invoice is free for a new page", async () => {
    const store = redisStore(`dead-start-none-${kind}-${Date.now()}`);
    const m = await startGatewayMerchant({ sandbox, kind, gatewayUrl: proxy.url, timeoutMs: 1000, handlerOptions: { attemptStore: store, holdTimes: HOLDS } });
    merchants.push(m);
    const invoiceId = m.newOrder();
    await deadStart(m, store, invoiceId, false);
    await sleep(300);
    const next = await pay(m, { invoiceId });
    expect(next).toMatchObject({ status: 200, json: { status: "redirect" } });
    expect(m.gatewayRequests.map((r) => r.path)).toContain(LOOKUP_PATH[kind]);
    expect(startsOf([m], kind, invoiceId)).toHaveLength(1);
  });
});

describe("rbs: a saved card's payment whose answer was lost (no lookup by invoice on RBS: asked by the attempt's orderNumber)", () => {
  async function shopWithCard(prefix: string): Promise<{ m: GatewayMerchant; who: string; cardId: string }> {
    // No callbacks: the bank's notification would settle the order before anyone asks (notifications.test covers that).
    const m = await startGatewayMerchant({
      sandbox,
      kind: "rbs",
      gatewayUrl: proxy.url,
      timeoutMs: 1000,
      handlerOptions: { attemptStore: redisStore(prefix), holdTimes: HOLDS, notificationUrl: undefined },
    });
    merchants.push(m);
    const who = `cust-${crypto.randomUUID().slice(0, 8)}`;
    const first = await pay(m, { invoiceId: m.newOrder(), saveCard: true }, { customer: who });
    await returnPage(await visit((await payOnHostedPage(String(first.json.url), { cardNumber: APPROVED })).location ?? ""));
    const [card] = await m.savedCards.list(who);
    if (card === undefined) throw new Error("no saved card");
    return { m, who, cardId: card.id };
  }

  const ordersOf = (m: GatewayMerchant, invoiceId: string) =>
    m.gatewayRequests.filter((r) => r.path.endsWith("/register.do") && r.body.includes(encodeURIComponent(invoiceId))).map((r) => new URLSearchParams(r.body).get("orderNumber") ?? "");

  it("paid although the answer was lost: the next attempt after the lapse finds the payment, records and reports it once, and is refused", async () => {
    const { m, who, cardId } = await shopWithCard(`lost-saved-paid-${Date.now()}`);
    const invoiceId = m.newOrder({ amount: 640 });
    const bindingPayments = () => m.gatewayRequests.filter((r) => r.path.endsWith("/paymentOrderBinding.do")).length;
    const before = bindingPayments();
    proxy.next("/payment/rest/paymentOrderBinding.do", { kind: "drop" });
    expect(await pay(m, { invoiceId, savedCardId: cardId }, { customer: who })).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
    const [orderNumber] = ordersOf(m, invoiceId);
    expect((await m.rbsClient.getOrderStatusExtended({ orderNumber: orderNumber! })).state).toBe("paid");
    expect(await pay(m, { invoiceId, savedCardId: cardId }, { customer: who })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    await sleep(HOLDS.pendingMs + 300);

    expect(await pay(m, { invoiceId, savedCardId: cardId }, { customer: who })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(reports([m], invoiceId).filter((r) => r.startsWith("recovery:"))).toEqual(["recovery:approved"]);
    expect(ordersOf(m, invoiceId)).toHaveLength(1);
    // The card was charged by the lost call alone.
    expect(bindingPayments()).toBe(before + 1);
  });

  it("registered but never paid (the register answer lost): the order is declined, so a late call cannot pay it, and the next attempt pays once", async () => {
    const { m, who, cardId } = await shopWithCard(`lost-saved-none-${Date.now()}`);
    const invoiceId = m.newOrder({ amount: 320 });
    proxy.next("/payment/rest/register.do", { kind: "drop" });
    expect(await pay(m, { invoiceId, savedCardId: cardId }, { customer: who })).toMatchObject({ status: 502 });
    const [lost] = ordersOf(m, invoiceId);
    await sleep(HOLDS.pendingMs + 300);

    const paid = await pay(m, { invoiceId, savedCardId: cardId }, { customer: who });
    expect(paid).toMatchObject({ status: 200, json: { status: "approved", amount: 320 } });
    expect((await m.rbsClient.getOrderStatusExtended({ orderNumber: lost! })).state).toBe("reversed");
    const states = await Promise.all(ordersOf(m, invoiceId).map(async (n) => (await m.rbsClient.getOrderStatusExtended({ orderNumber: n })).state));
    expect(states.sort()).toEqual(["paid", "reversed"]);
  });
});
