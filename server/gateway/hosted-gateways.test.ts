// The Invoice and RBS adapters against the sandbox: what findOutcome answers in each state, and
// reverse (an extra payment undone at once) for holds and captures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { InvoiceClient, RbsClient } from "../client/index.ts";
import type { CheckoutGateway, GatewayTransaction, HostedPaymentInput } from "./checkout-gateway.ts";
import { invoiceGateway } from "./invoice-gateway.ts";
import { rbsGateway } from "./rbs-gateway.ts";

let sandbox: Sandbox;
let invoice: CheckoutGateway;
let rbs: CheckoutGateway;
let invoiceClient: InvoiceClient;
let rbsClient: RbsClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, invoiceRefundDelayMs: 20 });
  invoiceClient = new InvoiceClient({ baseUrl: `${sandbox.url}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey });
  const terminal = await invoiceClient.terminals.create({ name: "Adapters", alias: "adapters", type: "dynamic" });
  if (!terminal.ok) throw terminal.error;
  invoice = invoiceGateway({ client: invoiceClient, terminalId: terminal.value.id, frameAllowed: false, frameWidth: 400 });
  rbsClient = new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: sandbox.rbs.password });
  rbs = rbsGateway({ client: rbsClient, sessionTimeoutSecs: 600 });
});
afterAll(() => sandbox.close());

let count = 0;
function input(scheme: "charge" | "auth" = "charge", startKey: string = crypto.randomUUID().replaceAll("-", "")): HostedPaymentInput {
  count += 1;
  return {
    scheme,
    amount: 120,
    currency: "RUB",
    invoiceId: `adapter-${count}-${Date.now()}`,
    ipAddress: "127.0.0.1",
    description: "Adapter test",
    items: [{ name: "Item", price: 120, quantity: 1, total: 120 }],
    returnUrl: "https://shop.example/return",
    tags: { cw_invoice: `adapter-${count}`, cw_attempt: "cw-test", cw_start: startKey },
    startKey,
  };
}

async function started(gateway: CheckoutGateway, scheme: "charge" | "auth" = "charge") {
  const start = await gateway.hosted?.start(input(scheme), {});
  if (start?.kind !== "started") throw new Error(JSON.stringify(start));
  return start;
}

async function approved(gateway: CheckoutGateway, scheme: "charge" | "auth"): Promise<GatewayTransaction> {
  const start = await started(gateway, scheme);
  await payOnHostedPage(start.url, { cardNumber: "4000000000003055" });
  const state = await gateway.findOutcome(start.reference);
  if (state?.kind !== "approved") throw new Error(JSON.stringify(state));
  return state.transaction;
}

describe("invoiceGateway and rbsGateway", () => {
  it("say how the page may be shown and when it stops taking payments", async () => {
    const i = await started(invoice);
    expect(i).toMatchObject({ frameAllowed: false, frameWidth: 400 });
    expect(i.expiresAt).toBeGreaterThan(Date.now() + 25 * 60_000);
    const r = await started(rbs);
    expect(r.frameAllowed).toBe(true);
    expect(r.expiresAt).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(r.expiresAt).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
  });

  it("findOutcome: open with the kit's tags, approved, declined; null for unknown or malformed references", async () => {
    for (const gateway of [invoice, rbs]) {
      const start = await started(gateway);
      expect(await gateway.findOutcome(start.reference)).toMatchObject({ kind: "open", tags: { cw_attempt: "cw-test" } });
      await payOnHostedPage(start.url, { cardNumber: "4000056655665556" });
      expect(await gateway.findOutcome(start.reference)).toMatchObject({ kind: "declined", reasonCode: 5051, tags: { cw_attempt: "cw-test" } });
      for (const bad of ["", "../x", "00000000-0000-0000-0000-000000000000", "nope"]) expect(await gateway.findOutcome(bad), `${gateway.name} ${bad}`).toBeNull();
    }
  });

  it("a hold is approved with captured false; reverse releases it (Invoice ClosePayment, RBS reverse.do)", async () => {
    const held = await approved(invoice, "auth");
    expect(held.captured).toBe(false);
    expect(await invoice.reverse(held)).toBe(true);
    expect((await invoiceClient.payments.get({ id: String(held.transactionId) })).ok && (await invoiceClient.payments.get({ id: String(held.transactionId) }))).toMatchObject({ value: { status: "closed" } });
    const rbsHeld = await approved(rbs, "auth");
    expect(rbsHeld.captured).toBe(false);
    expect(await rbs.reverse(rbsHeld)).toBe(true);
    expect((await rbsClient.getOrderStatusExtended({ orderId: String(rbsHeld.transactionId) })).state).toBe("reversed");
  });

  it("a capture is refunded in full; a second reverse is refused, not done twice", async () => {
    const paid = await approved(rbs, "charge");
    expect(paid).toMatchObject({ captured: true, cardType: "VISA", cardLastFour: "3055", amount: 120, currency: "RUB" });
    expect(await rbs.reverse(paid)).toBe(true);
    expect((await rbsClient.getOrderStatusExtended({ orderId: String(paid.transactionId) })).amounts?.refunded).toBe(120);
    expect(await rbs.reverse(paid)).toBe(false);
    const invoicePaid = await approved(invoice, "charge");
    expect(await invoice.reverse(invoicePaid)).toBe(true);
    expect(await invoice.reverse(invoicePaid)).toBe(false);
  });

  it("recoverStart (Invoice): none before a start, then that start's payment with its page; another start's payment is not it", async () => {
    const first = input();
    const recover = (key: string, tags = first.tags) => invoice.hosted!.recoverStart!({ invoiceId: first.invoiceId, startKey: key, tags: { ...tags, cw_start: key } });
    expect(await recover(first.startKey)).toEqual({ kind: "none" });
    const start = await invoice.hosted!.start(first, {});
    if (start.kind !== "started") throw new Error(JSON.stringify(start));
    expect(await recover(first.startKey)).toMatchObject({
      kind: "found",
      reference: start.reference,
      state: { kind: "open", tags: { cw_start: first.startKey } },
      page: { url: start.url, frameAllowed: false, frameWidth: 400, expiresAt: start.expiresAt },
    });
    // Another start key: the order's latest payment is not that start's, so that start made none.
    expect(await recover("0".repeat(32))).toEqual({ kind: "none" });
    await payOnHostedPage(start.url, { cardNumber: "4000000000003055" });
    const paid = await recover(first.startKey);
    expect(paid).toMatchObject({ kind: "found", reference: start.reference, state: { kind: "approved", transaction: { amount: 120 } }, page: null });
  });

  it("recoverStart (RBS): none for an unknown start; an unpaid order whose page was lost is declined (decline.do) and answered closed; a paid one approved", async () => {
    const lost = input();
    const tags = lost.tags;
    expect(await rbs.hosted!.recoverStart!({ invoiceId: lost.invoiceId, startKey: lost.startKey, tags })).toEqual({ kind: "none" });
    const start = await rbs.hosted!.start(lost, {});
    if (start.kind !== "started") throw new Error(JSON.stringify(start));
    const found = await rbs.hosted!.recoverStart!({ invoiceId: lost.invoiceId, startKey: lost.startKey, tags });
    expect(found).toMatchObject({ kind: "found", reference: start.reference, state: { kind: "closed", tags: { cw_start: lost.startKey } }, page: null });
    expect(await rbsClient.getOrderStatusExtended({ orderId: start.reference })).toMatchObject({ state: "reversed", amounts: { approved: 0 } });
    // Its page takes no money any more.
    await payOnHostedPage(start.url, { cardNumber: "4000000000003055" });
    expect(await rbsClient.getOrderStatusExtended({ orderId: start.reference })).toMatchObject({ state: "reversed", amounts: { approved: 0 } });
    expect(await rbs.findOutcome(start.reference)).toMatchObject({ kind: "closed" });

    const paidInput = input();
    const paidStart = await rbs.hosted!.start(paidInput, {});
    if (paidStart.kind !== "started") throw new Error(JSON.stringify(paidStart));
    await payOnHostedPage(paidStart.url, { cardNumber: "4000000000003055" });
    expect(await rbs.hosted!.recoverStart!({ invoiceId: paidInput.invoiceId, startKey: paidInput.startKey, tags: paidInput.tags })).toMatchObject({
      kind: "found",
      reference: paidStart.reference,
      state: { kind: "approved", transaction: { captured: true, amount: 120 } },
    });
  });

  it("a bad request is a refusal, not an outage: an unknown currency, a sum RBS cannot send", async () => {
    expect(await invoice.hosted?.start({ ...input(), currency: "GBP" }, {})).toMatchObject({ kind: "invalid" });
    expect(await rbs.hosted?.start({ ...input(), amount: 10.005 }, {})).toMatchObject({ kind: "invalid" });
  });
});
