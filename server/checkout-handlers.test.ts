import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import type { PayThreeDs, ThreeDsResultMessage } from "./contract.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import { MESSAGES } from "./handlers/messages.ts";
import { verifyReturnQuery } from "./handlers/index.ts";
import {
  CARDS,
  SHOP_ORIGIN,
  SHOP_SECRET,
  authenticateAtAcs,
  closeServer,
  listen,
  pageData,
  postPay,
  postReturn,
  startMerchant,
  type Merchant,
} from "./merchant.fixture.ts";

let sandbox: Sandbox;
let merchant: Merchant;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  merchant = await startMerchant({ sandbox });
});
afterAll(async () => {
  await merchant.close();
  await sandbox.close();
});

let invoices = 0;
/** A new order (each test pays its own: a paid order refuses every other attempt). */
function newOrder(m: Merchant, order: CheckoutOrder = { amount: 1500, currency: "RUB", description: "Order", accountId: "user-1" }): string {
  const invoiceId = `inv-h${++invoices}`;
  m.orders.set(invoiceId, order);
  return invoiceId;
}

const payBody = (m: Merchant, card: string, extra: Record<string, unknown> = {}) => ({
  cryptogram: m.cryptogram(card),
  name: "CARD HOLDER",
  invoiceId: newOrder(m),
  ...extra,
});

function transaction(id: unknown) {
  return sandbox.transactions().find((t) => t.TransactionId === id);
}

function expectNoCardDataIn(m: Merchant, cryptogram: string) {
  const logs = m.logs.join("\n");
  expect(logs).not.toContain(cryptogram);
  expect(logs).not.toMatch(/4000\s?0000\s?0000\s?3055|4242\s?4242|4000\s?0566/);
}

