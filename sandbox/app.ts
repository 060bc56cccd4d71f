// The sandbox's Hono app: public key, ACS, the gateway API, an order-link page, limits and errors.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { registerAcsRoutes } from "./acs-routes.ts";
import type { ApiAnswer } from "./api-answer.ts";
import { isSuccessfulAnswer, registerApiRoutes } from "./api-routes.ts";
import type { GatewayContext } from "./gateway-context.ts";
import { escapeHtml, PAGE_HEADERS, renderPage } from "./html-page.ts";
import { IdempotencyCache } from "./idempotency.ts";
import type { InvoiceSandboxOptions } from "./invoice/index.ts";
import { invoiceBodyTooLarge, isInvoiceApiPath, registerInvoice } from "./invoice/index.ts";
import { MAX_BODY_BYTES } from "./request-body.ts";
import type { RbsGateway } from "./rbs/index.ts";

export interface AppOptions {
  apiSecret: string;
  publicKeyPem: string;
  maxIdempotencyEntries: number;
  idempotencyTtlMs: number;
  rbs: RbsGateway;
  /** The Invoice cash API under /api/v2 and its payment page. */
  invoice: InvoiceSandboxOptions;
}

export function createSandboxApp(ctx: GatewayContext, options: AppOptions): Hono {
  const app = new Hono();
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // Each API refuses in its own shape.
        if (isInvoiceApiPath(c.req.path)) return invoiceBodyTooLarge(c);
        const message = `Request body is larger than ${MAX_BODY_BYTES / 1024} KB`;
        if (c.req.path.startsWith("/payment/rest/")) return c.json({ errorCode: "5", errorMessage: message }, 413);
        return c.json({ Success: false, Message: message }, 413);
      },
    }),
  );

  // The widget fetches the key from the shopper's browser: the only cross-origin endpoint.
  app.use("/payments/publickey", cors({ origin: "*", allowMethods: ["GET", "POST"] }));
  app.on(["GET", "POST"], "/payments/publickey", (c) => c.json({ Pem: options.publicKeyPem, Version: ctx.keyVersion }));

  registerAcsRoutes(app, ctx, [options.rbs.acsChallenges]);
  options.rbs.registerRoutes(app);
  registerApiRoutes(app, ctx, {
    apiSecret: options.apiSecret,
    idempotency: new IdempotencyCache<ApiAnswer>({
      ttlMs: options.idempotencyTtlMs,
      maxEntries: options.maxIdempotencyEntries,
      isStorable: isSuccessfulAnswer,
    }),
  });

  registerInvoice(app, options.invoice);

  app.get("/orders/d/:id", (c) => {
    const order = ctx.orders.orders.get(c.req.param("id"));
    if (order === undefined) return c.json({ Success: false, Message: "Not found" }, 404);
    const body = `<main><h1>Order ${order.Number}</h1><p>${escapeHtml(order.Description)}</p><p>${escapeHtml(
      `${order.Amount} ${order.Currency}`,
    )}</p><p>This is the sandbox's payment link. The sandbox takes no payments here.</p></main>`;
    return c.body(renderPage({ lang: "en", title: `Order ${order.Number}`, body }), 200, PAGE_HEADERS);
  });

  app.notFound((c) => c.json({ Success: false, Message: "Not found" }, 404));
  app.onError((error, c) => {
    // The name only: a message could quote request data.
    console.error(`sandbox: internal error (${error.name}) on ${c.req.method} ${c.req.path}`);
    return c.json({ Success: false, Message: "Internal sandbox error" }, 500);
  });
  return app;
}
