// The demo merchant: three shops (CloudPayments, Invoice, RBS: shops.ts), one order book, the
// merchant's order page and its actions (staff only), a demo login, static files.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import {
  ABANDON_BODY_LIMIT,
  GATEWAY_NOTIFICATION_BODY_LIMIT,
  NOTIFICATION_BODY_LIMIT,
  PAY_BODY_LIMIT,
  THREE_DS_BODY_LIMIT,
  memorySavedCardStore,
  setRemoteAddress,
  verifyReturnQuery,
} from "../../server/index.ts";
import { CURRENCY, cartItems, cartTotal, describeCart, parseCart } from "./catalog.ts";
import { actionsFor, refreshRefunds, runAction, type OrderAction } from "./order-actions.ts";
import { OrderStore } from "./order-store.ts";
import type { Order, ShopGateway } from "./order-store.ts";
import { PAGES, STAFF_ONLY_PAGE, fillPlaceholders, renderPage, strictCsp } from "./pages.ts";
import { hrefIn, langOf } from "./demo-texts.ts";
import { readStatic } from "./static-files.ts";
import { PayFaults } from "./pay-faults.ts";
import { DEMO_CUSTOMERS, customerOf, isDemoCustomer, sessionCookie } from "./session.ts";
import { createShops, type InvoiceShopConfig, type RbsShopConfig } from "./shops.ts";

export interface DemoAppOptions {
  /** Absolute origin the shop is served from, e.g. http://127.0.0.1:8080 */
  origin: string;
  /** The sandbox gateway's base URL. */
  gatewayUrl: string;
  publicId: string;
  apiSecret: string;
  /** The Invoice shop (its pages and /api/invoice/*); off without it. */
  invoice?: InvoiceShopConfig;
  /** The RBS shop (its pages and /api/rbs/*); off without it. */
  rbs?: RbsShopConfig;
  /** Repository root (dist/, demo/). */
  rootDir: string;
  /** Enables /api/__test/* (DEMO_TEST_HOOKS=1). */
  testHooks?: boolean;
  orderCapacity?: number;
  /** Signs 3-D Secure TermUrls and return outcomes; default: random per process (one instance). */
  secret?: string;
  /** Opens the staff view (`/orders?staff=…`); default: random per process, printed at start. */
  staffToken?: string;
}

/** The CloudPayments notification types the demo receives at `/api/notifications/{type}`. */
export const NOTIFICATION_PATHS = { Pay: "pay", Fail: "fail", Confirm: "confirm", Refund: "refund", Cancel: "cancel" } as const;

const STAFF_COOKIE = "demo_staff";

type Env = { Bindings: HttpBindings };

const MAX_ORDER_BODY = 8 * 1024;
/** Anything else that takes a body (merchant actions, login, test hooks). */
const MAX_OTHER_BODY = 1024;
const GATEWAYS: readonly ShopGateway[] = ["cloudpayments", "invoice", "rbs"];
/**
 * CloudPayments pages that keep their order across a top-level trip to the bank (the widget's
 * redirect mode, the merchant's own checkout.js form): the shopper comes back to them. Any other
 * page's order comes back to /redirect.
 */
const RETURN_PAGES: ReadonlySet<string> = new Set(["/redirect", "/checkoutjs"]);

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the merchant's pages see of an order: not the paying attempt's X-Request-ID. */
function publicView(order: Order): Omit<Order, "paidByRequestId"> & { actions: OrderAction[] } {
  const { paidByRequestId: _hidden, ...view } = order;
  return { ...view, actions: actionsFor(order) };
}

