// The sandbox's CloudPayments side for recovery: payments/find by invoice, and the Pay, Fail,
// Confirm, Refund and Cancel notifications, signed with the API Secret as the gateway documents.
import crypto from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type NotificationType, type Sandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

interface Received {
  type: string;
  method: string;
  body: string;
  fields: Record<string, string>;
  contentHmac: string;
  xContentHmac: string;
}

/** A shop that records what arrives, answers `{"code":0}`, and can fail the first few. */
async function startShop(options: { failFirst?: number; answer?: string } = {}) {
  const received: Received[] = [];
  let failures = options.failFirst ?? 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = req.method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8");
    if (failures > 0) {
      failures--;
      res.statusCode = 500;
      res.end("not now");
      return;
    }
    received.push({
      type: url.pathname.split("/").at(-1) ?? "",
      method: req.method ?? "",
      body,
      fields: Object.fromEntries(new URLSearchParams(body)),
      contentHmac: String(req.headers["content-hmac"] ?? ""),
      xContentHmac: String(req.headers["x-content-hmac"] ?? ""),
    });
    res.setHeader("Content-Type", "application/json");
    res.end(options.answer ?? '{"code":0}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cp`;
  return {
    base,
    received,
    urls: Object.fromEntries((["Pay", "Fail", "Confirm", "Refund", "Cancel"] as const).map((t) => [t, `${base}/${t.toLowerCase()}`])) as Record<NotificationType, string>,
    async waitFor(predicate: (r: Received) => boolean, count = 1, timeoutMs = 5000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.filter(predicate).length < count) {
        if (Date.now() > deadline) throw new Error(`only ${received.filter(predicate).length} of ${count} notifications arrived`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received.filter(predicate);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The signature as the gateway documents it, written out independently of the sandbox's code. */
const hmacOf = (secret: string, text: string) => crypto.createHmac("sha256", secret).update(text, "utf8").digest("base64");

let shop: Awaited<ReturnType<typeof startShop>>;
let sandbox: Sandbox;
let api: SandboxClient;
let invoices = 0;
const newInvoice = () => `ntf-${Date.now().toString(36)}-${++invoices}`;

beforeAll(async () => {
  shop = await startShop();
  sandbox = await startSandbox({ port: 0, notifications: { urls: shop.urls, retryDelaysMs: [30, 30] } });
  api = new SandboxClient(sandbox);
});
afterAll(async () => {
  await sandbox?.close();
  await shop?.close();
});

const forTransaction = (id: unknown) => (r: Received) => r.fields.TransactionId === String(id);

describe("payments/find and v2/payments/find", () => {
  it("answers an invoice's last payment in any status, and Not found for an unknown invoice", async () => {
    const invoiceId = newInvoice();
    expect((await api.post("/payments/find", { InvoiceId: invoiceId })).body).toEqual({ Success: false, Message: "Not found" });
    const declined = await api.post("/payments/cards/charge", api.payment("4000 0566 5566 5556", { InvoiceId: invoiceId }));
    const declinedId = (declined.body.Model as { TransactionId: number }).TransactionId;
    expect((await api.post("/payments/find", { InvoiceId: invoiceId })).body.Model).toMatchObject({ TransactionId: declinedId, Status: "Declined", InvoiceId: invoiceId });
    const paid = await api.post("/payments/cards/charge", api.payment("4000 0000 0000 3055", { InvoiceId: invoiceId }), { form: true });
    const paidId = (paid.body.Model as { TransactionId: number }).TransactionId;
    const found = await api.post("/payments/find", { InvoiceId: invoiceId });
    expect(found.body).toMatchObject({ Success: true, Model: { TransactionId: paidId, Status: "Completed", Type: 0 } });
    // A refund is an operation for v2, not a payment for the old method.
    const refund = await api.post("/payments/refund", { TransactionId: paidId, Amount: 150.5 });
    const refundId = (refund.body.Model as { TransactionId: number }).TransactionId;
    expect((await api.post("/payments/find", { InvoiceId: invoiceId })).body.Model).toMatchObject({ TransactionId: paidId, Refunded: true });
    expect((await api.post("/v2/payments/find", { InvoiceId: invoiceId })).body.Model).toMatchObject({ TransactionId: refundId, Type: 1, OriginalTransactionId: paidId });
  });

  it("needs the InvoiceId and the credentials", async () => {
    expect((await api.post("/payments/find", {})).body).toEqual({ Success: false, Message: "InvoiceId is required" });
    expect((await api.post("/payments/find", { InvoiceId: "x" }, { auth: false })).status).toBe(401);
  });
});

describe("notifications", () => {
  it("Pay after an approval: the documented fields, form-encoded, signed over the raw and the decoded body", async () => {
    const invoiceId = `${newInvoice()} №1&x`;
    const { body } = await api.post("/payments/cards/charge", api.payment("4000 0000 0000 3055", { InvoiceId: invoiceId, JsonData: { note: "тест" } }));
    const id = (body.Model as { TransactionId: number }).TransactionId;
    const [pay] = await shop.waitFor(forTransaction(id));
    expect(pay).toMatchObject({ type: "pay", method: "POST" });
    expect(pay?.fields).toMatchObject({
      TransactionId: String(id),
      Amount: "150.50",
      Currency: "RUB",
      PaymentAmount: "150.50",
      PaymentCurrency: "RUB",
      DateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      CardFirstSix: "400000",
      CardLastFour: "3055",
      CardType: "Visa",
      CardExpDate: "12/30",
      TestMode: "1",
      Status: "Completed",
      OperationType: "Payment",
      InvoiceId: invoiceId,
      AccountId: "user_x",
      Email: "shopper@example.com",
      AuthCode: "A1B2C3",
      Data: JSON.stringify({ note: "тест" }),
      Token: expect.any(String),
      GatewayName: expect.any(String),
    });
    expect(pay?.contentHmac).toBe(hmacOf(sandbox.apiSecret, pay?.body ?? ""));
    expect(pay?.xContentHmac).toBe(hmacOf(sandbox.apiSecret, decodeURIComponent((pay?.body ?? "").replace(/\+/g, " "))));
    // No card number, CVC or cryptogram goes to the shop.
    expect(pay?.body).not.toMatch(/4000000000003055|CardCryptogram|123@/);
  });

  it("Fail after a decline, with the reason; a 3-D Secure challenge notifies nothing until post3ds", async () => {
    const declined = await api.post("/payments/cards/charge", api.payment("4000 0566 5566 5556", { InvoiceId: newInvoice() }));
    const id = (declined.body.Model as { TransactionId: number }).TransactionId;
    const [fail] = await shop.waitFor(forTransaction(id));
    expect(fail).toMatchObject({ type: "fail", fields: { ReasonCode: "5051", Reason: "InsufficientFunds", OperationType: "Payment" } });
    expect(fail?.fields.Status).toBeUndefined();
    const challenge = await api.post("/payments/cards/charge", api.payment("4242 4242 4242 4242", { InvoiceId: newInvoice() }));
    const challengeId = (challenge.body.Model as { TransactionId: number }).TransactionId;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(shop.received.filter(forTransaction(challengeId))).toHaveLength(0);
  });

  it("Confirm, Cancel and Refund follow the operations on a payment", async () => {
    const held = await api.post("/payments/cards/auth", api.payment("4000 0000 0000 3055", { InvoiceId: newInvoice() }));
    const heldId = (held.body.Model as { TransactionId: number }).TransactionId;
    await api.post("/payments/confirm", { TransactionId: heldId, Amount: 100 });
    const kinds = (id: number) => shop.received.filter(forTransaction(id)).map((r) => `${r.type}:${r.fields.Status ?? ""}`);
    await shop.waitFor(forTransaction(heldId), 2);
    expect(kinds(heldId)).toEqual(["pay:Authorized", "confirm:Completed"]);
    expect(shop.received.filter(forTransaction(heldId))[1]?.fields.Amount).toBe("100.00");

    const voided = await api.post("/payments/cards/auth", api.payment("4000 0000 0000 3055", { InvoiceId: newInvoice() }));
    const voidedId = (voided.body.Model as { TransactionId: number }).TransactionId;
    await api.post("/payments/void", { TransactionId: voidedId });
    await shop.waitFor(forTransaction(voidedId), 2);
    expect(kinds(voidedId)).toEqual(["pay:Authorized", "cancel:"]);

    const charged = await api.post("/payments/cards/charge", api.payment("4000 0000 0000 3055", { InvoiceId: newInvoice() }));
    const chargedId = (charged.body.Model as { TransactionId: number }).TransactionId;
    const refund = await api.post("/payments/refund", { TransactionId: chargedId, Amount: 50 });
    const refundId = (refund.body.Model as { TransactionId: number }).TransactionId;
    const [refunded] = await shop.waitFor(forTransaction(refundId));
    expect(refunded).toMatchObject({ type: "refund", fields: { PaymentTransactionId: String(chargedId), Amount: "50.00", OperationType: "Refund" } });
  });

  it("an idempotent repeat of a charge does not notify twice", async () => {
    const requestId = crypto.randomUUID();
    const params = api.payment("4000 0000 0000 3055", { InvoiceId: newInvoice() });
    const first = await api.post("/payments/cards/charge", params, { requestId });
    await api.post("/payments/cards/charge", params, { requestId });
    const id = (first.body.Model as { TransactionId: number }).TransactionId;
    await shop.waitFor(forTransaction(id));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(shop.received.filter(forTransaction(id))).toHaveLength(1);
  });
});

describe("notification delivery", () => {
  it("retries until the shop answers {\"code\":0}, then stops; gives up after its retries", async () => {
    const flaky = await startShop({ failFirst: 2 });
    const refusing = await startShop({ answer: '{"code":13}' });
    const own = await startSandbox({ port: 0, notifications: { urls: { Pay: flaky.urls.Pay, Fail: refusing.urls.Fail }, retryDelaysMs: [20, 20] } });
    try {
      const client = new SandboxClient(own);
      const paid = await client.post("/payments/cards/charge", client.payment("4000 0000 0000 3055"));
      const paidId = (paid.body.Model as { TransactionId: number }).TransactionId;
      await flaky.waitFor(forTransaction(paidId));
      const declined = await client.post("/payments/cards/charge", client.payment("4000 0566 5566 5556"));
      const declinedId = Number((declined.body.Model as { TransactionId: number }).TransactionId);
      await refusing.waitFor(forTransaction(declinedId), 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(refusing.received.filter(forTransaction(declinedId))).toHaveLength(3);
      expect(own.notifications.deliveries().map((d) => [d.type, d.attempts, d.outcome])).toEqual([
        ["Pay", 3, "delivered"],
        ["Fail", 3, "failed"],
      ]);
    } finally {
      await own.close();
      await flaky.close();
      await refusing.close();
    }
  });

  it("is set per type through /site/notifications/{Type}/update, by GET when asked, and only to loopback", async () => {
    const own = await startSandbox({ port: 0 });
    // Its own shop: transaction ids of two sandboxes overlap.
    const getShop = await startShop();
    try {
      const client = new SandboxClient(own);
      expect((await client.post("/site/notifications/pay/get")).body.Model).toEqual({
        IsEnabled: false,
        Address: null,
        HttpMethod: "POST",
        Encoding: "UTF8",
        Format: "CloudPayments",
      });
      expect((await client.post("/site/notifications/pay/update", { IsEnabled: true, Address: "https://shop.example/pay" })).body).toEqual({
        Success: false,
        Message: expect.stringMatching(/loopback/),
      });
      expect((await client.post("/site/notifications/pay/update", { IsEnabled: true })).body.Message).toBe("Address is required");
      const address = `${getShop.urls.Pay}?shop=7`;
      expect((await client.post("/site/notifications/Pay/update", { IsEnabled: true, Address: address, HttpMethod: "GET" })).body.Success).toBe(true);
      expect((await client.post("/site/notifications/pay/get")).body.Model).toMatchObject({ IsEnabled: true, Address: address, HttpMethod: "GET" });
      const paid = await client.post("/payments/cards/charge", client.payment("4000 0000 0000 3055"));
      const [got] = await getShop.waitFor(forTransaction((paid.body.Model as { TransactionId: number }).TransactionId));
      expect(got?.method).toBe("GET");
      // Signed over the whole query string the shop receives, its own part included.
      expect(got?.body.startsWith("shop=7&")).toBe(true);
      expect(got?.contentHmac).toBe(hmacOf(own.apiSecret, got?.body ?? ""));
      await expect(startSandbox({ port: 0, notifications: { urls: { Pay: "https://shop.example/pay" } } })).rejects.toThrow(/loopback/);
    } finally {
      await own.close();
      await getShop.close();
    }
  });
});