describe("pay: approved, declined", () => {
  it("charges the order with a one-stage payment and reports it", async () => {
    const body = payBody(merchant, CARDS.approved);
    const { status, json, headers } = await postPay(merchant, body, { requestId: crypto.randomUUID() });
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(json).toMatchObject({ status: "approved", amount: 1500, currency: "RUB", cardLastFour: "3055" });
    expect(typeof json.authCode).toBe("string");
    expect(json).not.toHaveProperty("token");
    const tx = transaction(json.transactionId);
    expect(json.captured).toBe(true);
    expect(tx).toMatchObject({ Status: "Completed", Amount: 1500, InvoiceId: body.invoiceId, AccountId: "user-1", IpAddress: "127.0.0.1" });
    const event = merchant.events.find((e) => e.result.status === "approved" && "transactionId" in e.result && e.result.transactionId === json.transactionId);
    expect(event).toMatchObject({ stage: "pay", invoiceId: body.invoiceId, result: { captured: true } });
    expect(event?.gatewayModel).toMatchObject({ TransactionId: json.transactionId });
    expectNoCardDataIn(merchant, body.cryptogram);
  });

  it("authorises (two-stage) when the order says auth", async () => {
    merchant.orders.set("inv-auth", { amount: 99.5, currency: "USD", scheme: "auth" });
    const { json } = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-auth", scheme: "charge" }));
    expect(json).toMatchObject({ status: "approved", amount: 99.5, currency: "USD", captured: false });
    expect(transaction(json.transactionId)?.Status).toBe("Authorized");
    const event = merchant.events.find((e) => "transactionId" in e.result && e.result.transactionId === json.transactionId);
    expect(event?.result).toMatchObject({ status: "approved", captured: false });
  });

  it("charges in one stage when the body asks auth but the order names no scheme: the scheme is the merchant's", async () => {
    const { json } = await postPay(merchant, payBody(merchant, CARDS.approved, { scheme: "auth" }));
    expect(json).toMatchObject({ status: "approved", captured: true });
    expect(transaction(json.transactionId)?.Status).toBe("Completed");
  });

  it("answers a decline with its reason code and the gateway's shopper message", async () => {
    const { status, json } = await postPay(merchant, payBody(merchant, CARDS.declined));
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "declined", reasonCode: 5051, reason: "InsufficientFunds" });
    expect(json.message).toMatch(/\S/);
    expect(transaction(json.transactionId)?.Status).toBe("Declined");
  });

  it("refuses a new attempt on a paid order (409) but replays the paying attempt's own retry", async () => {
    merchant.orders.set("inv-paid", { amount: 700, currency: "RUB" });
    const paidOrder = (extra: Partial<CheckoutOrder>) => merchant.orders.set("inv-paid", { amount: 700, currency: "RUB", ...extra });
    const paying = crypto.randomUUID();
    const first = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-paid" }), { requestId: paying });
    expect(first.json).toMatchObject({ status: "approved" });
    // What a merchant's getOrder reports once onResult has marked the order paid.
    paidOrder({ paidByRequestId: paying, paidTransactionId: first.json.transactionId as number });
    const count = () => sandbox.transactions().filter((t) => t.InvoiceId === "inv-paid").length;
    const before = count();

    const again = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-paid" }), { requestId: crypto.randomUUID() });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ status: "error", code: "already_paid" });
    const retry = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-paid" }), { requestId: paying });
    expect(retry.json).toMatchObject({ status: "approved", transactionId: first.json.transactionId });
    // A merchant that did not note the paying attempt: the attempt store still knows it.
    paidOrder({ paidByRequestId: null, paidTransactionId: first.json.transactionId as number });
    const noted = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-paid" }), { requestId: paying });
    expect(noted.json).toMatchObject({ status: "approved", transactionId: first.json.transactionId });
    expect((await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-paid" }), { requestId: crypto.randomUUID() })).status).toBe(409);
    expect(count()).toBe(before);
  });

  it("charges the order's amount, never the amount the browser sends", async () => {
    merchant.orders.set("inv-tamper", { amount: 2500, currency: "RUB" });
    const { json } = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-tamper", amount: 1 }));
    expect(json).toMatchObject({ status: "approved", amount: 2500 });
    expect(transaction(json.transactionId)?.Amount).toBe(2500);
  });

  it("answers 404 with status error for an unknown invoice, without calling the gateway", async () => {
    const calls = merchant.gatewayCalls.length;
    const { status, json } = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "nope" }));
    expect(status).toBe(404);
    expect(json).toEqual({ status: "error", code: "unknown_order", message: expect.any(String) });
    expect(merchant.gatewayCalls.length).toBe(calls);
  });

  it("answers a cryptogram the gateway refuses with a fixed text and code, and logs the gateway's words only", async () => {
    const { status, json } = await postPay(merchant, { cryptogram: "bm90IGEgY3J5cHRvZ3JhbQ==", name: "A B", invoiceId: newOrder(merchant) });
    expect(status).toBe(400);
    expect(json).toEqual({ status: "error", code: "payment_rejected", message: MESSAGES.paymentRejected });
    expect(merchant.logs.join("\n")).toMatch(/refused the payment request.*"gatewayMessage":"Invalid CardCryptogramPacket value"/);
  });
});

