// The demo's Invoice and RBS shops against a real in-process sandbox: orders priced on the
// server, their own endpoints, the return route, the orders page's refunds / deposits, the demo
// login and saved cards, the merchant-initiated charge, and CSRF on the new actions.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { createDemoApp } from "./app.ts";
import { sandboxShops } from "./sandbox-shops.ts";

const rootDir = fileURLToPath(new URL("../..", import.meta.url));
const ORIGIN = "http://127.0.0.1:8080";
const LOOPBACK = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

let sandbox: Sandbox;
let demo: ReturnType<typeof createDemoApp>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, invoiceRefundDelayMs: 50 });
  demo = createDemoApp({ origin: ORIGIN, gatewayUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, rootDir, ...(await sandboxShops(sandbox)) });
});
afterAll(() => sandbox?.close());

/** The orders page's API and the autopayment are the staff's: these requests carry the staff link's cookie. */
const staffCookie = () => ({ Cookie: `demo_staff=${demo.staffToken}` });
const request = (path: string, init: RequestInit = {}) =>
  demo.app.request(path, { ...init, headers: { ...staffCookie(), ...(init.headers as Record<string, string> | undefined) } }, LOOPBACK);
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", Origin: ORIGIN, ...headers },
  body: JSON.stringify(body),
});

