import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuthHeader } from "../basic-auth.ts";
import { payOnHostedPage } from "../hosted-page/index.ts";
import type { Sandbox } from "../index.ts";
import { DEFAULT_INVOICE_API_KEY, DEFAULT_INVOICE_MERCHANT_ID, INVOICE_TEST_CARD, startSandbox } from "../index.ts";
import { InvoiceApi } from "./test-api.ts";

const REFUND_DELAY_MS = 150;
let sandbox: Sandbox;
let api: InvoiceApi;
let terminal: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, invoiceRefundDelayMs: REFUND_DELAY_MS });
  api = new InvoiceApi(sandbox);
  terminal = await api.terminal();
});
afterAll(() => sandbox.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function paid(extra: Parameters<InvoiceApi["paymentBody"]>[1] = {}) {
  const payment = await api.payment(terminal, extra);
  const result = await payOnHostedPage(payment.url, { cardNumber: "4000 0000 0000 3055" });
  expect(result.status).toBe(303);
  return payment;
}

describe("Invoice API: credentials and requests", () => {
  it("defaults to the guide's test Merchant ID and API key", () => {
    expect(sandbox.invoice).toEqual({ merchantId: "c24360cfac0a0c40c518405f6bc68cb0", apiKey: "1526fec01b5d11f4df4f2160627ce351" });
    expect([DEFAULT_INVOICE_MERCHANT_ID, DEFAULT_INVOICE_API_KEY]).toEqual([sandbox.invoice.merchantId, sandbox.invoice.apiKey]);
  });

  it("answers 401 with an error for a missing or wrong Authorization", async () => {
    const missing = await fetch(`${sandbox.url}/api/v2/GetPayment`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: expect.stringMatching(/Authorization header .* missing/) });
    const wrong = await api.call("GetPayment", { id: "x" }, { Authorization: basicAuthHeader(DEFAULT_INVOICE_MERCHANT_ID, "wrong") });
    expect(wrong).toEqual({ status: 401, body: { error: "Unauthorized: wrong Merchant ID or API key" } });
    // The CloudPayments credentials are not the Invoice ones.
    const other = await api.call("GetPayment", { id: "x" }, { Authorization: basicAuthHeader(sandbox.publicId, sandbox.apiSecret) });
    expect(other.status).toBe(401);
  });

  it("takes JSON only, and says what is wrong with a body", async () => {
    const form = await api.call("GetPayment", "id=1", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(form).toEqual({ status: 400, body: { error: "Content-Type must be application/json" } });
    expect(await api.call("GetPayment", "{not json")).toEqual({ status: 400, body: { error: "Request body is not valid JSON" } });
    expect(await api.call("GetPayment", "[1]")).toEqual({ status: 400, body: { error: "Request body must be a JSON object" } });
    expect(await api.call("GetPayment", "")).toEqual({ status: 400, body: { error: "Request body is not valid JSON" } });
  });

  it("answers 404 for an unknown method, 405 for GET, 413 for a body over 64 KB, all with an error", async () => {
    expect(await api.call("ChargeCard", {})).toEqual({ status: 404, body: { error: "Unknown method ChargeCard" } });
    const get = await fetch(`${sandbox.url}/api/v2/GetPayment`);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ error: "Method not allowed: use POST" });
    const big = await api.call("CreatePayment", { order: { description: "x".repeat(70_000) } });
    expect(big).toEqual({ status: 413, body: { error: "Request body is larger than 64 KB" } });
  });
});

