import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOICE_TEST_CARD, payOnHostedPage, startSandbox, type Sandbox } from "../../../sandbox/index.ts";
import { closeServer, listen } from "../../merchant.fixture.ts";
import { GatewayAuthError, GatewayHttpError, GatewayTransportError } from "../errors.ts";
import type { GatewayHttpRequest } from "../gateway-http.ts";
import { InvoiceApiError, InvoiceClient } from "./index.ts";
import type { InvoiceCreatePaymentRequest, InvoicePayment, InvoiceResult } from "./index.ts";

const REFUND_DELAY_MS = 150;
let sandbox: Sandbox;
let client: InvoiceClient;
let terminalId: string;

function value<T>(result: InvoiceResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value;
}

function refusal<T>(result: InvoiceResult<T>): InvoiceApiError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, invoiceRefundDelayMs: REFUND_DELAY_MS });
  client = new InvoiceClient({ baseUrl: `${sandbox.url}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey });
  terminalId = value(await client.terminals.create({ name: "Client shop", alias: "client-shop", type: "dynamic" })).id;
});
afterAll(() => sandbox.close());

let orderNumber = 0;
function paymentRequest(extra: Partial<InvoiceCreatePaymentRequest> = {}): InvoiceCreatePaymentRequest {
  orderNumber += 1;
  return {
    order: { amount: 1500, currency: "RUB", description: "Order", id: `client-order-${orderNumber}-${Date.now()}` },
    settings: { terminal_id: terminalId, payment_method: "card", success_url: "https://shop.example/ok", fail_url: "https://shop.example/fail" },
    receipt: [{ name: "Item", price: 1500, resultPrice: 1500, quantity: 1 }],
    ...extra,
  };
}

async function paidPayment(request = paymentRequest()): Promise<InvoicePayment> {
  const payment = value(await client.payments.create(request));
  await payOnHostedPage(payment.payment_url, { cardNumber: "4000000000003055" });
  return payment;
}

describe("InvoiceClient against the sandbox", () => {
  it("terminals.create and terminals.get (by alias and by id)", async () => {
    const created = value(
      await client.terminals.create({ name: "Fixed", alias: "fixed-15", description: "Coffee", type: "static", defaultPrice: 15, canComments: true }),
    );
    expect(created).toEqual({
      id: expect.any(String),
      name: "Fixed",
      description: "Coffee",
      link: `${sandbox.url}/invoice/terminal/${created.id}`,
      type: "static",
      defaultPrice: 15,
      canComments: true,
      alias: "fixed-15",
    });
    expect(value(await client.terminals.get({ alias: "fixed-15" }))).toEqual(created);
    expect(value(await client.terminals.get({ id: created.id }))).toEqual(created);
    expect(refusal(await client.terminals.get({ alias: "missing" })).message).toBe("Terminal not found");
  });

  it("payments.create answers the payment with its payment_url; get, getByOrder read it", async () => {
    const request = paymentRequest({ custom_parameters: { customer: "c-7" }, trtype: 1 });
    const created = value(await client.payments.create(request));
    expect(created).toMatchObject({
      status: "init",
      status_description: "",
      order: { amount: 1500, currency: "RUB", description: "Order", id: request.order.id },
      custom_parameters: { customer: "c-7" },
      payment_url: `${sandbox.url}/invoice/pay/${created.id}`,
    });
    expect(created.error_code).toBeUndefined();
    expect(value(await client.payments.get({ id: created.id }))).toEqual(created);
    expect(value(await client.payments.getByOrder({ id: String(request.order.id) }))).toEqual(created);
  });

  it("reads the real outcome after the shopper pays: successful, or fail with the [class, code] pair", async () => {
    const approved = await paidPayment();
    expect(value(await client.payments.get({ id: approved.id })).status).toBe("successful");

    const declined = value(await client.payments.create(paymentRequest()));
    await payOnHostedPage(declined.payment_url, { cardNumber: "4000056655665556" });
    expect(value(await client.payments.get({ id: declined.id }))).toMatchObject({
      status: "fail",
      status_description: "Not sufficient funds",
      error_code: [2, 51],
    });

    const seedCard = value(await client.payments.create(paymentRequest()));
    await payOnHostedPage(seedCard.payment_url, { cardNumber: INVOICE_TEST_CARD.number, expiry: INVOICE_TEST_CARD.expiry, cvc: INVOICE_TEST_CARD.cvc });
    expect(value(await client.payments.get({ id: seedCard.id })).status).toBe("successful");
  });

  it("payments.close closes an unpaid payment and refuses a paid one", async () => {
    const open = value(await client.payments.create(paymentRequest()));
    expect(value(await client.payments.close({ id: open.id })).status).toBe("closed");
    const paid = await paidPayment();
    const refused = refusal(await client.payments.close({ id: paid.id }));
    expect(refused).toBeInstanceOf(InvoiceApiError);
    expect(refused).toMatchObject({ status: 400, path: "/ClosePayment", errorCode: null });
    expect(refused.message).toMatch(/refund it instead/);
  });

  it("refunds.create answers init; refunds.get answers successful a moment later", async () => {
    const paid = await paidPayment();
    const refund = value(
      await client.refunds.create({ id: paid.id, refund: { amount: 400, currency: "RUB", reason: "Changed mind" }, receipt: [{ name: "Item", price: 400, resultPrice: 400, quantity: 1 }] }),
    );
    expect(refund).toMatchObject({
      status: "init",
      payment_id: paid.id,
      refund: { amount: 400, currency: "RUB", reason: "Changed mind" },
      payment_method: { terminal_id: terminalId, type: "card", account: "400000******3055", funds: 1500, bonuses: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, REFUND_DELAY_MS + 50));
    expect(value(await client.refunds.get({ id: refund.id })).status).toBe("successful");
  });

  it("a refusal names the field; a duplicate is [3, -21] with isDuplicate", async () => {
    const bad = refusal(await client.payments.create({ ...paymentRequest(), order: { amount: 0 } }));
    expect(bad).toMatchObject({ status: 400, message: "order.amount must be greater than 0", errorCode: null, isDuplicate: false });
    const request = paymentRequest();
    value(await client.payments.create(request));
    const duplicate = refusal(await client.payments.create(request));
    expect(duplicate.errorCode).toEqual([3, -21]);
    expect(duplicate.isDuplicate).toBe(true);
    // After such a refusal, the payment is found by the order id.
    expect(value(await client.payments.getByOrder({ id: String(request.order.id) })).status).toBe("init");
  });

  it("wrong credentials throw GatewayAuthError", async () => {
    const wrong = new InvoiceClient({ baseUrl: `${sandbox.url}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: "wrong" });
    const error = await wrong.payments.get({ id: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error).toMatchObject({ code: "gateway_auth", path: "/GetPayment" });
  });
});

