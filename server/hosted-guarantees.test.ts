// The charge-once guarantees on gateways' own pages (Invoice, RBS), where the attempt store's
// leases, unresolved holds and notification settlement meet the hosted flow: overlapping starts on
// two kit instances sharing one store, a page whose hold lapsed while the shopper paid (recovered,
// reported once), a lapsed hold whose page is still open (held again, the same page), and a
// callback on one instance with the return on the other (one report).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryAttemptStore } from "./attempts/index.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import { payOnHostedPage, startSandbox, type Sandbox } from "../sandbox/index.ts";
import { pay, returnPage, startGatewayMerchant, visit, waitFor, type GatewayMerchant } from "./gateway-merchant.fixture.ts";

const APPROVED = "4000000000003055";
const HOUR = 60 * 60_000;

let sandbox: Sandbox;
const merchants: GatewayMerchant[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rbs: { callbackRetryDelaysMs: [100, 200] } });
});
afterAll(async () => {
  for (const m of merchants) await m.close();
  await sandbox.close();
});

async function merchant(...args: Parameters<typeof startGatewayMerchant>): Promise<GatewayMerchant> {
  const m = await startGatewayMerchant(...args);
  merchants.push(m);
  return m;
}

const registersOf = (ms: GatewayMerchant[], invoiceId: string) =>
  ms.flatMap((m) => m.gatewayRequests).filter((r) => r.path.endsWith("/register.do") && r.body.includes(encodeURIComponent(invoiceId)));

describe("RBS on two kit instances sharing one attempt store", () => {
  it("twenty overlapping starts with their own request ids on both instances register one payment at the bank", async () => {
    const store = memoryAttemptStore();
    const orders = new Map<string, CheckoutOrder>();
    const a = await merchant({ sandbox, kind: "rbs", orders, handlerOptions: { attemptStore: store } });
    const b = await merchant({ sandbox, kind: "rbs", orders, handlerOptions: { attemptStore: store } });
    const invoiceId = a.newOrder();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pay(i % 2 === 0 ? a : b, { invoiceId })));
    const redirects = answers.filter((x) => x.json.status === "redirect");
    expect(redirects.length).toBeGreaterThanOrEqual(1);
    for (const other of answers.filter((x) => x.json.status !== "redirect")) expect(other).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(new Set(redirects.map((x) => x.json.paymentId)).size).toBe(1);
    expect(registersOf([a, b], invoiceId)).toHaveLength(1);
  });

  it("the bank's callback settles the order on one instance, the shopper's return on the other reports nothing again", async () => {
    const store = memoryAttemptStore();
    const orders = new Map<string, CheckoutOrder>();
    const b = await merchant({ sandbox, kind: "rbs", orders, handlerOptions: { attemptStore: store } });
    // A's orders tell the bank to call B back: the callback and the return reach different instances.
    const a = await merchant({ sandbox, kind: "rbs", orders, handlerOptions: { attemptStore: store, notificationUrl: b.notificationUrl } });
    const invoiceId = a.newOrder();
    const started = await pay(a, { invoiceId });
    expect(started.json.status).toBe("redirect");
    const paid = await payOnHostedPage(String(started.json.url), { cardNumber: APPROVED });
    await waitFor(() => b.events.some((e) => e.invoiceId === invoiceId && e.stage === "notification"));
    expect(b.events.filter((e) => e.invoiceId === invoiceId).map((e) => `${e.stage}:${e.result.status}`)).toEqual(["notification:approved"]);

    const back = await returnPage(await visit(paid.location ?? ""));
    expect(back.message).toMatchObject({ result: { status: "approved", transactionId: started.json.paymentId } });
    // Reported once on all instances: A told the widget, but onResult heard it from B alone.
    expect(a.events.filter((e) => e.invoiceId === invoiceId).map((e) => `${e.stage}:${e.result.status}`)).toEqual(["pay:redirect"]);
    expect(await pay(a, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(await pay(b, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(registersOf([a, b], invoiceId)).toHaveLength(1);
  });
});

describe("Invoice: a page whose hold lapsed", () => {
  let offset = 0;
  let m: GatewayMerchant;
  beforeAll(async () => {
    // The store's clock runs ahead on demand: the hold lapses, the sandbox's page does not.
    m = await merchant({ sandbox, kind: "invoice", handlerOptions: { attemptStore: memoryAttemptStore({ now: () => Date.now() + offset }) } });
  });

  it("paid on the page while nobody reported it: the next attempt asks the gateway, records the approval once and is refused", async () => {
    const invoiceId = m.newOrder();
    const started = await pay(m, { invoiceId });
    expect(started.json.status).toBe("redirect");
    const paid = await payOnHostedPage(String(started.json.url), { cardNumber: APPROVED }); // and never comes back
    offset += 2 * HOUR;

    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    const reports = () => m.events.filter((e) => e.invoiceId === invoiceId).map((e) => `${e.stage}:${e.result.status}`);
    expect(reports()).toEqual(["pay:redirect", "recovery:approved"]);
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    // The shopper's late return shows the payment and reports nothing again.
    const back = await returnPage(await visit(paid.location ?? ""));
    expect(back.message).toMatchObject({ result: { status: "approved", transactionId: started.json.paymentId } });
    expect(reports()).toEqual(["pay:redirect", "recovery:approved"]);
  });

  it("still open on the gateway: held again, and a new attempt is sent to the same page, never a second payment", async () => {
    const invoiceId = m.newOrder();
    const started = await pay(m, { invoiceId });
    expect(started.json.status).toBe("redirect");
    offset += 2 * HOUR;

    const again = await pay(m, { invoiceId });
    expect(again).toMatchObject({ status: 200, json: { status: "redirect", paymentId: started.json.paymentId, url: started.json.url } });
    const creates = m.gatewayRequests.filter((r) => r.path.endsWith("/CreatePayment") && r.body.includes(invoiceId));
    expect(creates).toHaveLength(1);
  });
});