describe("Invoice API: terminals", () => {
  it("CreateTerminal answers the guide's fields with a link on the sandbox", async () => {
    const answer = await api.call("CreateTerminal", {
      name: "Магазин на диване",
      alias: "N1",
      description: "Ювелирные украшения и пылесосы",
      type: "static",
      logo: "/ads/asd/image.png",
      defaultPrice: 15,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: "Магазин на диване",
      description: "Ювелирные украшения и пылесосы",
      link: `${sandbox.url}/invoice/terminal/${String(answer.body.id)}`,
      type: "static",
      defaultPrice: 15,
      canComments: false,
      alias: "N1",
    });
    const page = await fetch(String(answer.body.link));
    expect(await page.text()).toContain("Магазин на диване");
  });

  it("GetTerminal finds a terminal by alias, by id, or both", async () => {
    const id = await api.terminal({ alias: "by-alias", name: "Alias shop" });
    const byAlias = await api.call("GetTerminal", { alias: "by-alias", id: null });
    expect(byAlias.body).toMatchObject({ id, name: "Alias shop", type: "dynamic" });
    expect((await api.call("GetTerminal", { id })).body).toMatchObject({ id, alias: "by-alias" });
    expect((await api.call("GetTerminal", { id: Number(id), alias: "by-alias" })).body).toMatchObject({ id });
    expect(await api.call("GetTerminal", { id: terminal, alias: "by-alias" })).toEqual({ status: 400, body: { error: "id and alias name different terminals" } });
    expect(await api.call("GetTerminal", { alias: "nobody" })).toEqual({ status: 400, body: { error: "Terminal not found" } });
    expect(await api.call("GetTerminal", {})).toEqual({ status: 400, body: { error: "alias is required" } });
  });

  it("CreateTerminal refuses a taken alias, a missing field, a bad type, a static terminal without price", async () => {
    await api.terminal({ alias: "taken" });
    expect((await api.call("CreateTerminal", { name: "Other", alias: "taken" })).body).toEqual({ error: "alias: a terminal with alias taken already exists" });
    expect((await api.call("CreateTerminal", { alias: "a1" })).body).toEqual({ error: "name is required" });
    expect((await api.call("CreateTerminal", { name: "n", alias: "a2", type: "fixed" })).body).toEqual({ error: "type must be one of static, dynamic" });
    expect((await api.call("CreateTerminal", { name: "n", alias: "a3", type: "static" })).body.error).toMatch(/defaultPrice is required for a static terminal/);
    expect((await api.call("CreateTerminal", { name: "n".repeat(51), alias: "a4" })).body).toEqual({ error: "name is too long (at most 50 characters)" });
    expect((await api.call("CreateTerminal", { name: "n", alias: "a5", canComments: "yes" })).body).toEqual({ error: "canComments must be true or false" });
  });

  it("takes the SDKs' spelling of the types (statical / dynamical)", async () => {
    const answer = await api.call("CreateTerminal", { alias: "sdk-t", name: "SDK", description: null, type: "dynamical", defaultPrice: 0.0, canComments: null });
    expect(answer.body).toMatchObject({ type: "dynamic", defaultPrice: 0, canComments: false, description: null });
  });

  it("a static terminal takes payments of its fixed price only", async () => {
    const fixed = await api.terminal({ type: "static", defaultPrice: 15 });
    const wrong = await api.call("CreatePayment", api.paymentBody(fixed, { order: { amount: 16 } }));
    expect(wrong).toEqual({ status: 400, body: { error: `order.amount must be 15, the fixed price of static terminal ${fixed}` } });
    expect((await api.call("CreatePayment", api.paymentBody(fixed, { order: { amount: 15 } }))).status).toBe(200);
  });
});

