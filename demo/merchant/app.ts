// The demo merchant: orders, the server kit's checkout handlers, the merchant's order page, static files.
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
  CloudPaymentsClient,
  NOTIFICATION_BODY_LIMIT,
  PAY_BODY_LIMIT,
  THREE_DS_BODY_LIMIT,
  createCheckoutHandlers,
  setRemoteAddress,
} from "../../server/index.ts";
import { nodeGatewayHttp, remoteAddress } from "../../server/node/index.ts";
import type { CheckoutResultEvent, PaymentOperationEvent } from "../../server/index.ts";
import type { PayResponse } from "../../server/contract.ts";
import { CURRENCY, cartTotal, describeCart, parseCart } from "./catalog.ts";
import { OrderStore } from "./order-store.ts";
import type { Order, OrderStatus } from "./order-store.ts";
import { PAGES, STAFF_ONLY_PAGE, fillPlaceholders, renderPage, strictCsp } from "./pages.ts";
import { readStatic } from "./static-files.ts";
import { PayFaults } from "./pay-faults.ts";

export interface DemoAppOptions {
  /** Absolute origin the shop is served from, e.g. http://127.0.0.1:8080 */
  origin: string;
  /** The sandbox gateway's base URL. */
  gatewayUrl: string;
  publicId: string;
  apiSecret: string;
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
/** Anything else that takes a body (merchant actions, test hooks). */
const MAX_OTHER_BODY = 1024;
/** Once money moved (or is held), a later gateway event must not rewrite the order. */
const SETTLED: ReadonlySet<OrderStatus> = new Set(["paid", "authorized", "confirmed", "voided", "refunded"]);

function statusOf(result: PayResponse, order: Order): OrderStatus {
  switch (result.status) {
    case "approved":
      return order.scheme === "auth" ? "authorized" : "paid";
    case "declined":
      return "declined";
    case "3ds":
      return "3ds";
    case "error":
      return "error";
  }
}

const OPERATION_STATUS: Record<PaymentOperationEvent["operation"], OrderStatus> = {
  confirmed: "confirmed",
  refunded: "refunded",
  cancelled: "voided",
};

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the merchant's pages see of an order: not the paying attempt's X-Request-ID. */
function publicView(order: Order): Omit<Order, "paidByRequestId"> {
  const { paidByRequestId: _hidden, ...view } = order;
  return view;
}

export function createDemoApp(options: DemoAppOptions) {
  const { origin, rootDir } = options;
  const gatewayOrigin = new URL(options.gatewayUrl).origin;
  const htmlDir = join(rootDir, "demo", "html");
  const orders = new OrderStore({ capacity: options.orderCapacity ?? 1000 });
  const staffToken = options.staffToken ?? randomBytes(24).toString("base64url");
  const faults = new PayFaults();
  const client = new CloudPaymentsClient({
    baseUrl: options.gatewayUrl,
    publicId: options.publicId,
    apiSecret: options.apiSecret,
    http: nodeGatewayHttp(),
  });

  function recordResult(event: CheckoutResultEvent): void {
    const { result } = event;
    const transactionId = "transactionId" in result ? result.transactionId : undefined;
    const order =
      (event.invoiceId ? orders.get(event.invoiceId) : undefined) ??
      (transactionId !== undefined ? orders.findByTransaction(transactionId) : undefined);
    if (!order) return;
    if (event.extraPayment) {
      // A payment the order must not keep: never dropped silently, whatever the order's status.
      const { transactionId: extraId, reason, action } = event.extraPayment;
      orders.update(order.invoiceId, {
        extraPayments: [...(order.extraPayments ?? []), { transactionId: extraId, reason, action }],
        note: `Extra payment ${extraId} (${reason}): ${action.replace("_", " ")}`,
      });
      return;
    }
    if (SETTLED.has(order.status)) {
      // The same payment told again (the notification came first): note the attempt that paid it.
      if (result.status === "approved" && result.transactionId === order.transactionId && order.paidByRequestId === null && event.requestId) {
        orders.update(order.invoiceId, { paidByRequestId: event.requestId });
      }
      return;
    }
    // A late decline of another attempt says nothing about this order's newer one.
    if (event.stage === "notification" && result.status === "declined" && order.transactionId !== undefined && order.transactionId !== transactionId) return;
    const change: Partial<Order> = { status: statusOf(result, order) };
    if (transactionId !== undefined) change.transactionId = transactionId;
    if (result.status === "approved") {
      change.paidByRequestId = event.requestId ?? null;
      change.cardType = result.cardType;
      change.cardLastFour = result.cardLastFour;
      change.note = `AuthCode ${result.authCode}`;
    } else if (result.status === "declined") {
      change.note = `${result.reasonCode} ${result.reason}`;
    } else if (result.status === "error") {
      change.note = result.message;
    }
    orders.update(order.invoiceId, change);
  }

  function recordOperation(event: PaymentOperationEvent): void {
    const order = orders.findByTransaction(event.paymentTransactionId);
    if (!order || order.status === OPERATION_STATUS[event.operation]) return;
    orders.update(order.invoiceId, { status: OPERATION_STATUS[event.operation], note: `${event.operation} (gateway notification)` });
  }

  const checkout = createCheckoutHandlers({
    client,
    // One process: a random secret will do. Several instances share one (and one attempt store).
    secret: options.secret ?? randomBytes(32).toString("base64url"),
    getOrder: (invoiceId) => {
      const order = orders.get(invoiceId);
      // Asked to pay it: the order is kept while the payment may be under way.
      if (order) orders.markPaying(invoiceId);
      return order
        ? {
            amount: order.amount,
            currency: order.currency,
            description: order.description,
            scheme: order.scheme,
            // Paid orders refuse a new attempt; the paying attempt's own retry is answered from the gateway.
            ...(order.paidByRequestId !== undefined && {
              paidByRequestId: order.paidByRequestId,
              paidTransactionId: order.transactionId ?? null,
            }),
          }
        : null;
    },
    termUrl: `${origin}/api/3ds/return`,
    allowedOrigins: [origin],
    returnUrl: `${origin}/redirect`,
    onResult: recordResult,
    onPaymentEvent: recordOperation,
    getClientIp: remoteAddress, // recorded by withClientIp below
    // Every demo shopper comes from 127.0.0.1, so the per-IP limit is wider than a shop's.
    failureLimits: { perIp: { max: 100, windowMs: 15 * 60_000 } },
    // The widget's redirect screen shows the last four digits, which it reads from the URL; a
    // shop that prefers URLs without them leaves this out (and its widget shows the brand only).
    returnQuery: { cardLastFour: true },
  });

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
  app.use("/api/pay", limited(PAY_BODY_LIMIT));
  app.use("/api/3ds/return", limited(THREE_DS_BODY_LIMIT));
  app.use("/api/notifications/*", limited(NOTIFICATION_BODY_LIMIT));
  app.post("/api/orders", limited(MAX_ORDER_BODY));
  app.use("/api/*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api/pay" || path === "/api/3ds/return" || path === "/api/orders" || path.startsWith("/api/notifications/")) return next();
    return limited(MAX_OTHER_BODY)(c, next);
  });

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
  // Merchant actions move money: only from the shop's own pages (Origin / Sec-Fetch-Site) too.
  app.use("/api/orders/:invoiceId/*", csrf({ origin }));

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
    const { items, scheme } = (typeof body === "object" && body !== null ? body : {}) as {
      items?: unknown;
      scheme?: unknown;
    };
    const cart = parseCart(items);
    if (!cart.ok) return c.json({ message: cart.problem }, 400);
    if (scheme !== undefined && scheme !== "charge" && scheme !== "auth") {
      return c.json({ message: "scheme must be charge or auth" }, 400);
    }
    const order = orders.create(
      {
        amount: cartTotal(cart.lines),
        currency: CURRENCY,
        description: describeCart(cart.lines),
        lines: cart.lines,
        scheme: scheme ?? "charge",
      },
      c.env?.incoming?.socket?.remoteAddress ?? "anyone",
    );
    if (order === null) return c.json({ message: "The demo shop is full of orders being paid; try again later" }, 503);
    return c.json(
      { invoiceId: order.invoiceId, amount: order.amount, currency: order.currency, description: order.description },
      201,
    );
  });

  // The merchant's view (staff only, above).
  app.get("/api/orders", (c) => c.json({ orders: orders.list().map(publicView) }));
  app.get("/api/orders/:invoiceId", (c) => {
    const order = orders.get(c.req.param("invoiceId"));
    return order ? c.json(publicView(order)) : c.json({ message: "No such order" }, 404);
  });

  app.post("/api/orders/:invoiceId/:action{confirm|void|refund}", async (c) => {
    const order = orders.get(c.req.param("invoiceId"));
    if (!order || order.transactionId === undefined) return c.json({ message: "No paid order with that id" }, 404);
    const action = c.req.param("action");
    const allowed: Record<string, readonly OrderStatus[]> = {
      confirm: ["authorized"],
      void: ["authorized"],
      refund: ["paid", "confirmed"],
    };
    if (!allowed[action]?.includes(order.status)) {
      return c.json({ message: `Cannot ${action} an order that is ${order.status}` }, 409);
    }
    const TransactionId = order.transactionId;
    const result =
      action === "confirm"
        ? await client.payments.confirm({ TransactionId, Amount: order.amount })
        : action === "void"
          ? await client.payments.void({ TransactionId })
          : await client.payments.refund({ TransactionId, Amount: order.amount });
    if (!result.ok) {
      orders.update(order.invoiceId, { note: result.message });
      return c.json({ message: result.message }, 502);
    }
    const status: OrderStatus = action === "confirm" ? "confirmed" : action === "void" ? "voided" : "refunded";
    const updated = orders.update(order.invoiceId, { status, note: `${action} ok` });
    return c.json(updated ? publicView(updated) : { message: "No such order" });
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

  // The gateway's own notifications (server to server, signed with the API Secret).
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

  for (const page of PAGES) {
    app.get(page.path, async (c) => {
      if (page.path === "/orders") {
        const given = c.req.query("staff");
        if (given !== undefined && sameSecret(given, staffToken)) {
          setCookie(c, STAFF_COOKIE, staffToken, { httpOnly: true, sameSite: "Strict", path: "/" });
          // Out of the address bar and the history at once.
          return c.redirect("/orders", 303);
        }
        if (!isStaff(c)) return c.html(await renderPage(htmlDir, STAFF_ONLY_PAGE, null), 403);
      }
      if (page.path === "/npm") {
        const built = await readFile(join(rootDir, "demo", "dist", "npm", "index.html"), "utf8").catch(() => null);
        if (!built) return c.text("The npm page is not built: run `npm run demo` (it builds first).", 503);
        return c.html(fillPlaceholders(built, page, null));
      }
      if (page.strictCsp) {
        const nonce = randomBytes(16).toString("base64");
        c.header("Content-Security-Policy", strictCsp(nonce, gatewayOrigin));
        return c.html(await renderPage(htmlDir, page, nonce));
      }
      return c.html(await renderPage(htmlDir, page, null));
    });
  }

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ message: "Not found" }, 404) : c.text("Not found", 404)));
  app.onError((error, c) => {
    // Middleware refusals (csrf's 403) carry their own answer.
    if (error instanceof HTTPException) return error.getResponse();
    console.error("demo: unhandled error", error instanceof Error ? error.message : String(error));
    return c.json({ message: "Internal error" }, 500);
  });

  return { app, orders, client, staffToken };
}
