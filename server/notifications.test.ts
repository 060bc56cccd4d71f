// The kit's CloudPayments notification handlers against the real sandbox sending real, signed
// notifications: a success is recorded even when its answer never came back and the shopper
// never returns; a forged notification changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import { basicAuthHeader } from "../sandbox/index.ts";
import { memoryAttemptStore, type AttemptStore } from "./attempts/index.ts";
import { cloudPaymentsNotificationHmac } from "./client/index.ts";
import { startGatewayProxy, type GatewayProxy } from "./gateway-proxy.fixture.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import type { PayThreeDs } from "./contract.ts";
import { CARDS, authenticateAtAcs, postPay, postReturn, startMerchant, type Merchant, type MerchantSetup } from "./merchant.fixture.ts";

let sandbox: Sandbox;
let proxy: GatewayProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, notifications: { retryDelaysMs: [50, 100, 200] } });
  proxy = await startGatewayProxy(sandbox.url);
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Points the sandbox's notifications at this merchant, as a shop does in its account. */
async function notifyTo(merchant: Merchant): Promise<void> {
  for (const [type, address] of Object.entries(merchant.notificationUrls)) {
    const response = await fetch(`${sandbox.url}/site/notifications/${type}/update`, {
      method: "POST",
      headers: { Authorization: basicAuthHeader(sandbox.publicId, sandbox.apiSecret), "Content-Type": "application/json" },
      body: JSON.stringify({ IsEnabled: true, Address: address, HttpMethod: "POST" }),
    });
    expect(((await response.json()) as { Success: boolean }).Success).toBe(true);
  }
}

let invoices = 0;
function newOrder(m: Merchant, order: CheckoutOrder = { amount: 1500, currency: "RUB" }): string {
  const invoiceId = `inv-ntf-${Date.now().toString(36)}-${++invoices}`;
  m.orders.set(invoiceId, order);
  return invoiceId;
}
const payments = (invoiceId: string) => sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Type === 0);
const body = (m: Merchant, invoiceId: string, card: string = CARDS.approved) => ({ cryptogram: m.cryptogram(card), name: "CARD HOLDER", invoiceId });

async function merchantWith(setup: MerchantSetup = {}): Promise<Merchant> {
  const merchant = await startMerchant({ sandbox, ...setup });
  await notifyTo(merchant);
  return merchant;
}

describe("Pay notifications", () => {
  it("record the approval whose answer was lost at once: no wait for the hold, the retry is answered, a new attempt is refused", async () => {
    const store = memoryAttemptStore();
    const merchant = await merchantWith({ baseUrl: proxy.url, handlerOptions: { attemptStore: store } });
    try {
      const invoiceId = newOrder(merchant);
      proxy.next("/payments/cards/charge", { kind: "drop" });
      const paying = crypto.randomUUID();
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: paying })).toMatchObject({ status: 502 });
      const [payment] = payments(invoiceId);
      const event = await until("the Pay notification", () => merchant.events.find((e) => e.stage === "notification" && e.invoiceId === invoiceId));
      expect(event.result).toMatchObject({ status: "approved", transactionId: payment?.TransactionId, amount: 1500, currency: "RUB", cardLastFour: "3055" });
      expect(event.gatewayModel).toMatchObject({ TransactionId: String(payment?.TransactionId), Status: "Completed" });
      expect((await store.read(invoiceId)).paid).toMatchObject({ reference: String(payment?.TransactionId) });
      // The shopper never comes back: the order is paid all the same. A new attempt is refused at once.
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).toMatchObject({ status: 409, json: { code: "already_paid" } });
      // The widget's retry with its own X-Request-ID is answered as approved.
      expect(await postPay(merchant, body(merchant, invoiceId), { requestId: paying })).toMatchObject({
        status: 200,
        json: { status: "approved", transactionId: payment?.TransactionId },
      });
      expect(payments(invoiceId)).toHaveLength(1);
      expect(sandbox.notifications.deliveries().find((d) => d.fields.TransactionId === String(payment?.TransactionId))?.outcome).toBe("delivered");
    } finally {
      await merchant.close();
    }
  });

  it("a notification of the payment the kit just recorded changes nothing; one approval, told twice, kept once", async () => {
    const merchant = await merchantWith();
    try {
      const invoiceId = newOrder(merchant);
      const paid = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      expect(paid.json.status).toBe("approved");
      await until("the Pay notification", () => merchant.events.find((e) => e.stage === "notification" && e.invoiceId === invoiceId));
      expect(payments(invoiceId).map((t) => [t.Status, t.Refunded])).toEqual([["Completed", false]]);
      expect(merchant.events.filter((e) => e.extraPayment !== undefined)).toEqual([]);
    } finally {
      await merchant.close();
    }
  });

  it("an approval for an order another payment paid is refunded at once and reported as an extra payment", async () => {
    const merchant = await merchantWith();
    try {
      const invoiceId = newOrder(merchant);
      const first = await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() });
      // Someone charges the same invoice outside the kit (another integration, the gateway's own page).
      const outside = await merchant.client.cards.charge({
        Amount: 1500,
        Currency: "RUB",
        IpAddress: "203.0.113.5",
        Name: "CARD HOLDER",
        CardCryptogramPacket: merchant.cryptogram(CARDS.approved),
        InvoiceId: invoiceId,
      });
      const outsideId = outside.kind === "approved" ? outside.model.TransactionId : 0;
      const event = await until("the extra payment", () => merchant.events.find((e) => e.stage === "notification" && e.extraPayment !== undefined));
      expect(event.extraPayment).toEqual({ reason: "duplicate", action: "reversed", transactionId: outsideId, paidReference: String(first.json.transactionId) });
      expect(payments(invoiceId).map((t) => [t.TransactionId, t.Refunded])).toEqual([
        [first.json.transactionId, false],
        [outsideId, true],
      ]);
    } finally {
      await merchant.close();
    }
  });
});