describe("Invoice API: CreatePayment", () => {
  it("takes the guide's own sample request and answers every field of a payment", async () => {
    const before = Date.now();
    const answer = await api.call("CreatePayment", {
      order: { currency: "RUB", amount: 1500, description: "Тестовый платеж", id: "6e4e6e9d-a9b3-453a-a11d-52b211ecc028" },
      settings: { terminal_id: Number(terminal), payment_method: "card", success_url: "https://example.com/success", fail_url: "https://example.com/error" },
      custom_parameters: {},
      receipt: [{ name: "Сын", price: 50, discount: "10%", resultPrice: 10, quantity: 1 }],
      trtype: 1,
    });
    expect(answer.status).toBe(200);
    const id = String(answer.body.id);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{37}$/),
      order: { currency: "RUB", amount: 1500, description: "Тестовый платеж", id: "6e4e6e9d-a9b3-453a-a11d-52b211ecc028" },
      status: "init",
      status_description: "",
      create_date: expect.stringMatching(ISO),
      update_date: expect.stringMatching(ISO),
      expire_date: expect.stringMatching(ISO),
      custom_parameters: {},
      payment_url: `${sandbox.url}/invoice/pay/${id}`,
    });
    const expires = Date.parse(String(answer.body.expire_date));
    expect(expires - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(30 * 60_000 + 5000);
  });

  it("hands out URLs on the sandbox whatever Host header the client sends", async () => {
    const body = JSON.stringify(api.paymentBody(terminal));
    const answer = await api.callWithHost("CreatePayment", body, "api.invoice.su");
    expect(answer.status).toBe(200);
    expect(answer.body.payment_url).toBe(`${sandbox.url}/invoice/pay/${String(answer.body.id)}`);
    const terminalAnswer = await api.callWithHost("GetTerminal", JSON.stringify({ id: terminal, alias: null }), "evil.example");
    expect(String(terminalAnswer.body.link).startsWith(`${sandbox.url}/`)).toBe(true);
  });

  it("takes null for every unset field, as the gateway's SDKs send them", async () => {
    const answer = await api.call("CreatePayment", {
      order: { currency: null, amount: 250.5, description: null, id: null },
      settings: { terminal_id: terminal, payment_method: null, success_url: null, fail_url: null },
      custom_parameters: null,
      receipt: [{ name: "Soup", price: 10, resultPrice: 20, discount: 0, quantity: 2 }, { name: "Kefir", price: 1000, resultPrice: 990, discount: 10, quantity: 1 }],
      mail: null,
      phone: null,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ order: { currency: "RUB", amount: 250.5, description: null, id: null }, custom_parameters: {} });
  });

  it.each([
    [{ order: undefined }, "order is required"],
    [{ order: { amount: null } }, "order.amount is required"],
    [{ order: { amount: -5 } }, "order.amount must be greater than 0"],
    [{ order: { amount: 10.001 } }, "order.amount has more than 2 decimals"],
    [{ order: { amount: "lots" } }, "order.amount must be a number"],
    [{ order: { currency: "GBP" } }, "order.currency must be one of RUB, USD, EUR"],
    [{ order: { description: "d".repeat(201) } }, "order.description is too long (at most 200 characters)"],
    [{ settings: undefined }, "settings is required"],
    [{ settings: { terminal_id: null } }, "settings.terminal_id is required"],
    [{ settings: { terminal_id: "99999" } }, "settings.terminal_id: no terminal with this id"],
    [{ settings: { success_url: "javascript:alert(1)" } }, "settings.success_url must be an absolute http(s) URL"],
    [{ receipt: undefined }, "receipt is required"],
    [{ receipt: [] }, "receipt must have at least one item"],
    [{ receipt: [{ price: 1, resultPrice: 1, quantity: 1 }] }, "receipt[0].name is required"],
    [{ receipt: [{ name: "a", price: 1, resultPrice: 1, quantity: 0 }] }, "receipt[0].quantity must be greater than 0"],
    [{ receipt: [{ name: "a", price: 1, resultPrice: 1, quantity: 1 }, { name: "b", price: -1, resultPrice: 1, quantity: 1 }] }, "receipt[1].price must be at least 0"],
    [{ receipt: [{ name: "a", price: 1, quantity: 1 }] }, "receipt[0].resultPrice is required"],
    [{ receipt: "all" }, "receipt must be an array"],
    [{ custom_parameters: [1] }, "custom_parameters must be an object"],
    [{ trtype: 3 }, "trtype must be 1, 2 or 4"],
  ])("refuses %j: %s", async (change, error) => {
    const body: Record<string, unknown> = { ...api.paymentBody(terminal) };
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined) delete body[field];
      else if (typeof value === "object" && value !== null && !Array.isArray(value) && typeof body[field] === "object") {
        body[field] = { ...(body[field] as object), ...value };
      } else body[field] = value;
    }
    expect(await api.call("CreatePayment", body)).toEqual({ status: 400, body: { error } });
  });

  it("refuses a repeat with identical parameters as [3, -21] while the first is unpaid or paid", async () => {
    const body = api.paymentBody(terminal);
    const first = await api.call("CreatePayment", body);
    expect(first.status).toBe(200);
    const again = await api.call("CreatePayment", { ...body, receipt: [...body.receipt], custom_parameters: {} });
    expect(again).toEqual({ status: 400, body: { error: expect.stringMatching(/^Duplicate transaction/), error_code: [3, -21] } });
    await payOnHostedPage(String(first.body.payment_url), { cardNumber: "4000000000003055" });
    expect((await api.call("CreatePayment", body)).body.error_code).toEqual([3, -21]);
    // Anything different is a new payment.
    expect((await api.call("CreatePayment", { ...body, order: { ...body.order, amount: 1501 } })).status).toBe(200);
  });

  it("after a decline the same parameters make a new payment (the shopper tries again)", async () => {
    const body = api.paymentBody(terminal);
    const first = await api.call("CreatePayment", body);
    await payOnHostedPage(String(first.body.payment_url), { cardNumber: "4000056655665556" });
    const retry = await api.call("CreatePayment", body);
    expect(retry.status).toBe(200);
    expect(retry.body.id).not.toBe(first.body.id);
  });
});