export function createDemoApp(options: DemoAppOptions) {
  const { origin, rootDir } = options;
  const gatewayOrigin = new URL(options.gatewayUrl).origin;
  const htmlDir = join(rootDir, "demo", "html");
  const orders = new OrderStore({ capacity: options.orderCapacity ?? 1000 });
  const staffToken = options.staffToken ?? randomBytes(24).toString("base64url");
  const faults = new PayFaults();
  // One process: a random secret will do. Several instances share one (and one attempt store).
  const secret = options.secret ?? randomBytes(32).toString("base64url");
  const savedCards = memorySavedCardStore();
  const { shops, cloudPayments, invoice, rbs } = createShops({
    origin,
    gatewayUrl: options.gatewayUrl,
    publicId: options.publicId,
    apiSecret: options.apiSecret,
    ...(options.invoice && { invoice: options.invoice }),
    ...(options.rbs && { rbs: options.rbs }),
    secret,
    orders,
    savedCards,
  });
  const client = cloudPayments;
  const checkout = shops.get("cloudpayments")?.handlers;
  if (!checkout) throw new Error("the CloudPayments shop is always on");

  let publicKeyCache: { body: string; expires: number } | null = null;

  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    // No other site may frame the shop's pages (clickjacking). The kit's 3-D Secure page sets its own.
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", "frame-ancestors 'self'");
    if (!c.res.headers.has("X-Frame-Options")) c.header("X-Frame-Options", "SAMEORIGIN");
  });

  // Every body is limited before anything reads it (hono's bodyLimit stops reading at the limit).
  const limited = (maxSize: number) =>
    bodyLimit({ maxSize, onError: (c) => c.json({ status: "error", code: "bad_request", message: "Body too large" }, 413) });
  const limits = new Map<string, number>([["/api/orders", MAX_ORDER_BODY]]);
  for (const shop of shops.values()) {
    limits.set(`${shop.endpoint}/pay`, PAY_BODY_LIMIT);
    limits.set(`${shop.endpoint}/pay/abandon`, ABANDON_BODY_LIMIT);
    limits.set(shop.returnPath, THREE_DS_BODY_LIMIT);
    if (shop.notificationPath) limits.set(shop.notificationPath, GATEWAY_NOTIFICATION_BODY_LIMIT);
  }
  for (const type of Object.values(NOTIFICATION_PATHS)) limits.set(`/api/notifications/${type}`, NOTIFICATION_BODY_LIMIT);
  app.use("/api/*", (c, next) => limited(limits.get(c.req.path) ?? MAX_OTHER_BODY)(c, next));

  // The staff view (the orders, their card facts, the actions that move money) is for the
  // shop's staff only. A real shop has its staff login; the demo lets in whoever opens the
  // link it printed at start, with an HttpOnly, SameSite=Strict cookie no other site can send.
  const isStaff = (c: Context<Env>) => sameSecret(getCookie(c, STAFF_COOKIE), staffToken);
  const staffOnly = async (c: Context<Env>, next: () => Promise<void>) => {
    if (!isStaff(c)) return c.json({ message: "Staff only: open the staff link the demo printed at start" }, 401);
    return next();
  };
  app.get("/api/orders", staffOnly);
  app.get("/api/orders/:invoiceId", staffOnly);
  app.post("/api/orders/:invoiceId/*", staffOnly);
  app.post("/api/autopay", staffOnly);
  // Merchant actions move money, the login names the shopper: only from the shop's own pages (Origin / Sec-Fetch-Site).
  app.use("/api/orders/:invoiceId/*", csrf({ origin }));
  app.use("/api/autopay", csrf({ origin }));
  app.use("/api/demo/*", csrf({ origin }));

  app.get("/healthz", (c) => c.text("ok"));

  app.get("/api/config", (c) =>
    c.json({ publicId: options.publicId, publicKeyUrl: "/api/publickey", endpoint: "/api" }),
  );

  // Same-origin copy of the gateway's public key, so pages keep connect-src 'self'.
  app.get("/api/publickey", async (c) => {
    if (!publicKeyCache || publicKeyCache.expires < Date.now()) {
      const answer = await fetch(`${options.gatewayUrl}/payments/publickey`);
      if (!answer.ok) return c.json({ message: "The gateway's public key is unavailable" }, 502);
      publicKeyCache = { body: await answer.text(), expires: Date.now() + 60_000 };
    }
    return c.body(publicKeyCache.body, 200, { "Content-Type": "application/json; charset=utf-8" });
  });

  app.post("/api/orders", async (c) => {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return c.json({ message: "Send a JSON cart: { items: [{ sku, qty }], scheme? }" }, 400);
    }
    const { items, scheme, gateway, lang, page } = (typeof body === "object" && body !== null ? body : {}) as {
      items?: unknown;
      scheme?: unknown;
      gateway?: unknown;
      lang?: unknown;
      page?: unknown;
    };
    const cart = parseCart(items);
    if (!cart.ok) return c.json({ message: cart.problem }, 400);
    if (scheme !== undefined && scheme !== "charge" && scheme !== "auth") {
      return c.json({ message: "scheme must be charge or auth" }, 400);
    }
    const shop = gateway === undefined ? "cloudpayments" : GATEWAYS.find((g) => g === gateway);
    if (shop === undefined || !shops.has(shop)) return c.json({ message: `gateway must be one of ${[...shops.keys()].join(", ")}` }, 400);
    const language = lang === "en" ? "en" : "ru";
    // A draft: priced and numbered, but an order only once the shopper pays (getOrder places it).
    const order = orders.draft(
      {
        gateway: shop,
        amount: cartTotal(cart.lines),
        currency: CURRENCY,
        description: describeCart(cart.lines, language),
        lines: cart.lines,
        scheme: scheme ?? "charge",
        // Only one of the shop's own pages: never an address the browser made up.
        ...(typeof page === "string" && RETURN_PAGES.has(page) && { returnTo: hrefIn(page, language) }),
      },
      c.env?.incoming?.socket?.remoteAddress ?? "anyone",
    );
    return c.json(
      {
        invoiceId: order.invoiceId,
        amount: order.amount,
        currency: order.currency,
        description: order.description,
        gateway: order.gateway,
        items: cartItems(cart.lines, language),
      },
      201,
    );
  });

  // The kit's returnUrl for the CloudPayments shop: one address, so the order says which page it
  // began on (its language too) and the shopper goes on there with the outcome as the kit signed it.
  // A link the kit did not sign goes to /redirect as it is, where the widget ignores it.
  app.get("/return", async (c) => {
    const url = new URL(c.req.url);
    const query = await verifyReturnQuery(url.searchParams, secret);
    const start = (query?.invoiceId !== undefined && orders.get(query.invoiceId)?.returnTo) || "/redirect";
    const target = `${start}${start.includes("?") ? "&" : "?"}${url.search.slice(1)}`;
    return c.redirect(target, 303);
  });

  // The shopper back from a gateway page (top level): the kit's signed return link is the bearer's
  // proof that this outcome was theirs; the answer is the shop's record of the order now, and only
  // its status (no card facts). A forged, altered or expired link gets nothing.
  app.get("/api/return-status", async (c) => {
    const query = await verifyReturnQuery(new URL(c.req.url).searchParams, secret);
    if (query?.invoiceId === undefined) return c.json({ message: "This return link is not valid or has expired" }, 403);
    const order = orders.get(query.invoiceId);
    return order ? c.json({ invoiceId: order.invoiceId, status: order.status }) : c.json({ message: "No such order" }, 404);
  });

  // The merchant's view (staff only, above).
  app.get("/api/orders", async (c) => {
    const list = orders.list();
    for (const order of list) {
      const refunds = await refreshRefunds(invoice, order);
      if (refunds) orders.update(order.invoiceId, { refunds });
    }
    return c.json({ orders: orders.list().map(publicView) });
  });
  app.get("/api/orders/:invoiceId", (c) => {
    const order = orders.get(c.req.param("invoiceId"));
    return order ? c.json(publicView(order)) : c.json({ message: "No such order" }, 404);
  });

  app.post("/api/orders/:invoiceId/:action{confirm|void|refund}", async (c) => {
    const order = orders.get(c.req.param("invoiceId"));
    if (!order || order.transactionId === undefined) return c.json({ message: "No paid order with that id" }, 404);
    const action = c.req.param("action") as OrderAction;
    if (!actionsFor(order).includes(action)) {
      return c.json({ message: `Cannot ${action} an order that is ${order.status}` }, 409);
    }
    const result = await runAction({ cloudPayments: client, invoice, rbs }, order, action);
    if (!result.ok) {
      orders.update(order.invoiceId, { note: result.message });
      return c.json({ message: result.message }, 502);
    }
    const updated = orders.update(order.invoiceId, {
      status: result.status,
      note: `${action} ok`,
      ...(result.refund && { refunds: [...(order.refunds ?? []), result.refund] }),
    });
    return c.json(updated ? publicView(updated) : { message: "No such order" });
  });

  // The demo login switch: a cookie session naming a demo shopper, read by every shop's getCustomer.
  app.get("/api/demo/session", (c) => c.json({ customer: customerOf(c.req.raw)?.id ?? null, customers: DEMO_CUSTOMERS }));
  app.post("/api/demo/login", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { customer?: unknown };
    const customer = body.customer === null ? null : isDemoCustomer(body.customer) ? body.customer : undefined;
    if (customer === undefined) return c.json({ message: `customer must be one of ${DEMO_CUSTOMERS.join(", ")} or null` }, 400);
    c.header("Set-Cookie", sessionCookie(customer));
    return c.json({ customer });
  });
  // The merchant's view of its customers' saved cards (never the gateway's token).
  app.get("/api/demo/customers", async (c) => {
    const now = new Date();
    const customers = await Promise.all(
      DEMO_CUSTOMERS.map(async (id) => ({
        id,
        cards: (await savedCards.list(id)).map((card) => ({
          id: card.id,
          gateway: card.gateway,
          brand: card.brand,
          lastFour: card.lastFour,
          expMonth: card.expMonth,
          expYear: card.expYear,
          expired: card.expYear < now.getUTCFullYear() || (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1),
        })),
      })),
    );
    return c.json({ customers });
  });

  // A merchant-initiated payment (an autopayment): a new order charged to a customer's saved card, without the shopper.
  app.post("/api/autopay", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { customer?: unknown; savedCardId?: unknown; key?: unknown };
    if (!isDemoCustomer(body.customer) || typeof body.savedCardId !== "string") return c.json({ message: "customer and savedCardId are required" }, 400);
    const card = await savedCards.get(body.customer, body.savedCardId);
    const gateway = GATEWAYS.find((g) => g === card?.gateway);
    const shop = gateway === undefined ? undefined : shops.get(gateway);
    if (!card || !shop) return c.json({ message: "No such saved card" }, 404);
    const key = typeof body.key === "string" && /^[\w-]{8,64}$/.test(body.key) ? body.key : crypto.randomUUID();
    const lines = [{ sku: "tea", qty: 1 }];
    const order = orders.create({
      gateway: shop.gateway,
      amount: cartTotal(lines),
      currency: CURRENCY,
      description: `Autopayment: ${describeCart(lines)}`,
      lines,
      scheme: "charge",
    });
    if (order === null) return c.json({ message: "The demo shop is full of orders being paid; try again later" }, 503);
    const result = await shop.handlers.chargeSavedCard({
      customerId: card.customerId,
      savedCardId: card.id,
      invoiceId: order.invoiceId,
      amount: order.amount,
      currency: order.currency,
      description: order.description,
      idempotencyKey: `autopay-${key}`,
    });
    const updated = orders.get(order.invoiceId) ?? order;
    return c.json({ order: publicView(updated), result }, result.status === "approved" ? 200 : 402);
  });

  const withClientIp = (c: Context<Env>): Request => {
    const request = c.req.raw;
    const ip = c.env?.incoming?.socket?.remoteAddress;
    if (ip) setRemoteAddress(request, ip);
    return request;
  };

  app.post("/api/pay", async (c) => {
    // Peek at the (already size-limited) body only while a test fault is armed.
    const peek =
      faults.armedCount > 0 ? ((await c.req.raw.clone().json().catch(() => null)) as { invoiceId?: unknown } | null) : null;
    const fault = faults.take(typeof peek?.invoiceId === "string" ? peek.invoiceId : undefined);
    if (fault === "before") return c.json({ status: "error", message: "Injected failure (before the gateway)" }, 500);
    const response = await checkout.pay(withClientIp(c));
    if (fault === "after") return c.json({ status: "error", message: "Injected failure (after the gateway)" }, 500);
    if (fault === "drop") {
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    return response;
  });

  // POST from the bank's page; GET ?script=1 for the return page's own script.
  app.on(["GET", "POST"], "/api/3ds/return", (c) => checkout.threeDsReturn(withClientIp(c)));

  // Every shop's saved cards; the Invoice and RBS shops' pay, return and notification routes.
  for (const shop of shops.values()) {
    const { handlers, endpoint } = shop;
    // The widget's word that its shopper left 3-D Secure: the kit asks the gateway before the order follows.
    app.on(["POST", "OPTIONS"], `${endpoint}/pay/abandon`, (c) => handlers.abandon(c.req.raw));
    app.on(["GET", "OPTIONS"], `${endpoint}/saved-cards`, (c) => handlers.savedCards(c.req.raw));
    app.on(["DELETE", "OPTIONS"], `${endpoint}/saved-cards/:id`, (c) => handlers.savedCards(c.req.raw));
    if (shop.gateway === "cloudpayments") continue;
    app.on(["POST", "OPTIONS"], `${endpoint}/pay`, (c) => handlers.pay(withClientIp(c)));
    app.on(["GET", "POST"], shop.returnPath, (c) => handlers.threeDsReturn(withClientIp(c)));
    const notificationPath = shop.notificationPath;
    if (notificationPath) app.on(["GET", "POST"], notificationPath, (c) => handlers.notification(c.req.raw));
  }
  // CloudPayments' own notifications (server to server, signed with the API Secret).
  for (const type of Object.values(NOTIFICATION_PATHS)) {
    app.on(["GET", "POST"], `/api/notifications/${type}`, (c) => checkout.notifications[type](c.req.raw));
  }

  if (options.testHooks) {
    // The e2e tests' way to the staff view.
    app.get("/api/__test/staff-link", (c) => c.json({ url: `/orders?staff=${encodeURIComponent(staffToken)}` }));
    app.post("/api/__test/fail-next-pay", async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { invoiceId?: unknown; mode?: unknown; times?: unknown };
      if (typeof body.invoiceId !== "string") return c.json({ message: "invoiceId is required" }, 400);
      const mode = body.mode === "after" || body.mode === "drop" ? body.mode : "before";
      const times = typeof body.times === "number" && body.times > 0 ? Math.min(10, Math.floor(body.times)) : 1;
      faults.arm(body.invoiceId, mode, times);
      return c.json({ armed: mode, times });
    });
  }

  const serveFrom = (dir: string, prefix: string) => async (c: Context<Env>) => {
    const file = await readStatic(dir, c.req.path.slice(prefix.length));
    if (!file) return c.text("Not found", 404);
    return c.body(new Uint8Array(file.body), 200, { "Content-Type": file.type, "Cache-Control": "no-cache" });
  };
  app.get("/dist/*", serveFrom(join(rootDir, "dist"), "/dist/"));
  app.get("/pages/*", serveFrom(join(rootDir, "demo", "dist", "pages"), "/pages/"));
  app.get("/assets/*", serveFrom(join(rootDir, "demo", "dist", "npm", "assets"), "/assets/"));
  app.get("/demo.css", serveFrom(join(rootDir, "demo", "public"), "/"));
  app.get("/favicon.svg", serveFrom(join(rootDir, "demo", "public"), "/"));

  for (const page of PAGES) {
    app.get(page.path, async (c) => {
      if (page.path === "/orders") {
        const given = c.req.query("staff");
        if (given !== undefined && sameSecret(given, staffToken)) {
          setCookie(c, STAFF_COOKIE, staffToken, { httpOnly: true, sameSite: "Strict", path: "/" });
          // Out of the address bar and the history at once.
          return c.redirect(hrefIn("/orders", langOf(c.req.query("lang"))), 303);
        }
        if (!isStaff(c)) return c.html(await renderPage(htmlDir, STAFF_ONLY_PAGE, null, langOf(c.req.query("lang"))), 403);
      }
      if (page.path === "/npm") {
        const built = await readFile(join(rootDir, "demo", "dist", "npm", "index.html"), "utf8").catch(() => null);
        if (!built) return c.text("The npm page is not built: run `npm run demo` (it builds first).", 503);
        return c.html(fillPlaceholders(built, page, null, langOf(c.req.query("lang"))));
      }
      if (page.strictCsp) {
        const nonce = randomBytes(16).toString("base64");
        c.header("Content-Security-Policy", strictCsp(nonce, gatewayOrigin));
        return c.html(await renderPage(htmlDir, page, nonce, langOf(c.req.query("lang"))));
      }
      return c.html(await renderPage(htmlDir, page, null, langOf(c.req.query("lang"))));
    });
  }

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ message: "Not found" }, 404) : c.text("Not found", 404)));
  app.onError((error, c) => {
    // Middleware refusals (csrf's 403) carry their own answer.
    if (error instanceof HTTPException) return error.getResponse();
    console.error("demo: unhandled error", error instanceof Error ? error.message : String(error));
    return c.json({ message: "Internal error" }, 500);
  });

  return { app, orders, client, invoice, rbs, savedCards, staffToken };
}
