// `POST {endpoint}/pay/abandon` against the real sandbox: the widget's word that its shopper left
// 3-D Secure makes the kit look at the gateway, and only a challenge the gateway still holds open
// is reported abandoned and freed. A later completion of that challenge still wins, and one order
// is still charged at most once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import { memoryAttemptStore, type AttemptStore } from "./attempts/index.ts";
import type { PayThreeDs } from "./contract.ts";
import { CARDS, authenticateAtAcs, pageData, postAbandon, postPay, postReturn, startMerchant, type Merchant } from "./merchant.fixture.ts";

let sandbox: Sandbox;
const merchants: Merchant[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterEach(async () => {
  await Promise.all(merchants.splice(0).map((m) => m.close()));
});
afterAll(async () => {
  await sandbox?.close();
});

let invoices = 0;
async function shop(store: AttemptStore = memoryAttemptStore()): Promise<{ merchant: Merchant; store: AttemptStore; invoiceId: string }> {
  const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: store } });
  merchants.push(merchant);
  const invoiceId = `inv-abandon-${Date.now().toString(36)}-${++invoices}`;
  merchant.orders.set(invoiceId, { amount: 1500, currency: "RUB" });
  return { merchant, store, invoiceId };
}

const body = (m: Merchant, invoiceId: string, card: string = CARDS.threeDs) => ({ cryptogram: m.cryptogram(card), name: "CARD HOLDER", invoiceId });
const payments = (invoiceId: string) => sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Type === 0);
const charged = (invoiceId: string) => payments(invoiceId).filter((t) => t.Status === "Completed" || t.Status === "Authorized");
const lookups = (m: Merchant) => m.gatewayCalls.filter((path) => path === "/payments/get").length;

async function challengeFor(m: Merchant, invoiceId: string): Promise<PayThreeDs> {
  const answer = await postPay(m, body(m, invoiceId), { requestId: crypto.randomUUID() });
  expect(answer.json.status).toBe("3ds");
  return answer.json as unknown as PayThreeDs;
}