describe("Invoice API: payment states", () => {
  it("init → successful on the payment page; GetPayment answers it", async () => {
    const payment = await api.payment(terminal);
    expect((await api.call("GetPayment", { id: payment.id })).body).toMatchObject({ status: "init" });
    const result = await payOnHostedPage(payment.url, { cardNumber: "4000000000003055" });
    expect(result.location).toBe("https://shop.example/ok");
    const after = await api.call("GetPayment", { id: payment.id });
    expect(after.body).toMatchObject({ id: payment.id, status: "successful", status_description: "Payment successful" });
    expect(after.body.error_code).toBeUndefined();
    expect(Date.parse(String(after.body.update_date))).toBeGreaterThanOrEqual(Date.parse(String(after.body.create_date)));
  });

  it("init → fail with [2, 51] Not sufficient funds for the insufficient-funds cards", async () => {
    for (const cardNumber of ["4000056655665556", "5404000000000043", "2203000000000043"]) {
      const payment = await api.payment(terminal);
      const result = await payOnHostedPage(payment.url, { cardNumber });
      expect(result.location).toBe("https://shop.example/fail");
      expect((await api.call("GetPayment", { id: payment.id })).body).toMatchObject({
        status: "fail",
        status_description: "Not sufficient funds",
        error_code: [2, 51],
      });
    }
  });

  it("3-D Secure cards: the right code approves, a wrong code or Cancel fails [3, -19]", async () => {
    const cases: Array<[string, string | "cancel", string, unknown]> = [
      ["4242424242424242", "123456", "successful", undefined],
      ["5555555555554444", "000000", "fail", [3, -19]],
      ["2200000000000004", "cancel", "fail", [3, -19]],
      ["4012888888881881", "123456", "fail", [2, 51]],
    ];
    for (const [cardNumber, code, status, pair] of cases) {
      const payment = await api.payment(terminal);
      const result = await payOnHostedPage(payment.url, { cardNumber, code });
      expect(result.askedForCode).toBe(true);
      const body = (await api.call("GetPayment", { id: payment.id })).body;
      expect(body.status).toBe(status);
      expect(body.error_code).toEqual(pair);
    }
  });

  it("the guide's test card works exactly as printed, 01/22 included", async () => {
    const payment = await api.payment(terminal);
    const result = await payOnHostedPage(payment.url, {
      cardNumber: INVOICE_TEST_CARD.number,
      expiry: INVOICE_TEST_CARD.expiry,
      cvc: INVOICE_TEST_CARD.cvc,
      code: INVOICE_TEST_CARD.threeDsCode,
    });
    expect(result).toMatchObject({ askedForCode: true, status: 303, location: "https://shop.example/ok" });
    expect((await api.call("GetPayment", { id: payment.id })).body.status).toBe("successful");
  });

  it("a paid payment cannot be paid again", async () => {
    const payment = await paid();
    const again = await payOnHostedPage(payment.url, { cardNumber: "4000000000003055" });
    expect(again.location).toBeNull();
    expect(again.html).toContain("Счёт уже оплачен");
  });

  it("ClosePayment: init → closed (no longer payable); a retry answers closed again; a paid payment is refused", async () => {
    const payment = await api.payment(terminal);
    const closed = await api.call("ClosePayment", { id: payment.id });
    expect(closed.body).toMatchObject({ id: payment.id, status: "closed" });
    expect((await api.call("ClosePayment", { id: payment.id })).body).toMatchObject({ status: "closed" });
    const page = await payOnHostedPage(payment.url, { cardNumber: "4000000000003055" });
    expect(page.html).toContain("Счёт отменён");
    const done = await paid();
    expect(await api.call("ClosePayment", { id: done.id })).toEqual({
      status: 400,
      body: { error: "Only an unpaid payment (init) or an unrefunded hold (trtype 2) can be closed; this one is successful: refund it instead" },
    });
  });

  it("ClosePayment releases a paid hold (trtype 2)", async () => {
    const hold = await paid({ trtype: 2 });
    expect((await api.call("ClosePayment", { id: hold.id })).body).toMatchObject({ status: "closed" });
  });

  it("GetPayment and ClosePayment refuse an unknown id", async () => {
    expect(await api.call("GetPayment", { id: "nope" })).toEqual({ status: 400, body: { error: "id: no payment with this id" } });
    expect(await api.call("GetPayment", {})).toEqual({ status: 400, body: { error: "id is required" } });
    expect((await api.call("ClosePayment", { id: "nope" })).status).toBe(400);
  });
});

