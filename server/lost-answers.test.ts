// A gateway answer that never arrives (dropped, too slow, an instance that died before recording
// it) must neither let the order be charged again nor lose the success. Against the real sandbox,
// through a proxy that loses or holds back its answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import { memoryAttemptStore } from "./attempts/index.ts";
import { CloudPaymentsClient, InvoiceClient, RbsClient } from "./client/index.ts";
import type { PayThreeDs } from "./contract.ts";
import { startGatewayProxy, type GatewayProxy } from "./gateway-proxy.fixture.ts";
import { invoiceGateway, rbsGateway } from "./gateway/index.ts";
import { createCheckoutHandlers, type CheckoutOrder } from "./handlers/index.ts";
import { CARDS, SHOP_SECRET, authenticateAtAcs, pageData, postPay, postReturn, startMerchant, type Merchant, type MerchantSetup } from "./merchant.fixture.ts";

let sandbox: Sandbox;
let proxy: GatewayProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  proxy = await startGatewayProxy(sandbox.url);
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let invoices = 0;
function newOrder(m: Merchant, order: CheckoutOrder = { amount: 1500, currency: "RUB" }): string {
  const invoiceId = `inv-lost-${Date.now().toString(36)}-${++invoices}`;
  m.orders.set(invoiceId, order);
  return invoiceId;
}
const payments = (invoiceId: string) => sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Type === 0);
const kept = (invoiceId: string) => payments(invoiceId).filter((t) => (t.Status === "Completed" || t.Status === "Authorized") && !t.Refunded);
const body = (m: Merchant, invoiceId: string, card: string = CARDS.approved) => ({ cryptogram: m.cryptogram(card), name: "CARD HOLDER", invoiceId });

/** Short holds, so a test can wait them out: the client times out at 1 s, the call hold is 1.2 s. */
const SHORT: MerchantSetup = { timeoutMs: 1000, handlerOptions: { holdTimes: { callMs: 1200, pendingMs: 1500 } } };

function through(setup: MerchantSetup = SHORT): Promise<Merchant> {
  return startMerchant({ sandbox, baseUrl: proxy.url, ...setup });
}