describe("the shopper cancels 3-D Secure", () => {
  it("the kit asks the gateway, reports the challenge abandoned once and frees the order; nothing is charged", async () => {
    const { merchant, store, invoiceId } = await shop();
    const challenge = await challengeFor(merchant, invoiceId);

    const answer = await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId });
    expect(answer).toMatchObject({ status: 200, json: { status: "abandoned", transactionId: challenge.transactionId } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(lookups(merchant)).toBe(1);
    const abandoned = merchant.events.filter((e) => e.stage === "abandon");
    expect(abandoned).toEqual([{ stage: "abandon", invoiceId, result: { status: "abandoned", transactionId: challenge.transactionId, message: expect.any(String) } }]);
    expect((await store.read(invoiceId)).hold).toBeNull();
    // The gateway still holds the transaction unfinished; nothing was charged.
    expect(payments(invoiceId).map((t) => t.Status)).toEqual(["AwaitingAuthentication"]);

    // Said again (a double click, a replay): no second look at the gateway, no second report.
    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId })).toMatchObject({ status: 404, json: { code: "no_challenge" } });
    expect(lookups(merchant)).toBe(1);
    expect(merchant.events.filter((e) => e.stage === "abandon")).toHaveLength(1);

    // The order is open: the next attempt pays it.
    expect((await postPay(merchant, body(merchant, invoiceId, CARDS.approved), { requestId: crypto.randomUUID() })).json.status).toBe("approved");
    expect(charged(invoiceId)).toHaveLength(1);
  });

  it("a bank page completed after the cancel still wins: approved, reported after the abandonment, charged once", async () => {
    const { merchant, invoiceId } = await shop();
    const challenge = await challengeFor(merchant, invoiceId);
    const acs = await authenticateAtAcs(challenge, "123456");
    expect((await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId })).json.status).toBe("abandoned");

    const page = await postReturn(acs.action, acs, "iframe");
    expect(pageData(await page.text()).message.result).toMatchObject({ status: "approved", transactionId: challenge.transactionId });
    expect(charged(invoiceId)).toHaveLength(1);
    expect(merchant.events.filter((e) => e.stage !== "pay").map((e) => `${e.stage}:${e.result.status}`)).toEqual(["abandon:abandoned", "threeDsReturn:approved"]);
    // Paid: the widget's word cannot reopen it.
    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("after a new attempt paid the order, the abandoned challenge's return is not completed: one charge", async () => {
    const { merchant, invoiceId } = await shop();
    const challenge = await challengeFor(merchant, invoiceId);
    const acs = await authenticateAtAcs(challenge, "123456");
    await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId });
    expect((await postPay(merchant, body(merchant, invoiceId, CARDS.approved), { requestId: crypto.randomUUID() })).json.status).toBe("approved");

    const page = await postReturn(acs.action, acs, "iframe");
    expect(pageData(await page.text()).message.result).toMatchObject({ status: "error", code: "already_paid" });
    expect(charged(invoiceId)).toHaveLength(1);
    expect(payments(invoiceId).find((t) => t.TransactionId === challenge.transactionId)?.Status).toBe("AwaitingAuthentication");
  });

  it("a cancel that races the challenge's completion: at most one charge, and the approval is the last word", async () => {
    for (let round = 0; round < 4; round++) {
      const { merchant, invoiceId } = await shop();
      const challenge = await challengeFor(merchant, invoiceId);
      const acs = await authenticateAtAcs(challenge, "123456");
      const [abandoned, page] = await Promise.all([
        postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId }),
        postReturn(acs.action, acs, "iframe"),
      ]);
      const result = pageData(await page.text()).message.result as { status: string };
      expect(result.status).toBe("approved");
      expect(charged(invoiceId)).toHaveLength(1);
      expect([200, 404, 409]).toContain(abandoned.status);
      const told = merchant.events.filter((e) => e.stage !== "pay").map((e) => e.result.status);
      expect(told.at(-1)).toBe("approved");
    }
  });

  it("only this order's open challenge of that transaction: anything else is refused without a gateway call or a report", async () => {
    const { merchant, invoiceId } = await shop();
    const challenge = await challengeFor(merchant, invoiceId);
    const other = `${invoiceId}-other`;
    merchant.orders.set(other, { amount: 1500, currency: "RUB" });
    const before = lookups(merchant);

    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId + 1 })).toMatchObject({ status: 404, json: { code: "no_challenge" } });
    expect(await postAbandon(merchant, { invoiceId: other, transactionId: challenge.transactionId })).toMatchObject({ status: 404, json: { code: "no_challenge" } });
    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId }, { origin: "https://evil.example" })).toMatchObject({ status: 403, json: { code: "origin_refused" } });
    expect(await postAbandon(merchant, { invoiceId })).toMatchObject({ status: 400, json: { code: "bad_request" } });
    expect(await postAbandon(merchant, { invoiceId, transactionId: -3 })).toMatchObject({ status: 400, json: { code: "bad_request" } });
    expect(await postAbandon(merchant, "not json")).toMatchObject({ status: 400, json: { code: "bad_request" } });
    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId, pad: "x".repeat(2000) })).toMatchObject({ status: 413 });
    const wrongType = await fetch(merchant.abandonUrl, { method: "POST", headers: { "Content-Type": "text/plain", Origin: "https://shop.example" }, body: "{}" });
    expect(wrongType.status).toBe(415);

    expect(lookups(merchant)).toBe(before);
    expect(merchant.events.filter((e) => e.stage === "abandon")).toEqual([]);
    // The challenge is still open: its own cancel is still heard.
    expect((await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId })).json.status).toBe("abandoned");
  });

  it("while the challenge's completion runs, the cancel is refused: no report, nothing changes at the gateway", async () => {
    const { merchant, store, invoiceId } = await shop();
    const challenge = await challengeFor(merchant, invoiceId);
    // What the return route does before post3ds: the same attempt's claim moves the hold to a call.
    const held = (await store.read(invoiceId)).hold;
    expect(held?.stage).toBe("challenge");
    await store.claim(invoiceId, { attemptId: held?.attemptId ?? "", stage: "call", reference: String(challenge.transactionId), ttlMs: 60_000, renews: ["challenge"] });
    expect(await postAbandon(merchant, { invoiceId, transactionId: challenge.transactionId })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(merchant.events.filter((e) => e.stage === "abandon")).toEqual([]);
    expect(payments(invoiceId).map((t) => t.Status)).toEqual(["AwaitingAuthentication"]);
  });

  it("a preflight from an allowed origin is answered; the store being down is a 503 without a gateway call", async () => {
    const { merchant } = await shop();
    const preflight = await fetch(merchant.abandonUrl, {
      method: "OPTIONS",
      headers: { Origin: "https://shop.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");

    const failing: AttemptStore = { ...memoryAttemptStore(), read: () => Promise.reject(new Error("down")) };
    const down = await shop(failing);
    const before = lookups(down.merchant);
    expect(await postAbandon(down.merchant, { invoiceId: down.invoiceId, transactionId: 42 })).toMatchObject({ status: 503, json: { code: "gateway_unavailable" } });
    expect(lookups(down.merchant)).toBe(before);
  });
});
