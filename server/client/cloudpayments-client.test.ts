import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { createCryptogram } from "../../widget/src/cryptogram/index.ts";
import { CARDS, authenticateAtAcs, closeServer, listen } from "../merchant.fixture.ts";
import { CloudPaymentsClient, GatewayAuthError, GatewayHttpError, GatewayTransportError, cloudPaymentsNotificationHmac } from "./index.ts";
import type { CardPaymentRequest, PaymentResult, TransactionModel } from "./index.ts";

let sandbox: Sandbox;
let client: CloudPaymentsClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret });
});
afterAll(() => sandbox.close());

function cardRequest(card: string, extra: Partial<CardPaymentRequest> = {}): CardPaymentRequest {
  return {
    Amount: 100,
    Currency: "RUB",
    IpAddress: "203.0.113.5",
    Name: "CARD HOLDER",
    CardCryptogramPacket: createCryptogram(
      { cardNumber: card, expDateMonthYear: "12/30", cvv: "123" },
      { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion },
    ),
    InvoiceId: "client-test",
    AccountId: "user-7",
    ...extra,
  };
}

function approved(result: PaymentResult): TransactionModel {
  if (result.kind !== "approved") throw new Error(`expected approved, got ${JSON.stringify(result)}`);
  return result.model;
}

