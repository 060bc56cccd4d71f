// The demo merchant against a real in-process sandbox: orders priced on the server, the server
// kit's pay handler, merchant actions, test hooks, pages without inline scripts, the strict CSP.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/index.ts";
import type { Sandbox } from "../../sandbox/index.ts";
import { cloudPaymentsNotificationHmac } from "../../server/index.ts";
import { returnQuery, signedRedirectUrl } from "../../server/handlers/return-query.ts";
import { createSigner } from "../../server/handlers/signing.ts";
import { createCryptogram } from "../../widget/src/index.ts";
import { createDemoApp } from "./app.ts";
import { PAGES } from "./pages.ts";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const ORIGIN = "http://127.0.0.1:8080";

let sandbox: Sandbox;
let demo: ReturnType<typeof createDemoApp>;
let plain: ReturnType<typeof createDemoApp>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const base = { origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir };
  demo = createDemoApp({ ...base, testHooks: true });
  plain = createDemoApp(base);
});
afterAll(() => sandbox?.close());

async function cryptogramFor(pan: string): Promise<string> {
  return await createCryptogram(
    { cardNumber: pan, expDateMonthYear: "12/30", cvv: "017" },
    { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion },
  );
}

async function createOrder(app = demo.app, scheme: "charge" | "auth" = "charge") {
  const response = await app.request("/api/orders", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items: [{ sku: "tea", qty: 2 }, { sku: "mug", qty: 1 }], scheme }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { invoiceId: string; amount: number; currency: string };
}

async function pay(invoiceId: string, pan: string, extra: Record<string, unknown> = {}, requestId: string = crypto.randomUUID()) {
  const response = await demo.app.request("/api/pay", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Request-ID": requestId, Origin: ORIGIN },
    body: JSON.stringify({ cryptogram: await cryptogramFor(pan), name: "IVAN PETROV", invoiceId, ...extra }),
  }, LOOPBACK);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// What @hono/node-server passes as env: the socket's address is where the shopper's IP comes from.
const LOOPBACK = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

/** What the sandbox's bank page hands back to TermUrl after the right one-time code. */
async function sandboxPaRes(challenge: { acsUrl: string; transactionId: number; paReq: string; termUrl: string }): Promise<string> {
  const fields = { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: challenge.termUrl, action: "confirm", code: "123456" };
  const html = await (
    await fetch(new URL("/acs/complete", challenge.acsUrl), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    })
  ).text();
  const paRes = /name="PaRes" value="([^"]*)"/.exec(html)?.[1];
  if (paRes === undefined) throw new Error("no PaRes on the bank page");
  return paRes;
}

/** The staff session the demo's staff link opens. */
const staff = () => ({ Cookie: `demo_staff=${demo.staffToken}` });

const paymentsOf = (invoiceId: string) => sandbox.transactions().filter((t) => String(t.InvoiceId) === invoiceId && t.Type === 0);