describe("Invoice API: GetPaymentByOrder", () => {
  it("answers the latest payment made for the order id", async () => {
    const orderId = `ord-${Date.now()}`;
    const first = await api.payment(terminal, { order: { id: orderId, amount: 100 } });
    await payOnHostedPage(first.url, { cardNumber: "4000056655665556" });
    const second = await api.payment(terminal, { order: { id: orderId, amount: 100 } });
    const found = await api.call("GetPaymentByOrder", { id: orderId });
    expect(found.body).toMatchObject({ id: second.id, status: "init", order: { id: orderId, amount: 100 } });
    await payOnHostedPage(second.url, { cardNumber: "4000000000003055" });
    expect((await api.call("GetPaymentByOrder", { id: orderId })).body).toMatchObject({ id: second.id, status: "successful" });
  });

  it("refuses an order id without payments", async () => {
    expect(await api.call("GetPaymentByOrder", { id: "never-used" })).toEqual({ status: 400, body: { error: "id: no payment with this order id" } });
  });
});

describe("Invoice API: refunds", () => {
  const receipt = [{ name: "Товар", price: 500, resultPrice: 500, quantity: 1 }];

  it("CreateRefund answers init with the guide's fields, and GetRefund answers successful a moment later", async () => {
    const payment = await paid({ custom_parameters: { customer: "c-1" } });
    const created = await api.call("CreateRefund", { id: payment.id, refund: { amount: 500, currency: "RUB", reason: "Refund payment" }, receipt });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^R[0-9a-f]{36}$/),
      refund: { currency: "RUB", amount: 500, reason: "Refund payment" },
      status: "init",
      payment_id: payment.id,
      payment_method: { terminal_id: terminal, type: "card", account: "400000******3055", funds: 1500, bonuses: 0 },
      create_date: expect.stringMatching(ISO),
      update_date: expect.stringMatching(ISO),
      custom_parameters: { customer: "c-1" },
    });
    expect((await api.call("GetRefund", { id: created.body.id })).body.status).toBe("init");
    await sleep(REFUND_DELAY_MS + 50);
    const settled = await api.call("GetRefund", { id: created.body.id });
    expect(settled.body).toMatchObject({ id: created.body.id, status: "successful" });
    expect(Date.parse(String(settled.body.update_date)) - Date.parse(String(settled.body.create_date))).toBe(REFUND_DELAY_MS);
  });

  it("partial refunds while their sum stays within the payment", async () => {
    const payment = await paid();
    expect((await api.call("CreateRefund", { id: payment.id, refund: { amount: 1000, reason: "a" }, receipt })).status).toBe(200);
    expect((await api.call("CreateRefund", { id: payment.id, refund: { amount: 500, reason: "b" }, receipt })).status).toBe(200);
    expect(await api.call("CreateRefund", { id: payment.id, refund: { amount: 0.01, reason: "c" }, receipt })).toEqual({
      status: 400,
      body: { error: "refund.amount is more than is left to refund (0)" },
    });
  });

  it("a repeat of an identical refund is refused [3, -21], not refunded twice", async () => {
    const payment = await paid();
    const body = { id: payment.id, refund: { amount: 100, reason: "same" }, receipt };
    expect((await api.call("CreateRefund", body)).status).toBe(200);
    expect((await api.call("CreateRefund", body)).body).toEqual({ error: expect.stringMatching(/^Duplicate transaction/), error_code: [3, -21] });
  });

  it("refuses a refund of an unpaid payment, in another currency, or without a receipt", async () => {
    const unpaid = await api.payment(terminal);
    expect((await api.call("CreateRefund", { id: unpaid.id, refund: { amount: 1 }, receipt })).body).toEqual({
      error: "Only a successful payment can be refunded; this one is init",
    });
    const payment = await paid();
    expect((await api.call("CreateRefund", { id: payment.id, refund: { amount: 1, currency: "USD" }, receipt })).body).toEqual({
      error: "refund.currency must be RUB, the payment's currency",
    });
    expect((await api.call("CreateRefund", { id: payment.id, refund: { amount: 1 } })).body).toEqual({ error: "receipt is required" });
    expect((await api.call("CreateRefund", { id: payment.id, receipt })).body).toEqual({ error: "refund is required" });
    expect((await api.call("GetRefund", { id: "Rnope" })).body).toEqual({ error: "id: no refund with this id" });
  });
});