describe("InvoiceClient transport", () => {
  it("sends POST, JSON and Basic MerchantID:ApiKey through the injected GatewayHttp", async () => {
    const seen: GatewayHttpRequest[] = [];
    const faked = new InvoiceClient({
      baseUrl: "https://gw.example/api/v2/",
      merchantId: "merchant-1",
      apiKey: "key-1",
      timeoutMs: 1234,
      http: async (request) => {
        seen.push(request);
        return { status: 400, header: () => null, text: JSON.stringify({ error: "id: no payment with this id" }) };
      },
    });
    const result = await faked.payments.get({ id: "p-1" });
    expect(result.ok).toBe(false);
    expect(seen).toEqual([
      {
        url: "https://gw.example/api/v2/GetPayment",
        method: "POST",
        headers: { Authorization: `Basic ${Buffer.from("merchant-1:key-1").toString("base64")}`, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ id: "p-1" }),
        timeoutMs: 1234,
      },
    ]);
  });

  it("defaults to the guide's base URL and to fetch", async () => {
    const urls: string[] = [];
    const faked = new InvoiceClient({
      merchantId: "m",
      apiKey: "k",
      fetch: async (input) => {
        urls.push(String(input));
        return Response.json({ error: "Terminal not found" }, { status: 400 });
      },
    });
    expect(refusal(await faked.terminals.get({ alias: "x" })).message).toBe("Terminal not found");
    expect(urls).toEqual(["https://api.invoice.su/api/v2/GetTerminal"]);
  });

  it("reads a refusal whose error is itself a pair, and numeric ids as strings", async () => {
    const answers = [
      { status: 400, body: { error: [2, 51] } },
      {
        status: 200,
        body: { id: 13, link: "https://pay.example/order/id/45/price/15", name: "Shop", description: "d", type: "statical", defaultPrice: 15, canComments: false },
      },
    ];
    const faked = new InvoiceClient({
      merchantId: "m",
      apiKey: "k",
      http: async () => {
        const next = answers.shift();
        return { status: next?.status ?? 500, header: () => null, text: JSON.stringify(next?.body) };
      },
    });
    const pair = refusal(await faked.payments.create(paymentRequest()));
    expect(pair).toMatchObject({ message: "Not sufficient funds", errorCode: [2, 51] });
    expect(value(await faked.terminals.get({ alias: "a" }))).toMatchObject({ id: "13", type: "static" });
  });

  it.each([
    [500, JSON.stringify({ error: "Internal error" })],
    [429, JSON.stringify({ error: "Too many requests" })],
    [200, "<html>proxy page</html>"],
    [200, JSON.stringify({ id: "p", status: "init" })],
    [200, JSON.stringify({ id: "p", order: { amount: 1, currency: "RUB", description: null, id: null }, status: "processing", create_date: "", update_date: "", expire_date: "", payment_url: "u" })],
    [404, JSON.stringify({ error: "Unknown method" })],
  ])("HTTP %i with %s throws GatewayHttpError (no readable answer)", async (status, text) => {
    const faked = new InvoiceClient({ merchantId: "m", apiKey: "k", http: async () => ({ status, header: () => null, text }) });
    const error = await faked.payments.get({ id: "p" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayHttpError);
    expect(error).toMatchObject({ mayHaveReachedGateway: true, status });
  });

  it("a gateway that never answers throws a timeout that may have reached it", async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const slow = new InvoiceClient({ baseUrl: url, merchantId: "m", apiKey: "k", timeoutMs: 150 });
      const error = await slow.payments.create(paymentRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayTransportError);
      expect(error).toMatchObject({ reason: "timeout", mayHaveReachedGateway: true, path: "/CreatePayment" });
    } finally {
      await closeServer(silent);
    }
  });

  it("a per-call timeout and abort signal apply", async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const slow = new InvoiceClient({ baseUrl: url, merchantId: "m", apiKey: "k" });
      await expect(slow.payments.get({ id: "p" }, { timeoutMs: 100 })).rejects.toMatchObject({ reason: "timeout" });
      const controller = new AbortController();
      const pending = slow.refunds.get({ id: "r" }, { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ code: "gateway_transport", reason: "aborted", mayHaveReachedGateway: true });
    } finally {
      await closeServer(silent);
    }
  });

  it("a connection reset after sending may have reached the gateway", async () => {
    const dropping = createServer((req) => req.socket.destroy());
    const url = await listen(dropping);
    try {
      const dropped = new InvoiceClient({ baseUrl: url, merchantId: "m", apiKey: "k" });
      await expect(dropped.payments.create(paymentRequest())).rejects.toMatchObject({ reason: "network", mayHaveReachedGateway: true });
    } finally {
      await closeServer(dropping);
    }
  });

  it("a refused connection did not reach the gateway", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await closeServer(closed);
    const refused = new InvoiceClient({ baseUrl: url, merchantId: "m", apiKey: "k" });
    await expect(refused.payments.create(paymentRequest())).rejects.toMatchObject({ code: "gateway_transport", mayHaveReachedGateway: false });
  });

  it("needs its credentials", () => {
    expect(() => new InvoiceClient({ merchantId: "", apiKey: "k" })).toThrow(TypeError);
  });
});