async function createOrder(gateway: "invoice" | "rbs", scheme: "charge" | "auth" = "charge"): Promise<string> {
  const response = await request("/api/orders", json({ items: [{ sku: "tea", qty: 2 }, { sku: "mug", qty: 1 }], scheme, gateway }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { invoiceId: string }).invoiceId;
}

async function start(gateway: "invoice" | "rbs", invoiceId: string, extra: Record<string, unknown> = {}, cookie?: string): Promise<{ url: string; paymentId: string }> {
  const response = await request(`/api/${gateway}/pay`, json({ invoiceId, ...extra }, { "X-Request-ID": crypto.randomUUID(), ...(cookie && { Cookie: cookie }) }));
  const body = (await response.json()) as { status: string; url: string; paymentId: string };
  expect(body.status, JSON.stringify(body)).toBe("redirect");
  return body;
}

/** The shopper's browser coming back from the gateway at top level: the kit's 303 to the shop's page. */
async function comeBack(location: string | null): Promise<URL> {
  const url = new URL(location ?? "");
  expect(url.origin).toBe(ORIGIN);
  const response = await request(`${url.pathname}${url.search}`, { headers: { "Sec-Fetch-Dest": "document" } });
  expect(response.status).toBe(303);
  return new URL(response.headers.get("location") ?? "");
}

const order = async (invoiceId: string) => (await (await request(`/api/orders/${invoiceId}`)).json()) as Record<string, unknown>;

describe("demo: the Invoice shop", () => {
  it("pays on Invoice's page, back to /invoice with the signed outcome; the orders page refunds it", async () => {
    const invoiceId = await createOrder("invoice");
    const { url, paymentId } = await start("invoice", invoiceId);
    const paid = await payOnHostedPage(url, { cardNumber: "4000000000003055" });
    const back = await comeBack(paid.location);
    expect(back.pathname).toBe("/invoice");
    expect(back.searchParams.get("status")).toBe("approved");
    expect(await order(invoiceId)).toMatchObject({ gateway: "invoice", status: "paid", transactionId: paymentId, actions: ["refund"] });
    // The shop's own order, and only the Invoice shop's: the CloudPayments endpoint does not know it.
    expect((await request("/api/pay", json({ invoiceId, cryptogram: "Q1JZUFRP", name: "A B" }))).status).toBe(404);

    const refunded = await request(`/api/orders/${invoiceId}/refund`, { method: "POST", headers: { Origin: ORIGIN } });
    expect(refunded.status).toBe(200);
    expect(await refunded.json()).toMatchObject({ status: "refunded", refunds: [{ amount: 1950, status: "init" }] });
    await new Promise((resolve) => setTimeout(resolve, 80));
    const listing = (await (await request("/api/orders")).json()) as { orders: { invoiceId: string; refunds?: { status: string }[] }[] };
    expect(listing.orders.find((o) => o.invoiceId === invoiceId)?.refunds).toEqual([expect.objectContaining({ status: "successful" })]);
  });

  it("Return to the shop is cancelled, the order still payable on the same page", async () => {
    const invoiceId = await createOrder("invoice");
    const first = await start("invoice", invoiceId);
    const left = await fetch(`${first.url}/leave`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const back = await comeBack(left.headers.get("location"));
    expect(back.searchParams.get("status")).toBe("cancelled");
    expect(await order(invoiceId)).toMatchObject({ status: "cancelled" });
    expect(await start("invoice", invoiceId)).toEqual(first);
  });
});

describe("demo: the RBS shop, the login switch and saved cards", () => {
  it("a logged-in shopper saves the card on the page, pays again in one click, and the orders page charges it without them", async () => {
    const login = await request("/api/demo/login", json({ customer: "alice" }));
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toBe("demo_customer=alice");
    expect(login.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
    expect(await (await request("/api/demo/session", { headers: { Cookie: cookie } })).json()).toMatchObject({ customer: "alice" });

    const first = await createOrder("rbs");
    const { url } = await start("rbs", first, { saveCard: true }, cookie);
    await comeBack((await payOnHostedPage(url, { cardNumber: "4000000000003055" })).location);
    const cards = (await (await request("/api/rbs/saved-cards", { headers: { Cookie: cookie } })).json()) as { cards: { id: string; lastFour: string }[] };
    expect(cards.cards).toMatchObject([{ lastFour: "3055" }]);
    expect((await (await request("/api/rbs/saved-cards")).json()) as unknown).toEqual({ cards: [], canSave: false });

    const second = await createOrder("rbs");
    const oneClick = await request("/api/rbs/pay", json({ invoiceId: second, savedCardId: cards.cards[0]?.id }, { "X-Request-ID": crypto.randomUUID(), Cookie: cookie }));
    expect(await oneClick.json()).toMatchObject({ status: "approved", amount: 1950 });
    expect(await order(second)).toMatchObject({ status: "paid", customerId: "alice" });

    const customers = (await (await request("/api/demo/customers")).json()) as { customers: { id: string; cards: { id: string; gateway: string }[] }[] };
    const card = customers.customers.find((c) => c.id === "alice")?.cards[0];
    expect(card).toMatchObject({ gateway: "rbs" });
    const key = crypto.randomUUID();
    const charged = await request("/api/autopay", json({ customer: "alice", savedCardId: card?.id, key }));
    const result = (await charged.json()) as { order: { invoiceId: string }; result: { status: string } };
    expect(result.result.status).toBe("approved");
    expect(await order(result.order.invoiceId)).toMatchObject({ status: "paid", merchantInitiated: true, amount: 450 });
    // Posted from another site: refused before anything is charged.
    const stranger = await demo.app.request("/api/autopay", json({ customer: "alice", savedCardId: card?.id, key: crypto.randomUUID() }), LOOPBACK);
    expect(stranger.status).toBe(401);
    const forged = await request("/api/autopay", { method: "POST", headers: { "Content-Type": "text/plain", Origin: "https://evil.example" }, body: JSON.stringify({ customer: "alice", savedCardId: card?.id }) });
    expect(forged.status).toBe(403);
    expect((await request("/api/demo/login", { method: "POST", headers: { "Content-Type": "text/plain", Origin: "https://evil.example" }, body: "{}" })).status).toBe(403);
  });

  it("two-stage on RBS: held, then deposited from the orders page; a one-stage payment is refunded", async () => {
    const held = await createOrder("rbs", "auth");
    await comeBack((await payOnHostedPage((await start("rbs", held)).url, { cardNumber: "4000000000003055" })).location);
    expect(await order(held)).toMatchObject({ status: "authorized", actions: ["confirm", "void"] });
    expect((await request(`/api/orders/${held}/confirm`, { method: "POST", headers: { Origin: ORIGIN } })).status).toBe(200);
    expect(await order(held)).toMatchObject({ status: "confirmed" });

    const reversed = await createOrder("rbs", "auth");
    await comeBack((await payOnHostedPage((await start("rbs", reversed)).url, { cardNumber: "4000000000003055" })).location);
    expect((await request(`/api/orders/${reversed}/void`, { method: "POST", headers: { Origin: ORIGIN } })).status).toBe(200);
    const { orderId } = { orderId: String((await order(reversed)).transactionId) };
    expect((await demo.rbs?.getOrderStatusExtended({ orderId }))?.state).toBe("reversed");

    const paid = await createOrder("rbs");
    await comeBack((await payOnHostedPage((await start("rbs", paid)).url, { cardNumber: "4000000000003055" })).location);
    expect((await request(`/api/orders/${paid}/refund`, { method: "POST", headers: { Origin: ORIGIN } })).status).toBe(200);
    expect(await order(paid)).toMatchObject({ status: "refunded" });
  });

  it("serves the /invoice and /rbs pages with their script, no inline script", async () => {
    for (const path of ["/invoice", "/rbs"]) {
      const html = await (await request(path)).text();
      expect(html).toContain('<script src="/pages/hosted.js"></script>');
      expect(html).not.toMatch(/<script>(?!<\/script>)/);
      expect(html).toContain(`data-shop="${path.slice(1)}"`);
    }
  });
});