describe("Invoice API: a sandbox started with its own options", () => {
  // One sandbox for these (each start makes an RSA key): other credentials, a 300 ms expiry, 3 records.
  let own: Sandbox;
  let ownApi: InvoiceApi;
  beforeAll(async () => {
    own = await startSandbox({ port: 0, invoiceMerchantId: "m-1", invoiceApiKey: "k-1", invoicePaymentTtlMs: 300, maxTransactions: 3 });
    ownApi = new InvoiceApi(own);
  });
  afterAll(() => own.close());

  it("takes its credentials from options and refuses the defaults", async () => {
    expect(own.invoice).toEqual({ merchantId: "m-1", apiKey: "k-1" });
    expect((await ownApi.call("GetTerminal", { alias: "none" })).status).toBe(400);
    expect((await ownApi.call("GetTerminal", { alias: "none" }, { Authorization: api.auth })).status).toBe(401);
  });

  it("expire_date is enforced: an unpaid payment past it ends fail [3, -20] and cannot be paid", async () => {
    const payment = await ownApi.payment(await ownApi.terminal());
    expect(Date.parse(String(payment.body.expire_date)) - Date.parse(String(payment.body.create_date))).toBe(300);
    await sleep(400);
    expect((await ownApi.call("GetPayment", { id: payment.id })).body).toMatchObject({
      status: "fail",
      status_description: "Expired transaction",
      error_code: [3, -20],
      update_date: payment.body.expire_date,
    });
    const page = await payOnHostedPage(payment.url, { cardNumber: "4000000000003055" });
    expect(page.html).toContain("Время на оплату истекло");
    expect((await ownApi.call("ClosePayment", { id: payment.id })).status).toBe(400);
  });

  it("forgets the oldest payments past maxTransactions", async () => {
    const t = await ownApi.terminal();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ownApi.payment(t)).id);
    expect((await ownApi.call("GetPayment", { id: ids[0] })).status).toBe(400);
    expect((await ownApi.call("GetPayment", { id: ids[4] })).status).toBe(200);
    const debug = await fetch(`${own.url}/__sandbox/invoice`, { headers: { Authorization: ownApi.auth } });
    const listed = (await debug.json()) as { payments: unknown[] };
    expect(listed.payments).toHaveLength(3);
  });
});