describe("an approval whose answer was lost", () => {
  it("charge answer dropped: the next attempts wait, then one finds the approval; one charge, recorded and reported", async () => {
    const merchant = await through();
    try {
      const invoiceId = newOrder(merchant);
      proxy.next("/payments/cards/charge", { kind: "drop" });
      const paying = crypto.randomUUID();
      const a = await postPay(merchant, body(merchant, invoiceId), { requestId: paying });
      expect(a).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
      expect(payments(invoiceId).map((t) => t.Status)).toEqual(["Completed"]);
      const b = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(b).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      // The unknown hold lapses: unresolved, not free. The next attempt asks the gateway first.
      await sleep(1700);
      const c = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(c).toMatchObject({ status: 409, json: { code: "already_paid" } });
      expect(payments(invoiceId)).toHaveLength(1);
      expect(kept(invoiceId)).toHaveLength(1);
      const [payment] = payments(invoiceId);
      const recovered = merchant.events.filter((e) => e.invoiceId === invoiceId && e.stage === "recovery");
      expect(recovered).toEqual([
        expect.objectContaining({ result: expect.objectContaining({ status: "approved", transactionId: payment?.TransactionId, captured: true }) }),
      ]);
      expect(merchant.gatewayCalls).toContain("/payments/find");
      // The paying attempt's own retry, later, is answered with its approval from the record.
      const retry = await postPay(merchant, body(merchant, invoiceId), { requestId: paying });
      expect(retry).toMatchObject({ status: 200, json: { status: "approved", transactionId: payment?.TransactionId } });
      expect(payments(invoiceId)).toHaveLength(1);
    } finally {
      await merchant.close();
    }
  });

  it("a declined charge whose answer was lost frees the order once the gateway says so", async () => {
    const merchant = await through();
    try {
      const invoiceId = newOrder(merchant);
      proxy.next("/payments/cards/charge", { kind: "drop" });
      expect((await postPay(merchant, body(merchant, invoiceId, CARDS.declined), { requestId: crypto.randomUUID() })).status).toBe(502);
      await sleep(1700);
      const next = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(next).toMatchObject({ status: 200, json: { status: "approved" } });
      expect(payments(invoiceId).map((t) => t.Status)).toEqual(["Declined", "Completed"]);
    } finally {
      await merchant.close();
    }
  });

  it("post3ds answer dropped: after the hold, the next attempt finds the transaction approved; one charge", async () => {
    const merchant = await through();
    try {
      const invoiceId = newOrder(merchant);
      const { json } = await postPay(merchant, body(merchant, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() });
      const challenge = json as unknown as PayThreeDs;
      const acs = await authenticateAtAcs(challenge, "123456");
      proxy.next("/payments/cards/post3ds", { kind: "drop" });
      const page = pageData(await (await postReturn(acs.action, acs, "iframe")).text());
      expect(page.message).toMatchObject({ result: { status: "error", code: "gateway_unavailable" } });
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      await sleep(1700);
      const later = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(later).toMatchObject({ status: 409, json: { code: "already_paid" } });
      expect(payments(invoiceId).map((t) => [t.TransactionId, t.Status])).toEqual([[challenge.transactionId, "Completed"]]);
      expect(merchant.events.find((e) => e.invoiceId === invoiceId && e.stage === "recovery")?.result).toMatchObject({
        status: "approved",
        transactionId: challenge.transactionId,
      });
      // Asked about that transaction, by its id.
      expect(merchant.gatewayCalls).toContain("/payments/get");
      // The shopper's browser posting the same return again is answered from the record.
      const again = pageData(await (await postReturn(acs.action, acs, "iframe")).text());
      expect(again.message).toMatchObject({ result: { status: "approved", transactionId: challenge.transactionId } });
      expect(kept(invoiceId)).toHaveLength(1);
    } finally {
      await merchant.close();
    }
  });

  it("an instance that died after the gateway approved and before it recorded: its hold lapses unresolved, the approval is found", async () => {
    const store = memoryAttemptStore();
    const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: store, holdTimes: { callMs: 40_000, pendingMs: 60_000 } } });
    try {
      const invoiceId = newOrder(merchant);
      // What the dead instance did: claimed, called the gateway (approved), and never came back.
      await store.claim(invoiceId, { attemptId: "cw-dead-instance", stage: "call", ttlMs: 1500 });
      const approved = await merchant.client.cards.charge({
        Amount: 1500,
        Currency: "RUB",
        IpAddress: "203.0.113.5",
        Name: "CARD HOLDER",
        CardCryptogramPacket: merchant.cryptogram(CARDS.approved),
        InvoiceId: invoiceId,
      });
      expect(approved.kind).toBe("approved");
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      await sleep(1600);
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).toMatchObject({ status: 409, json: { code: "already_paid" } });
      expect(payments(invoiceId)).toHaveLength(1);
      expect((await store.read(invoiceId)).paid).toMatchObject({ attemptId: "cw-dead-instance", captured: true });
      expect(merchant.events.filter((e) => e.stage === "recovery" && e.invoiceId === invoiceId)).toHaveLength(1);
    } finally {
      await merchant.close();
    }
  });
});

/** A shop's handler options but for the gateway. */
const SHOP_OPTIONS = {
  secret: SHOP_SECRET,
  getOrder: () => null,
  termUrl: "https://shop.example/3ds",
  returnUrl: "https://shop.example/done",
  allowedOrigins: ["https://shop.example"],
  getClientIp: () => "198.51.100.1",
};