describe("pay: idempotency", () => {
  it("a retry with the same X-Request-ID makes one transaction and the same answer", async () => {
    const before = sandbox.transactions().length;
    const requestId = crypto.randomUUID();
    const body = payBody(merchant, CARDS.approved);
    const first = await postPay(merchant, body, { requestId });
    const second = await postPay(merchant, body, { requestId });
    expect(second.json).toEqual(first.json);
    expect(sandbox.transactions().length).toBe(before + 1);
  });

  it("100 concurrent requests with one X-Request-ID make one transaction", async () => {
    const before = sandbox.transactions().length;
    const requestId = crypto.randomUUID();
    const body = payBody(merchant, CARDS.approved);
    const answers = await Promise.all(Array.from({ length: 100 }, () => postPay(merchant, body, { requestId })));
    const ids = new Set(answers.map((a) => a.json.transactionId));
    expect(answers.every((a) => a.json.status === "approved")).toBe(true);
    expect(ids.size).toBe(1);
    expect(sandbox.transactions().length).toBe(before + 1);
  });

  it("the same X-Request-ID for another invoice is another payment, not a replayed approval", async () => {
    merchant.orders.set("inv-other", { amount: 10, currency: "RUB" });
    const requestId = crypto.randomUUID();
    const first = await postPay(merchant, payBody(merchant, CARDS.approved), { requestId });
    const second = await postPay(merchant, payBody(merchant, CARDS.approved, { invoiceId: "inv-other" }), { requestId });
    expect(first.json.status).toBe("approved");
    expect(second.json.transactionId).not.toBe(first.json.transactionId);
    expect(transaction(second.json.transactionId)?.InvoiceId).toBe("inv-other");
  });

  it("refuses a malformed X-Request-ID", async () => {
    const { status, json } = await postPay(merchant, payBody(merchant, CARDS.approved), { requestId: "bad id\u00e9" });
    expect(status).toBe(400);
    expect(json.message).toMatch(/X-Request-ID/);
  });
});

