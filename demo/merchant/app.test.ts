// The demo merchant against a real in-process sandbox: orders priced on the server, the server
// kit's pay handler, merchant actions, test hooks, pages without inline scripts, the strict CSP.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/index.ts";
import type { Sandbox } from "../../sandbox/index.ts";
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

const paymentsOf = (invoiceId: string) => sandbox.transactions().filter((t) => String(t.InvoiceId) === invoiceId && t.Type === 0);

describe("demo merchant", () => {
  it("prices the cart itself and charges the order's amount, whatever the browser sends", async () => {
    const order = await createOrder();
    expect(order.amount).toBe(1950);
    const answer = await pay(order.invoiceId, "4000000000003055", { amount: 1 });
    expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ status: "approved" });
    expect(paymentsOf(order.invoiceId).map((t) => t.Amount)).toEqual([1950]);
    const view = (await (await demo.app.request(`/api/orders/${order.invoiceId}`)).json()) as { status: string; cardLastFour: string };
    expect(view).toMatchObject({ status: "paid", cardLastFour: "3055" });
  });

  it("confirms an authorised order once, and refunds only what was paid", async () => {
    const order = await createOrder(demo.app, "auth");
    expect((await pay(order.invoiceId, "4000000000003055")).body.status).toBe("approved");
    const confirm = () => demo.app.request(`/api/orders/${order.invoiceId}/confirm`, { method: "POST" });
    expect((await confirm()).status).toBe(200);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("confirmed");
    expect((await confirm()).status).toBe(409);
    expect(paymentsOf(order.invoiceId).map((t) => t.Status)).toEqual(["Completed"]);
    const refund = await demo.app.request(`/api/orders/${order.invoiceId}/refund`, { method: "POST" });
    expect(refund.status).toBe(200);
    expect(demo.orders.get(order.invoiceId)?.status).toBe("refunded");
  });

  it("records a decline on the order and refuses merchant actions on it", async () => {
    const order = await createOrder();
    const answer = await pay(order.invoiceId, "4000056655665556");
    expect(answer.body).toMatchObject({ status: "declined", reasonCode: 5051 });
    expect(demo.orders.get(order.invoiceId)?.status).toBe("declined");
    const refund = await demo.app.request(`/api/orders/${order.invoiceId}/refund`, { method: "POST" });
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
    expect((await demo.app.request("/script-tag")).headers.get("Content-Security-Policy")).toBeNull();
  });

  it("serves the gateway's public key same-origin and no files outside its folders", async () => {
    const key = (await (await demo.app.request("/api/publickey")).json()) as { Pem: string; Version: number };
    expect(key.Pem).toBe(sandbox.publicKeyPem);
    expect((await demo.app.request("/dist/..%2Fpackage.json")).status).toBe(404);
    expect((await demo.app.request("/pages/../../package.json")).status).toBe(404);
  });
});