describe("Fail, Confirm, Refund and Cancel notifications", () => {
  it("a Fail frees the invoice held for that very transaction, and is reported; a late one frees nothing else", async () => {
    const store: AttemptStore = memoryAttemptStore();
    const merchant = await merchantWith({ baseUrl: proxy.url, handlerOptions: { attemptStore: store } });
    try {
      const invoiceId = newOrder(merchant);
      const { json } = await postPay(merchant, body(merchant, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() });
      const challenge = json as unknown as PayThreeDs;
      // The shopper types a wrong code; post3ds declines, and its answer is lost.
      const acs = await authenticateAtAcs(challenge, "000000");
      proxy.next("/payments/cards/post3ds", { kind: "drop" });
      await (await postReturn(acs.action, acs, "iframe")).text();
      const event = await until("the Fail notification", () => merchant.events.find((e) => e.stage === "notification" && e.invoiceId === invoiceId));
      expect(event.result).toMatchObject({ status: "declined", transactionId: challenge.transactionId, reasonCode: 5206 });
      // The gateway said the transaction was declined: the order is free at once, without asking.
      expect((await store.read(invoiceId)).hold).toBeNull();
      const lookups = merchant.gatewayCalls.filter((p) => p.endsWith("/get") || p.endsWith("/find")).length;
      expect((await postPay(merchant, body(merchant, invoiceId), { requestId: crypto.randomUUID() })).json.status).toBe("approved");
      expect(merchant.gatewayCalls.filter((p) => p.endsWith("/get") || p.endsWith("/find")).length).toBe(lookups);

      // A decline whose answer was lost names no transaction in the hold: it waits for the lookup.
      const other = newOrder(merchant);
      proxy.next("/payments/cards/charge", { kind: "drop" });
      expect((await postPay(merchant, body(merchant, other, CARDS.declined), { requestId: crypto.randomUUID() })).status).toBe(502);
      await until("the second Fail", () => merchant.events.find((e) => e.stage === "notification" && e.invoiceId === other));
      expect((await store.read(other)).hold).toMatchObject({ stage: "call", reference: null });
    } finally {
      await merchant.close();
    }
  });

  it("Confirm, Refund and Cancel reach onPaymentEvent with the payment they concern", async () => {
    const merchant = await merchantWith();
    try {
      const held = newOrder(merchant, { amount: 700, currency: "RUB", scheme: "auth" });
      const auth = await postPay(merchant, body(merchant, held), { requestId: crypto.randomUUID() });
      const heldId = auth.json.transactionId as number;
      await merchant.client.payments.confirm({ TransactionId: heldId, Amount: 700 });
      await merchant.client.payments.refund({ TransactionId: heldId, Amount: 200 });
      const voidable = newOrder(merchant, { amount: 300, currency: "RUB", scheme: "auth" });
      const second = await postPay(merchant, body(merchant, voidable), { requestId: crypto.randomUUID() });
      await merchant.client.payments.void({ TransactionId: second.json.transactionId as number });
      await until("three operations", () => (merchant.operations.length >= 3 ? true : undefined));
      const byKind = Object.fromEntries(merchant.operations.map((o) => [o.operation, o]));
      expect(byKind.confirmed).toMatchObject({ invoiceId: held, paymentTransactionId: heldId, transactionId: heldId, amount: 700 });
      expect(byKind.refunded).toMatchObject({ invoiceId: held, paymentTransactionId: heldId, amount: 200 });
      expect(byKind.refunded?.transactionId).not.toBe(heldId);
      expect(byKind.cancelled).toMatchObject({ invoiceId: voidable, paymentTransactionId: second.json.transactionId, amount: 300 });
    } finally {
      await merchant.close();
    }
  });
});