describe("pay: malformed requests", () => {
  const send = (body: string, contentType = "application/json") =>
    fetch(merchant.payUrl, { method: "POST", headers: { "Content-Type": contentType, Origin: SHOP_ORIGIN }, body });

  it.each([
    ["not JSON", "{", 400, /JSON/],
    ["an array", "[]", 400, /JSON object/],
    ["no cryptogram", JSON.stringify({ name: "A", invoiceId: "inv-1" }), 400, /cryptogram is required/],
    ["a numeric cryptogram", JSON.stringify({ cryptogram: 5, name: "A", invoiceId: "inv-1" }), 400, /cryptogram must be a string/],
    ["no name", JSON.stringify({ cryptogram: "abc", invoiceId: "inv-1" }), 400, /name is required/],
    ["a long name", JSON.stringify({ cryptogram: "abc", name: "x".repeat(101), invoiceId: "inv-1" }), 400, /name is too long/],
    ["an object invoiceId", JSON.stringify({ cryptogram: "abc", name: "A", invoiceId: {} }), 400, /invoiceId must be a string/],
    ["a bad scheme", JSON.stringify({ cryptogram: "abc", name: "A", invoiceId: "inv-1", scheme: "steal" }), 400, /scheme/],
    ["a bad email", JSON.stringify({ cryptogram: "abc", name: "A", invoiceId: "inv-1", email: "nope" }), 400, /email/],
    ["a string saveCard", JSON.stringify({ cryptogram: "abc", name: "A", invoiceId: "inv-1", saveCard: "yes" }), 400, /saveCard/],
    ["a body over 16 KB", JSON.stringify({ cryptogram: "a".repeat(17 * 1024), name: "A", invoiceId: "inv-1" }), 413, /16 KB/],
  ])("%s → %i with a field message", async (_label, body, status, message) => {
    const response = await send(body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { status: string; message: string };
    expect(json.status).toBe("error");
    expect(json.message).toMatch(message);
  });

  it("refuses a content type other than JSON with 415", async () => {
    const response = await send("cryptogram=x", "application/x-www-form-urlencoded");
    expect(response.status).toBe(415);
  });

  it("never echoes the cryptogram in an error", async () => {
    const cryptogram = merchant.cryptogram(CARDS.approved);
    const response = await send(JSON.stringify({ cryptogram, name: "A", invoiceId: "inv-1", email: "bad" }));
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toContain(cryptogram);
  });
});

describe("pay: CORS and methods", () => {
  it("refuses a foreign origin with 403 and no CORS header, without calling the gateway", async () => {
    const calls = merchant.gatewayCalls.length;
    const { status, headers, json } = await postPay(merchant, payBody(merchant, CARDS.approved), { origin: "https://evil.example" });
    expect(status).toBe(403);
    expect(headers.get("access-control-allow-origin")).toBeNull();
    expect(json.status).toBe("error");
    expect(merchant.gatewayCalls.length).toBe(calls);
  });

  it("answers the preflight for an allowed origin", async () => {
    const response = await fetch(merchant.payUrl, {
      method: "OPTIONS",
      headers: { Origin: "https://other-shop.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-request-id" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://other-shop.example");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/X-Request-ID/i);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
  });

  it("refuses the preflight for a foreign origin", async () => {
    const response = await fetch(merchant.payUrl, { method: "OPTIONS", headers: { Origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it.each(["GET", "PUT", "DELETE"])("answers %s with 405", async (method) => {
    const response = await fetch(merchant.payUrl, { method, headers: { Origin: SHOP_ORIGIN } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
  });
});

describe("pay: client IP", () => {
  it("uses the trusted proxy header's last entry when configured", async () => {
    const proxied = await startMerchant({ sandbox, handlerOptions: { trustedProxyHeader: "x-forwarded-for" } });
    try {
      const { json } = await postPay(proxied, payBody(proxied, CARDS.approved), {
        headers: { "X-Forwarded-For": "6.6.6.6, 203.0.113.7" },
      });
      expect(transaction(json.transactionId)?.IpAddress).toBe("203.0.113.7");
    } finally {
      await proxied.close();
    }
  });

  it("ignores a forwarding header it was not told to trust", async () => {
    const { json } = await postPay(merchant, payBody(merchant, CARDS.approved), {
      headers: { "X-Forwarded-For": "203.0.113.7" },
    });
    expect(transaction(json.transactionId)?.IpAddress).toBe("127.0.0.1");
  });
});

describe("3-D Secure", () => {
  async function startThreeDs(m: Merchant): Promise<PayThreeDs> {
    const { json } = await postPay(m, payBody(m, CARDS.threeDs), { requestId: crypto.randomUUID() });
    expect(json.status).toBe("3ds");
    return json as unknown as PayThreeDs;
  }

  it("pay → ACS → threeDsReturn (framed) → post3ds → approved, posted to the allowed origins", async () => {
    const challenge = await startThreeDs(merchant);
    expect(challenge.acsUrl).toBe(`${sandbox.url}/acs`);
    expect(challenge.iframeAllowed).toBe(true);
    const bound = new URL(challenge.termUrl).searchParams;
    expect(bound.get("tx")).toBe(String(challenge.transactionId));
    expect(bound.get("inv")).toMatch(/^inv-h\d+$/);
    expect(bound.get("sig")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(transaction(challenge.transactionId)?.Status).toBe("AwaitingAuthentication");

    const acs = await authenticateAtAcs(challenge, "123456");
    expect(acs.action).toBe(challenge.termUrl);
    const response = await postReturn(acs.action, acs, "iframe");
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-ancestors 'self' ${SHOP_ORIGIN}`);
    const html = await response.text();
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script, only src= and the JSON data block
    expect(html).toContain('<script src="?script=1" defer></script>');
    const data = pageData(html);
    const message = data.message as unknown as ThreeDsResultMessage;
    expect(message).toMatchObject({
      type: "checkout-widget:3ds-result",
      version: 1,
      transactionId: challenge.transactionId,
      result: { status: "approved", transactionId: challenge.transactionId, amount: 1500, cardLastFour: "4242" },
    });
    expect(data.targets).toEqual([SHOP_ORIGIN, "https://other-shop.example"]);
    expect(transaction(challenge.transactionId)?.Status).toBe("Completed");
    expect(merchant.events.filter((e) => e.stage === "threeDsReturn" && "transactionId" in e.result && e.result.transactionId === challenge.transactionId)).toHaveLength(1);
  });

  it("a replayed return answers the recorded outcome without a second post3ds", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    const post3dsCalls = () => merchant.gatewayCalls.filter((p) => p === "/payments/cards/post3ds").length;
    const before = post3dsCalls();
    const first = pageData(await (await postReturn(acs.action, acs, "iframe")).text());
    const replays = await Promise.all([postReturn(acs.action, acs, "iframe"), postReturn(acs.action, acs)]);
    for (const replay of replays) expect(pageData(await replay.text()).message).toEqual(first.message);
    expect(post3dsCalls()).toBe(before + 1);
    const events = merchant.events.filter((e) => e.stage === "threeDsReturn" && "transactionId" in e.result && e.result.transactionId === challenge.transactionId);
    expect(events).toHaveLength(1);
  });

  it("a forgotten outcome (another instance) is recovered from the gateway, not charged twice", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    await postReturn(acs.action, acs, "iframe");
    // Another instance of the shop: its own memory, the same orders and secret.
    const other = await startMerchant({ sandbox, orders: merchant.orders });
    try {
      const again = pageData(await (await postReturn(acs.action.replace(merchant.url, other.url), acs, "iframe")).text());
      expect(again.message).toMatchObject({ result: { status: "approved", transactionId: challenge.transactionId } });
      expect(sandbox.transactions().filter((t) => t.TransactionId === challenge.transactionId)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("a top-level return (Sec-Fetch-Dest: document) redirects 303 to returnUrl with the result", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    const response = await postReturn(acs.action, acs, "document");
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${SHOP_ORIGIN}/checkout/done`);
    const now = Math.floor(Date.now() / 1000);
    // The brand but not the last four digits: URLs end up in histories, logs and Referer headers.
    expect(Object.fromEntries(location.searchParams)).toEqual({
      lang: "en",
      status: "approved",
      transactionId: String(challenge.transactionId),
      invoiceId: new URL(challenge.termUrl).searchParams.get("inv"),
      amount: "1500",
      currency: "RUB",
      cardType: "Visa",
      captured: "1",
      exp: expect.stringMatching(/^\d+$/),
      sig: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // Valid for 30 minutes by default.
    expect(Number(location.searchParams.get("exp")) - now).toBeGreaterThan(29 * 60);
    expect(Number(location.searchParams.get("exp")) - now).toBeLessThanOrEqual(30 * 60 + 1);
    expect(await verifyReturnQuery(location, SHOP_SECRET)).toMatchObject({ status: "approved", cardType: "Visa" });
    expect(await verifyReturnQuery(location, SHOP_SECRET, Date.now() + 31 * 60_000)).toBeNull();
    const forged = new URL(location);
    forged.searchParams.set("amount", "1");
    expect(await verifyReturnQuery(forged, SHOP_SECRET)).toBeNull();
    expect(await verifyReturnQuery(location, "another-secret-0123456789abcdef0123")).toBeNull();
  });

  it("a wrong one-time code declines with the authentication-failed reason", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "000000");
    const data = pageData(await (await postReturn(acs.action, acs)).text());
    expect(data.message).toMatchObject({ result: { status: "declined", reasonCode: 5206, transactionId: challenge.transactionId } });
    expect(new URL(data.redirect).searchParams.get("status")).toBe("declined");
    expect(new URL(data.redirect).searchParams.get("reasonCode")).toBe("5206");
    expect(transaction(challenge.transactionId)?.Status).toBe("Declined");
  });

  it("refuses a return whose MD is not the transaction its TermUrl was bound to", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    const calls = merchant.gatewayCalls.length;
    const response = await postReturn(acs.action, { md: String(challenge.transactionId + 1), paRes: acs.paRes });
    expect(response.status).toBe(400);
    const unbound = await postReturn(merchant.termUrl, acs);
    expect(unbound.status).toBe(400);
    expect(merchant.gatewayCalls.length).toBe(calls);
  });

  it("serves only TermUrls it signed: no other transaction, invoice, attempt or expiry, and nothing about them", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    const calls = merchant.gatewayCalls.length;
    const tampered = (name: string, value: string) => {
      const url = new URL(acs.action);
      url.searchParams.set(name, value);
      return url.toString();
    };
    const other = String(challenge.transactionId - 1);
    const attempts = [
      [`${merchant.termUrl}?tx=${challenge.transactionId}`, acs],
      [tampered("tx", other), { md: other, paRes: acs.paRes }],
      [tampered("inv", "inv-1"), acs],
      [tampered("att", "cw-someone-else"), acs],
      [tampered("exp", String(Math.floor(Date.now() / 1000) + 10_000_000)), acs],
      [tampered("exp", "1000"), acs],
      [tampered("sig", "A".repeat(43)), acs],
    ] as const;
    for (const [url, fields] of attempts) {
      const response = await postReturn(url, fields, "iframe");
      expect(response.status, url).toBe(400);
      const html = await response.text();
      expect(html).not.toContain(String(challenge.transactionId));
      expect(html).not.toMatch(/approved|4242|1500/);
    }
    expect(merchant.gatewayCalls.length).toBe(calls);
    // The genuine return still works afterwards.
    expect(pageData(await (await postReturn(acs.action, acs)).text()).message).toMatchObject({ result: { status: "approved" } });
  });

  it("a forged PaRes is an error outcome and does not block the genuine return", async () => {
    const challenge = await startThreeDs(merchant);
    const acs = await authenticateAtAcs(challenge, "123456");
    const forged = pageData(await (await postReturn(acs.action, { md: acs.md, paRes: "forged" })).text());
    expect(forged.message).toMatchObject({ result: { status: "error", code: "payment_rejected", message: MESSAGES.paymentRejected } });
    const genuine = pageData(await (await postReturn(acs.action, acs)).text());
    expect(genuine.message).toMatchObject({ result: { status: "approved" } });
  });

  it("serves the page script at ?script=1 and refuses other methods", async () => {
    const script = await fetch(`${merchant.termUrl}?script=1`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const source = await script.text();
    expect(source).toContain("postMessage(data.message, targets[i])");
    expect(source).toContain("location.replace(data.redirect)");
    expect((await fetch(merchant.termUrl)).status).toBe(405);
    expect((await fetch(merchant.termUrl, { method: "PUT" })).status).toBe(405);
  });
});

describe("gateway trouble", () => {
  it("a wrong API secret answers 502 with a shopper-safe message", async () => {
    const wrong = await startMerchant({ sandbox, apiSecret: "wrong" });
    try {
      const { status, json } = await postPay(wrong, payBody(wrong, CARDS.approved));
      expect(status).toBe(502);
      expect(json).toEqual({ status: "error", code: "gateway_unavailable", message: expect.not.stringMatching(/401|secret|credential/i) });
      expect(wrong.logs.join("\n")).toMatch(/gateway_auth/);
    } finally {
      await wrong.close();
    }
  });

  it("a gateway that never answers times out into 502", async () => {
    const silent = createServer(() => undefined);
    const silentUrl = await listen(silent);
    const slow = await startMerchant({ sandbox, baseUrl: silentUrl, timeoutMs: 200 });
    try {
      const { status, json } = await postPay(slow, payBody(slow, CARDS.approved));
      expect(status).toBe(502);
      expect(json.status).toBe("error");
      expect(slow.logs.join("\n")).toMatch(/"reason":"timeout","mayHaveReachedGateway":true/);
    } finally {
      await slow.close();
      await closeServer(silent);
    }
  });
});

describe("logs", () => {
  it("after every test above, no log line carries a card number or a cryptogram", () => {
    const logs = merchant.logs.join("\n");
    expect(merchant.logs.length).toBeGreaterThan(10);
    expect(logs).not.toMatch(/\d{4}\s?\d{4}\s?\d{4}\s?\d{4}/);
    expect(logs).not.toMatch(/[A-Za-z0-9+/=]{100,}/);
  });
});