describe("a gateway call never outlives its hold", () => {
  it("refuses to start when the call hold is not longer than the client's timeout", () => {
    const client = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, timeoutMs: 30_000 });
    const options = { ...SHOP_OPTIONS, client };
    expect(() => createCheckoutHandlers({ ...options, holdTimes: { callMs: 300 } })).toThrow(/callMs \(300 ms\) must be longer than the gateway client's timeout \(30000 ms\)/);
    expect(() => createCheckoutHandlers({ ...options, holdTimes: { callMs: 30_000 } })).toThrow(/callMs/);
    expect(() => createCheckoutHandlers({ ...options, holdTimes: { callMs: 31_000 } })).not.toThrow();
  });

  it("the same check for the gateways' own pages: the Invoice and RBS adapters report their clients' timeouts", () => {
    const invoice = invoiceGateway({
      client: new InvoiceClient({ baseUrl: `${sandbox.url}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey, timeoutMs: 20_000 }),
      terminalId: "t-1",
    });
    const rbs = rbsGateway({ client: new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: sandbox.rbs.password }) });
    expect(invoice.timeoutMs).toBe(20_000);
    expect(rbs.timeoutMs).toBe(30_000);
    const options = SHOP_OPTIONS;
    expect(() => createCheckoutHandlers({ ...options, client: invoice, holdTimes: { callMs: 20_000 } })).toThrow(/callMs \(20000 ms\) must be longer than the gateway client's timeout \(20000 ms\)/);
    expect(() => createCheckoutHandlers({ ...options, client: invoice, holdTimes: { callMs: 21_000 } })).not.toThrow();
    expect(() => createCheckoutHandlers({ ...options, client: rbs, holdTimes: { callMs: 5_000 } })).toThrow(/gateway client's timeout \(30000 ms\)/);
    expect(() => createCheckoutHandlers({ ...options, client: rbs, holdTimes: { callMs: 31_000 } })).not.toThrow();
  });

  it("a slow gateway: the call is cut at its deadline inside the hold, nobody else charges meanwhile, the late approval is found", async () => {
    const merchant = await through();
    try {
      const invoiceId = newOrder(merchant);
      // The gateway approves at once, its answer arrives after 2.5 s: past the client's timeout and the hold.
      proxy.next("/payments/cards/charge", { kind: "delay", ms: 2500 });
      const started = Date.now();
      const a = postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      await sleep(1300);
      // Past callMs (1.2 s): the first call is already cut, its hold is now an unknown outcome.
      const b = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(b).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      const first = await a;
      expect(first).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
      // Cut by the deadline (80% of 1.2 s, or the client's 1 s), not by the proxy's 2.5 s.
      expect(Date.now() - started).toBeLessThan(2500);
      await sleep(1700);
      const c = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(c).toMatchObject({ status: 409, json: { code: "already_paid" } });
      expect(payments(invoiceId)).toHaveLength(1);
      expect(kept(invoiceId)).toHaveLength(1);
    } finally {
      await merchant.close();
    }
  });
});

describe("the paying attempt's own retry while its 3-D Secure completes", () => {
  it("is refused (409) instead of reopening the order; another attempt waits too; one charge, nothing refunded", async () => {
    const merchant = await startMerchant({ sandbox, baseUrl: proxy.url });
    try {
      const invoiceId = newOrder(merchant);
      const paying = crypto.randomUUID();
      const first = body(merchant, invoiceId, CARDS.threeDs);
      const challenge = (await postPay(merchant, first, { requestId: paying })).json as unknown as PayThreeDs;
      // While its challenge is open, its retry neither passes nor downgrades anything.
      expect(await postPay(merchant, first, { requestId: paying })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      const acs = await authenticateAtAcs(challenge, "123456");
      proxy.next("/payments/cards/post3ds", { kind: "delay", ms: 1200 });
      const returning = postReturn(acs.action, acs, "iframe");
      await sleep(400);
      const retry = await postPay(merchant, first, { requestId: paying });
      expect(retry).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      const other = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(other).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
      const page = pageData(await (await returning).text());
      expect(page.message).toMatchObject({ result: { status: "approved", transactionId: challenge.transactionId } });
      expect(payments(invoiceId).map((t) => [t.Status, t.Refunded])).toEqual([["Completed", false]]);
      expect(merchant.events.filter((e) => e.extraPayment !== undefined)).toEqual([]);
    } finally {
      await merchant.close();
    }
  });
});