describe("what the handlers refuse", () => {
  async function post(merchant: Merchant, type: "pay" | "fail", fields: Record<string, string>, hmac: string | null) {
    const form = new URLSearchParams(fields).toString();
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
    if (hmac !== null) headers["Content-HMAC"] = hmac;
    const url = type === "pay" ? merchant.notificationUrls.Pay : merchant.notificationUrls.Fail;
    return fetch(url, { method: "POST", headers, body: form });
  }

  it("a forged, missing or tampered signature: 401, and nothing is settled or reported", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      const invoiceId = newOrder(merchant);
      const fields = {
        TransactionId: "987654",
        Amount: "1500.00",
        Currency: "RUB",
        Status: "Completed",
        OperationType: "Payment",
        InvoiceId: invoiceId,
        CardLastFour: "4242",
        CardType: "Visa",
      };
      const raw = new URLSearchParams(fields).toString();
      const tampered = new URLSearchParams({ ...fields, Amount: "1.00" }).toString();
      for (const [hmac, form] of [
        [null, raw],
        ["", raw],
        ["A", raw],
        [await cloudPaymentsNotificationHmac(raw, "not-the-api-secret"), raw],
        [await cloudPaymentsNotificationHmac(tampered, sandbox.apiSecret), raw],
      ] as const) {
        const response = await fetch(merchant.notificationUrls.Pay, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(hmac !== null && { "Content-HMAC": hmac }) },
          body: form,
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ code: 13 });
      }
      expect(merchant.events).toEqual([]);
      // The same body with the gateway's signature is accepted, and settles the order.
      const accepted = await post(merchant, "pay", fields, await cloudPaymentsNotificationHmac(raw, sandbox.apiSecret));
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ code: 0 });
      expect(merchant.events).toMatchObject([{ stage: "notification", invoiceId, result: { status: "approved", transactionId: 987654 } }]);
      // Signed, but not what a notification says (no Status): refused, for the gateway to send again.
      const odd = { ...fields, Status: "" };
      const unreadable = await post(merchant, "pay", odd, await cloudPaymentsNotificationHmac(new URLSearchParams(odd).toString(), sandbox.apiSecret));
      expect(unreadable.status).toBe(400);
    } finally {
      await merchant.close();
    }
  });

  it("answers 503 while the attempt store is down, so the gateway sends it again", async () => {
    const down: AttemptStore = {
      ...memoryAttemptStore(),
      read: () => Promise.reject(new Error("connection refused")),
    };
    const merchant = await startMerchant({ sandbox, handlerOptions: { attemptStore: down } });
    try {
      const invoiceId = newOrder(merchant);
      const fields = { TransactionId: "123456", Amount: "1500.00", Currency: "RUB", Status: "Completed", OperationType: "Payment", InvoiceId: invoiceId };
      const raw = new URLSearchParams(fields).toString();
      const response = await post(merchant, "pay", fields, await cloudPaymentsNotificationHmac(raw, sandbox.apiSecret));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: 13 });
    } finally {
      await merchant.close();
    }
  });
});