describe("demo merchant", () => {
  it("prices the cart itself and charges the order's amount, whatever the browser sends", async () => {
    const order = await createOrder();
    expect(order.amount).toBe(1950);
    const answer = await pay(order.invoiceId, "4000000000003055", { amount: 1 });
    expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ status: "approved" });
    expect(paymentsOf(order.invoiceId).map((t) => t.Amount)).toEqual([1950]);
    const view = (await (await demo.app.request(`/api/orders/${order.invoiceId}`, { headers: staff() })).json()) as { status: string; cardLastFour: string };
    expect(view).toMatchObject({ status: "paid", cardLastFour: "3055" });
  });

  it("makes no order for a page view: the cart's first payment places it", async () => {
    const before = ((await (await demo.app.request("/api/orders", { headers: staff() })).json()) as { orders: unknown[] }).orders.length;
    const response = await demo.app.request("/api/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ items: [{ sku: "tea", qty: 2 }], lang: "en" }),
    });
    const draft = (await response.json()) as { invoiceId: string; description: string; items: unknown[] };
    expect(draft).toMatchObject({ description: "Fireweed tea, 100 g × 2", items: [{ name: "Fireweed tea, 100 g", qty: 2, amount: 900 }] });
    const listed = async () => ((await (await demo.app.request("/api/orders", { headers: staff() })).json()) as { orders: { invoiceId: string }[] }).orders;
    expect(await listed()).toHaveLength(before);
    expect((await demo.app.request(`/api/orders/${draft.invoiceId}`, { headers: staff() })).status).toBe(404);
    expect((await pay(draft.invoiceId, "4000056655665556")).body.status).toBe("declined");
    expect((await listed()).map((order) => order.invoiceId)).toContain(draft.invoiceId);
    expect((await listed()).length).toBe(before + 1);
  });

  it("confirms an authorised order once, and refunds only what was paid", async () => {
    const order = await createOrder(demo.app, "auth");
    expect((await pay(order.invoiceId, "4000000000003055")).body.status).toBe("approved");
    const confirm = () => demo.app.request(`/api/orders/${order.invoiceId}/confirm`, { method: "POST", headers: { Origin: ORIGIN, ...staff() } });
    expect((await confirm()).status).toBe(200);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("confirmed");
    expect((await confirm()).status).toBe(409);
    expect(paymentsOf(order.invoiceId).map((t) => t.Status)).toEqual(["Completed"]);
    const refund = await demo.app.request(`/api/orders/${order.invoiceId}/refund`, { method: "POST", headers: { Origin: ORIGIN, ...staff() } });
    expect(refund.status).toBe(200);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("refunded");
  });

  it("records a decline on the order and refuses merchant actions on it", async () => {
    const order = await createOrder();
    const answer = await pay(order.invoiceId, "4000056655665556");
    expect(answer.body).toMatchObject({ status: "declined", reasonCode: 5051 });
    expect(demo.orders.get(order.invoiceId)?.status).toBe("declined");
    const refund = await demo.app.request(`/api/orders/${order.invoiceId}/refund`, { method: "POST", headers: { Origin: ORIGIN, ...staff() } });
    expect(refund.status).toBe(409);
  });

  it("refuses malformed carts with a 400", async () => {
    for (const body of ["not json", "{}", JSON.stringify({ items: [{ sku: "car" }] }), JSON.stringify({ items: [{ sku: "tea" }], scheme: "free" })]) {
      const response = await demo.app.request("/api/orders", { method: "POST", body });
      expect(response.status, body).toBe(400);
    }
  });

  it("fails only the armed invoice's next pay, and only with test hooks on", async () => {
    const order = await createOrder();
    const other = await createOrder();
    const arm = (app: typeof demo.app) =>
      app.request("/api/__test/fail-next-pay", { method: "POST", body: JSON.stringify({ invoiceId: order.invoiceId, mode: "after" }) });
    expect((await arm(plain.app)).status).toBe(404);
    expect((await arm(demo.app)).status).toBe(200);
    expect((await pay(other.invoiceId, "4000000000003055")).status).toBe(200);
    const attempt = crypto.randomUUID();
    const failed = await pay(order.invoiceId, "4000000000003055", {}, attempt);
    expect(failed.status).toBe(500);
    // "after": the gateway was called before the merchant failed.
    expect(paymentsOf(order.invoiceId)).toHaveLength(1);
    // The order is paid now: a new attempt is refused, the same attempt's retry replays the approval.
    expect((await pay(order.invoiceId, "4000000000003055")).status).toBe(409);
    const retry = await pay(order.invoiceId, "4000000000003055", {}, attempt);
    expect(retry.body).toMatchObject({ status: "approved" });
    expect(paymentsOf(order.invoiceId)).toHaveLength(1);
  });

  it("serves every page without an inline script", async () => {
    for (const page of PAGES.filter((p) => p.path !== "/npm")) {
      const html = await (await demo.app.request(page.path)).text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.every((tag) => /\bsrc="/.test(tag)), page.path).toBe(true);
      expect(html, page.path).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    }
  });

  it("serves /csp under the strict policy with a fresh nonce on its scripts", async () => {
    const first = await demo.app.request("/csp");
    const second = await demo.app.request("/csp");
    const policy = first.headers.get("Content-Security-Policy") ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain(`frame-src 'self' ${sandbox.url}`);
    expect(policy).toContain("connect-src 'self';");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(second.headers.get("Content-Security-Policy")).not.toContain(`nonce-${nonce}`);
    expect(policy).toContain("frame-ancestors 'self'");
    expect((await demo.app.request("/script-tag")).headers.get("Content-Security-Policy")).toBe("frame-ancestors 'self'");
  });

  it("lets no other site frame its pages, while the kit's 3-D Secure page keeps its own framing policy", async () => {
    for (const page of PAGES.filter((p) => p.path !== "/npm")) {
      const response = await demo.app.request(page.path);
      expect(response.headers.get("Content-Security-Policy"), page.path).toContain("frame-ancestors 'self'");
      expect(response.headers.get("X-Frame-Options"), page.path).toBe("SAMEORIGIN");
    }
    const script = await demo.app.request("/api/3ds/return?script=1");
    expect(script.status).toBe(200);
    const bad = await demo.app.request("/api/3ds/return", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "MD=1&PaRes=x",
    }, LOOPBACK);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Security-Policy")).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:8080$/);
  });

  it("refuses merchant actions posted from another site (CSRF), and lists orders without the paying request id", async () => {
    const order = await createOrder(demo.app, "auth");
    expect((await pay(order.invoiceId, "4000000000003055")).body.status).toBe("approved");
    const confirmFrom = (headers: Record<string, string>) =>
      demo.app.request(`/api/orders/${order.invoiceId}/confirm`, { method: "POST", headers: { ...headers, ...staff() } });
    const foreign: Record<string, string>[] = [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, {}, { Origin: "null" }];
    for (const headers of foreign) {
      expect((await confirmFrom(headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect(demo.orders.get(order.invoiceId)?.status).toBe("authorized");
    expect(paymentsOf(order.invoiceId).map((t) => t.Status)).toEqual(["Authorized"]);
    expect(demo.orders.get(order.invoiceId)?.paidByRequestId).toEqual(expect.any(String));
    const listing = (await (await demo.app.request("/api/orders", { headers: staff() })).json()) as { orders: Record<string, unknown>[] };
    const listed = listing.orders.find((o) => o.invoiceId === order.invoiceId);
    expect(listed).toMatchObject({ status: "authorized" });
    expect(JSON.stringify(listing)).not.toContain("paidByRequestId");
    expect(await (await demo.app.request(`/api/orders/${order.invoiceId}`, { headers: staff() })).json()).not.toHaveProperty("paidByRequestId");
    expect((await confirmFrom({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("limits every body before reading it: a huge streamed body is cut off at the limit", async () => {
    const MB = 1024 * 1024;
    const stream = () => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 200 * MB) return controller.close();
          sent += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        },
      });
      return { body, sent: () => sent };
    };
    const routes = [
      ["/api/orders", "application/json"],
      ["/api/pay", "application/json"],
      ["/api/3ds/return", "application/x-www-form-urlencoded"],
      ["/api/orders/X-1/refund", "text/plain"],
      ["/api/notifications/pay", "application/x-www-form-urlencoded"],
      ["/api/__test/fail-next-pay", "application/json"],
    ] as const;
    // With a fault armed the pay route peeks at the body too: still within the limit.
    await demo.app.request("/api/__test/fail-next-pay", { method: "POST", body: JSON.stringify({ invoiceId: "someone", mode: "before" }) });
    for (const [path, type] of routes) {
      const { body, sent } = stream();
      const response = await demo.app.request(
        path,
        { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN }, body, duplex: "half" } as RequestInit,
        LOOPBACK,
      );
      expect(response.status, path).toBe(413);
      expect(sent(), path).toBeLessThan(MB);
    }
    // A declared Content-Length over the limit is refused before a byte is read.
    const declared = await demo.app.request("/api/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(100 * MB) },
      body: "{}",
    });
    expect(declared.status).toBe(413);
  });

  it("records an approval the order must not keep on the order, never dropping it", async () => {
    const order = await createOrder();
    const first = await pay(order.invoiceId, "4242424242424242");
    expect(first.body.status).toBe("3ds");
    const paid = await pay(order.invoiceId, "4000000000003055");
    expect(paid.body.status).toBe("approved");
    const view = demo.orders.get(order.invoiceId);
    expect(view).toMatchObject({ status: "paid", transactionId: paid.body.transactionId });
    // The first attempt's bank page is finished after the order was paid: not completed, and said so.
    const challenge = first.body as { acsUrl: string; transactionId: number; paReq: string; termUrl: string };
    const form = (fields: Record<string, string>) => ({
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    const termUrl = new URL(challenge.termUrl);
    const done = await demo.app.request(
      `${termUrl.pathname}${termUrl.search}`,
      form({ MD: String(challenge.transactionId), PaRes: await sandboxPaRes(challenge) }),
      LOOPBACK,
    );
    expect(await done.text()).toContain('"code":"already_paid"');
    expect(demo.orders.get(order.invoiceId)).toMatchObject({
      status: "paid",
      transactionId: paid.body.transactionId,
      extraPayments: [{ transactionId: challenge.transactionId, reason: "duplicate", action: "not_completed" }],
    });
    expect(paymentsOf(order.invoiceId).filter((t) => t.Status === "Completed")).toHaveLength(1);
  });

  it("a cancelled 3-D Secure moves the order out of 3ds once the gateway confirms it unfinished; the bank page completed later still pays it", async () => {
    const order = await createOrder();
    const first = await pay(order.invoiceId, "4242424242424242");
    const challenge = first.body as { acsUrl: string; transactionId: number; paReq: string; termUrl: string };
    expect(demo.orders.get(order.invoiceId)).toMatchObject({ status: "3ds", transactionId: challenge.transactionId });
    const abandon = (transactionId: number) =>
      demo.app.request("/api/pay/abandon", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify({ invoiceId: order.invoiceId, transactionId }),
      }, LOOPBACK);
    const answer = await abandon(challenge.transactionId);
    expect(answer.status).toBe(200);
    expect(demo.orders.get(order.invoiceId)).toMatchObject({ status: "abandoned", transactionId: challenge.transactionId });

    const termUrl = new URL(challenge.termUrl);
    const done = await demo.app.request(
      `${termUrl.pathname}${termUrl.search}`,
      { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ MD: String(challenge.transactionId), PaRes: await sandboxPaRes(challenge) }).toString() },
      LOOPBACK,
    );
    expect(await done.text()).toContain('"status":"approved"');
    expect(demo.orders.get(order.invoiceId)).toMatchObject({ status: "paid", transactionId: challenge.transactionId });
    // Paid: no word of the browser's moves it back.
    expect((await abandon(challenge.transactionId)).status).toBe(409);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("paid");
    expect(paymentsOf(order.invoiceId).filter((t) => t.Status === "Completed")).toHaveLength(1);
  });

  it("an abandonment of an older attempt says nothing about the order's newer one", async () => {
    const order = await createOrder();
    const first = (await pay(order.invoiceId, "4242424242424242")).body as { transactionId: number };
    const second = (await pay(order.invoiceId, "4242424242424242")).body as { status: string; transactionId: number };
    expect(second.status).toBe("3ds");
    const stale = await demo.app.request("/api/pay/abandon", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ invoiceId: order.invoiceId, transactionId: first.transactionId }),
    }, LOOPBACK);
    // The kit refuses it (the order's hold is the newer challenge's), and the order keeps its state.
    expect(stale.status).toBe(404);
    expect(demo.orders.get(order.invoiceId)).toMatchObject({ status: "3ds", transactionId: second.transactionId });
  });

  it("serves the gateway's public key same-origin and no files outside its folders", async () => {
    const key = (await (await demo.app.request("/api/publickey")).json()) as { Pem: string; Version: number };
    expect(key.Pem).toBe(sandbox.publicKeyPem);
    expect((await demo.app.request("/dist/..%2Fpackage.json")).status).toBe(404);
    expect((await demo.app.request("/pages/../../package.json")).status).toBe(404);
  });
});
describe("the staff view", () => {
  it("is staff only: no order, card or action for anyone without the staff link's session", async () => {
    const order = await createOrder();
    expect((await pay(order.invoiceId, "4000000000003055")).body.status).toBe("approved");
    for (const path of ["/api/orders", `/api/orders/${order.invoiceId}`]) {
      const response = await demo.app.request(path);
      expect(response.status, path).toBe(401);
      expect(await response.text()).not.toContain("3055");
    }
    const refund = await demo.app.request(`/api/orders/${order.invoiceId}/refund`, { method: "POST", headers: { Origin: ORIGIN } });
    expect(refund.status).toBe(401);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("paid");
    const page = await demo.app.request("/orders?lang=en");
    expect(page.status).toBe(403);
    expect(await page.text()).toMatch(/staff only/i);
    // In the page's language, like every page.
    expect(await (await demo.app.request("/orders")).text()).toContain("только для сотрудников");
    expect((await demo.app.request("/orders?staff=guess", { headers: {} })).status).toBe(403);
    expect((await demo.app.request("/api/orders", { headers: { Cookie: "demo_staff=guess" } })).status).toBe(401);
  });

  it("the staff link opens a session: an HttpOnly, SameSite=Strict cookie, and the token leaves the address bar", async () => {
    const opened = await demo.app.request(`/orders?staff=${encodeURIComponent(demo.staffToken)}&lang=en`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/orders?lang=en");
    const cookie = opened.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^demo_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = { Cookie: cookie.split(";")[0] ?? "" };
    const page = await demo.app.request("/orders?lang=en", { headers: session });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Staff view of the demo shop");
    expect((await demo.app.request("/api/orders", { headers: session })).status).toBe(200);
    // The e2e tests find the link through a test hook; a demo without hooks has none.
    expect(await (await demo.app.request("/api/__test/staff-link")).json()).toEqual({ url: `/orders?staff=${encodeURIComponent(demo.staffToken)}` });
    expect((await plain.app.request("/api/__test/staff-link")).status).toBe(404);
  });
});

describe("orders under a flood of carts", () => {
  it("an order on the bank's page outlives a thousand new carts from someone else, and its payment is recorded", async () => {
    const small = createDemoApp({ origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir, orderCapacity: 50 });
    const cart = (ip: string) =>
      small.app.request(
        "/api/orders",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ items: [{ sku: "tea", qty: 1 }] }) },
        { incoming: { socket: { remoteAddress: ip } } },
      );
    const victim = (await (await cart("198.51.100.7")).json()) as { invoiceId: string };
    const started = await small.app.request(
      "/api/pay",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Request-ID": crypto.randomUUID(), Origin: ORIGIN },
        body: JSON.stringify({ cryptogram: await cryptogramFor("4242424242424242"), name: "IVAN PETROV", invoiceId: victim.invoiceId }),
      },
      LOOPBACK,
    );
    const challenge = (await started.json()) as { status: string; acsUrl: string; transactionId: number; paReq: string; termUrl: string };
    expect(challenge.status).toBe("3ds");
    const statuses = new Set<number>();
    for (let i = 0; i < 1000; i++) statuses.add((await cart("203.0.113.9")).status);
    expect([...statuses]).toEqual([201]);
    expect(small.orders.size).toBeLessThanOrEqual(50);
    const termUrl = new URL(challenge.termUrl);
    const done = await small.app.request(
      `${termUrl.pathname}${termUrl.search}`,
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Dest": "iframe" },
        body: new URLSearchParams({ MD: String(challenge.transactionId), PaRes: await sandboxPaRes(challenge) }).toString(),
      },
      LOOPBACK,
    );
    expect(await done.text()).toContain('"status":"approved"');
    expect(small.orders.get(victim.invoiceId)).toMatchObject({ status: "paid", transactionId: challenge.transactionId });
  });
});