describe("CloudPaymentsClient against the sandbox", () => {
  it("test() answers ok with the gateway's request GUID", async () => {
    const result = await client.test();
    expect(result.ok).toBe(true);
  });

  it("cards.charge approves a non-3-D Secure card as Completed", async () => {
    const model = approved(await client.cards.charge(cardRequest(CARDS.approved)));
    expect(model).toMatchObject({ Status: "Completed", Amount: 100, CardLastFour: "3055", ReasonCode: 0 });
  });

  it("cards.charge declines with the reason code", async () => {
    const result = await client.cards.charge(cardRequest(CARDS.declined));
    expect(result.kind).toBe("declined");
    if (result.kind === "declined") expect(result.model).toMatchObject({ ReasonCode: 5051, Status: "Declined" });
  });

  it("cards.charge answers invalid with the gateway's message for a bad request", async () => {
    const result = await client.cards.charge(cardRequest(CARDS.approved, { Amount: -1 }));
    expect(result).toEqual({ kind: "invalid", message: expect.stringMatching(/Amount/) });
  });

  it("cards.auth authorises, payments.confirm captures, payments.get reads", async () => {
    const model = approved(await client.cards.auth(cardRequest(CARDS.approved)));
    expect(model.Status).toBe("Authorized");
    const confirmed = await client.payments.confirm({ TransactionId: model.TransactionId, Amount: 100 });
    expect(confirmed.ok).toBe(true);
    const found = await client.payments.get({ TransactionId: model.TransactionId });
    expect(found).toMatchObject({ ok: true, model: { TransactionId: model.TransactionId, Status: "Completed" } });
  });

  it("payments.void cancels an authorisation and refuses a completed payment", async () => {
    const authorised = approved(await client.cards.auth(cardRequest(CARDS.approved)));
    expect((await client.payments.void({ TransactionId: authorised.TransactionId })).ok).toBe(true);
    const voided = await client.payments.get({ TransactionId: authorised.TransactionId });
    expect(voided).toMatchObject({ ok: true, model: { Status: "Cancelled" } });
    const charged = approved(await client.cards.charge(cardRequest(CARDS.approved)));
    const refused = await client.payments.void({ TransactionId: charged.TransactionId });
    expect(refused).toEqual({ ok: false, message: expect.any(String) });
  });

  it("payments.refund returns the refund's transaction id", async () => {
    const charged = approved(await client.cards.charge(cardRequest(CARDS.approved)));
    const refund = await client.payments.refund({ TransactionId: charged.TransactionId, Amount: 40 });
    expect(refund.ok).toBe(true);
    if (refund.ok) expect(refund.model.TransactionId).not.toBe(charged.TransactionId);
  });

  it("payments.get answers not ok for an unknown transaction", async () => {
    expect((await client.payments.get({ TransactionId: 987654321 })).ok).toBe(false);
  });

  it("payments.find answers an invoice's last payment, v2.payments.find its last operation", async () => {
    const InvoiceId = `find-${Date.now()}`;
    expect(await client.payments.find({ InvoiceId })).toEqual({ ok: false, message: "Not found" });
    const declined = await client.cards.charge(cardRequest(CARDS.declined, { InvoiceId }));
    if (declined.kind !== "declined") throw new Error("expected a decline");
    // A declined payment comes with its Model too, whatever the envelope's Success says.
    expect(await client.payments.find({ InvoiceId })).toMatchObject({ ok: true, model: { TransactionId: declined.model.TransactionId, Status: "Declined" } });
    const paid = approved(await client.cards.charge(cardRequest(CARDS.approved, { InvoiceId })));
    const refund = await client.payments.refund({ TransactionId: paid.TransactionId, Amount: 100 });
    expect(await client.payments.find({ InvoiceId })).toMatchObject({ ok: true, model: { TransactionId: paid.TransactionId } });
    expect(await client.v2.payments.find({ InvoiceId })).toMatchObject({ ok: true, model: { TransactionId: refund.ok ? refund.model.TransactionId : -1, Type: 1 } });
  });

  it("notifications.verify checks the Content-HMAC with the client's API Secret", async () => {
    const body = "TransactionId=5&Amount=10.00&InvoiceId=%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7+1";
    const signed = await cloudPaymentsNotificationHmac(body, sandbox.apiSecret);
    // Independently: base64 of HMAC-SHA256 over the raw body.
    expect(signed).toBe(createHmac("sha256", sandbox.apiSecret).update(body).digest("base64"));
    expect(await client.notifications.verify(body, signed)).toEqual({ ok: true, fields: { TransactionId: "5", Amount: "10.00", InvoiceId: "заказ 1" } });
    expect(await client.notifications.verify(`${body}0`, signed)).toEqual({ ok: false, reason: "bad_signature" });
    expect(await client.notifications.verify(body, null)).toEqual({ ok: false, reason: "no_signature" });
    expect(await client.notifications.verify(body, "A")).toEqual({ ok: false, reason: "bad_signature" });
    const twice = "TransactionId=5&TransactionId=6";
    expect(await client.notifications.verify(twice, await cloudPaymentsNotificationHmac(twice, sandbox.apiSecret))).toEqual({ ok: false, reason: "malformed" });
    expect(client.timeoutMs).toBe(30_000);
  });

  it("cards.charge asks for 3-D Secure, and cards.post3ds completes it", async () => {
    const result = await client.cards.charge(cardRequest(CARDS.threeDs));
    if (result.kind !== "3ds") throw new Error(`expected 3ds, got ${result.kind}`);
    expect(result.model).toMatchObject({ AcsUrl: `${sandbox.url}/acs`, IFrameIsAllowed: true });
    const acs = await authenticateAtAcs(
      { acsUrl: result.model.AcsUrl, transactionId: result.model.TransactionId, paReq: result.model.PaReq, termUrl: "https://shop.example/3ds" },
      "123456",
    );
    const completed = approved(await client.cards.post3ds({ TransactionId: Number(acs.md), PaRes: acs.paRes }));
    expect(completed.Status).toBe("Completed");
  });

  it("tokens.charge and tokens.auth pay again with the token of an approval", async () => {
    const first = approved(await client.cards.charge(cardRequest(CARDS.approved, { SaveCard: true })));
    expect(typeof first.Token).toBe("string");
    const token = { Amount: 5, Currency: "RUB", AccountId: "user-7", Token: String(first.Token), TrInitiatorCode: 0 as const };
    expect(approved(await client.tokens.charge(token)).Status).toBe("Completed");
    expect(approved(await client.tokens.auth(token)).Status).toBe("Authorized");
  });

  it("subscriptions.create, get and cancel", async () => {
    const first = approved(await client.cards.charge(cardRequest(CARDS.approved)));
    const created = await client.subscriptions.create({
      Token: String(first.Token),
      AccountId: "user-7",
      Description: "Monthly",
      Email: "user@example.com",
      Amount: 300,
      Currency: "RUB",
      RequireConfirmation: false,
      StartDate: new Date(Date.now() + 86_400_000).toISOString(),
      Interval: "Month",
      Period: 1,
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.model).toMatchObject({ Amount: 300, Interval: "Month", Status: "Active" });
    const got = await client.subscriptions.get({ Id: created.model.Id });
    expect(got).toMatchObject({ ok: true, model: { Id: created.model.Id } });
    expect((await client.subscriptions.cancel({ Id: created.model.Id })).ok).toBe(true);
    expect(await client.subscriptions.get({ Id: created.model.Id })).toMatchObject({ model: { Status: "Cancelled" } });
  });

  it("orders.create returns a payment link", async () => {
    const order = await client.orders.create({ Amount: 700, Currency: "RUB", Description: "Invoice 7", Email: "a@example.com", RequireConfirmation: false, SendEmail: false });
    if (!order.ok) throw new Error(order.message);
    expect(order.model.Url).toMatch(/^https?:\/\//);
    expect(order.model.Amount).toBe(700);
  });

  it("requestId is sent as X-Request-ID: the same id pays once", async () => {
    const request = cardRequest(CARDS.approved);
    const requestId = crypto.randomUUID();
    const first = approved(await client.cards.charge(request, { requestId }));
    const second = approved(await client.cards.charge(request, { requestId }));
    expect(second.TransactionId).toBe(first.TransactionId);
  });
});

describe("CloudPaymentsClient transport", () => {
  it("sends Basic auth, JSON and X-Request-ID through the injected fetch", async () => {
    const seen: { url: string; headers: Headers; body: string }[] = [];
    const fake: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
      return Response.json({ Success: true, Message: null });
    };
    const faked = new CloudPaymentsClient({ baseUrl: "https://gw.example/", publicId: "pk_1", apiSecret: "s3cret", fetch: fake });
    await faked.payments.void({ TransactionId: 5 }, { requestId: "req-12345" });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("https://gw.example/payments/void");
    expect(seen[0]?.headers.get("authorization")).toBe(`Basic ${Buffer.from("pk_1:s3cret").toString("base64")}`);
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
    expect(seen[0]?.headers.get("x-request-id")).toBe("req-12345");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ TransactionId: 5 });
  });

  it("a wrong secret throws GatewayAuthError", async () => {
    const wrong = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: "wrong" });
    await expect(wrong.test()).rejects.toBeInstanceOf(GatewayAuthError);
    await expect(wrong.cards.charge(cardRequest(CARDS.approved))).rejects.toMatchObject({ code: "gateway_auth" });
  });

  it("a gateway that never answers throws a timeout that may have reached it", async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const slow = new CloudPaymentsClient({ baseUrl: url, publicId: "p", apiSecret: "s", timeoutMs: 150 });
      const error = await slow.cards.charge(cardRequest(CARDS.approved)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayTransportError);
      expect(error).toMatchObject({ reason: "timeout", mayHaveReachedGateway: true });
    } finally {
      await closeServer(silent);
    }
  });

  it("a connection reset after sending may have reached the gateway", async () => {
    const dropping = createServer((req) => req.socket.destroy());
    const url = await listen(dropping);
    try {
      const dropped = new CloudPaymentsClient({ baseUrl: url, publicId: "p", apiSecret: "s" });
      await expect(dropped.test()).rejects.toMatchObject({ code: "gateway_transport", reason: "network", mayHaveReachedGateway: true });
    } finally {
      await closeServer(dropping);
    }
  });

  it("a refused connection did not reach the gateway", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await closeServer(closed);
    const refused = new CloudPaymentsClient({ baseUrl: url, publicId: "p", apiSecret: "s" });
    await expect(refused.test()).rejects.toMatchObject({ code: "gateway_transport", mayHaveReachedGateway: false });
  });

  it("a caller's abort signal ends the call as a transport error", async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const slow = new CloudPaymentsClient({ baseUrl: url, publicId: "p", apiSecret: "s" });
      const controller = new AbortController();
      const pending = slow.test({ signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ reason: "aborted", mayHaveReachedGateway: true });
    } finally {
      await closeServer(silent);
    }
  });

  it.each([
    [500, "Internal error"],
    [429, JSON.stringify({ Success: false, Message: "Too many requests" })],
    [200, "<html>proxy page</html>"],
  ])("HTTP %i with %s throws GatewayHttpError", async (status, body) => {
    const faked = new CloudPaymentsClient({ publicId: "p", apiSecret: "s", fetch: async () => new Response(body, { status }) });
    await expect(faked.test()).rejects.toBeInstanceOf(GatewayHttpError);
  });
});