describe("the gateway's notifications", () => {
  const notify = async (type: string, fields: Record<string, string>, secret = sandbox.apiSecret) => {
    const form = new URLSearchParams(fields).toString();
    return demo.app.request(`/api/notifications/${type}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-HMAC": await cloudPaymentsNotificationHmac(form, secret) },
      body: form,
    });
  };

  it("a signed Pay notification marks the order paid; a Refund one marks it refunded; an unsigned one changes nothing", async () => {
    const order = await createOrder();
    demo.orders.place(order.invoiceId); // as its payment would
    const fields = { TransactionId: "880001", Amount: "1950.00", Currency: "RUB", Status: "Completed", OperationType: "Payment", InvoiceId: order.invoiceId, CardType: "Visa", CardLastFour: "4242", AuthCode: "A1B2C3" };
    const forged = await notify("pay", fields, "not-the-api-secret");
    expect(forged.status).toBe(401);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("new");
    const signed = await notify("pay", fields);
    expect(await signed.json()).toEqual({ code: 0 });
    expect(demo.orders.get(order.invoiceId)).toMatchObject({ status: "paid", transactionId: 880001, cardLastFour: "4242" });
    // The kit's store now knows it is paid: a new attempt is refused without a gateway call.
    expect((await pay(order.invoiceId, "4000000000003055")).status).toBe(409);
    const refunded = await notify("refund", { TransactionId: "880002", PaymentTransactionId: "880001", Amount: "1950.00", OperationType: "Refund", InvoiceId: order.invoiceId, DateTime: "2026-01-01 00:00:00" });
    expect(refunded.status).toBe(200);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("refunded");
  });
});

describe("/api/return-status: the shopper's view after a gateway page", () => {
  const secret = "a-demo-secret-long-enough-to-sign-with-0123456789";
  const link = async (invoiceId: string, expiresAt = Math.floor(Date.now() / 1000) + 600) =>
    new URL(
      await signedRedirectUrl(
        "http://127.0.0.1:8080/invoice",
        returnQuery("pay-1", invoiceId, { status: "declined", reasonCode: 5051 } as Parameters<typeof returnQuery>[2], { expiresAt, cardLastFour: false }),
        createSigner(secret),
      ),
    ).search;

  it("answers the order's recorded status, and nothing else, for a link the kit signed", async () => {
    const signed = createDemoApp({ origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir, secret });
    const order = await createOrder(signed.app);
    signed.orders.place(order.invoiceId); // as the hosted payment's start would
    const answer = await signed.app.request(`/api/return-status${await link(order.invoiceId)}`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ invoiceId: order.invoiceId, status: "new" });
  });

  it("refuses a forged, altered, unsigned or expired link", async () => {
    const signed = createDemoApp({ origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir, secret });
    const order = await createOrder(signed.app);
    const other = await createOrder(signed.app);
    const good = await link(order.invoiceId);
    const cases = [
      good.replace(encodeURIComponent(order.invoiceId), encodeURIComponent(other.invoiceId)),
      `?invoiceId=${encodeURIComponent(order.invoiceId)}&status=approved`,
      await link(order.invoiceId, Math.floor(Date.now() / 1000) - 1),
    ];
    for (const query of cases) {
      const answer = await signed.app.request(`/api/return-status${query}`);
      expect(answer.status, query).toBe(403);
    }
    // Another process's secret signs nothing here.
    expect((await demo.app.request(`/api/return-status${good}`)).status).toBe(403);
  });
});

describe("/return: the shopper back from the bank at top level, on the page the order began on", () => {
  const secret = "a-demo-secret-long-enough-to-sign-with-0123456789";
  const start = async (app: ReturnType<typeof createDemoApp>["app"], extra: Record<string, unknown>) => {
    const response = await app.request("/api/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ items: [{ sku: "tea", qty: 1 }], ...extra }),
    });
    return ((await response.json()) as { invoiceId: string }).invoiceId;
  };
  const signedQuery = async (invoiceId: string) =>
    new URL(
      await signedRedirectUrl(
        "http://127.0.0.1:8080/return",
        returnQuery("1001", invoiceId, { status: "declined", reasonCode: 5206 } as Parameters<typeof returnQuery>[2], { expiresAt: Math.floor(Date.now() / 1000) + 600, cardLastFour: false }),
        createSigner(secret),
      ),
    ).search;

  it("sends the kit's signed outcome on to the order's own page, in its language; anything else to /redirect", async () => {
    const signed = createDemoApp({ origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir, secret });
    const own = await start(signed.app, { page: "/checkoutjs", lang: "en" });
    const elsewhere = await start(signed.app, { page: "https://evil.example/phish" });
    const plainPage = await start(signed.app, { page: "/script-tag" });
    for (const id of [own, elsewhere, plainPage]) signed.orders.place(id);

    const query = await signedQuery(own);
    const back = await signed.app.request(`/return${query}`);
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(`/checkoutjs?lang=en&${query.slice(1)}`);
    // The page reads the shop's record with that very query: it verifies.
    const status = await signed.app.request(`/api/return-status?${new URL(`http://x${back.headers.get("location")}`).searchParams.toString()}`);
    expect(await status.json()).toEqual({ invoiceId: own, status: "new" });

    // Only the shop's own return pages; a link the kit did not sign goes where it always went.
    for (const id of [elsewhere, plainPage]) {
      const q = await signedQuery(id);
      expect((await signed.app.request(`/return${q}`)).headers.get("location")).toBe(`/redirect?${q.slice(1)}`);
    }
    const forged = `?status=approved&transactionId=1&invoiceId=${encodeURIComponent(own)}&sig=AAAA`;
    expect((await signed.app.request(`/return${forged}`)).headers.get("location")).toBe(`/redirect?${forged.slice(1)}`);
  });
});
