// Invoice cash API v2 routes: `POST /api/v2/<Method>`, JSON only, Basic auth with MerchantID:ApiKey.
// 401 and 400 answer `{ error }` naming the problem (400 adds `error_code` for a §9.2 error).
// Handlers are synchronous after the body is read, so state changes cannot interleave.
import type { Context, Hono } from "hono";
import { isAuthorized } from "../basic-auth.ts";
import { escapeHtml, PAGE_HEADERS, renderPage } from "../html-page.ts";
import { MAX_BODY_BYTES } from "../request-body.ts";
import { Fields, InvoiceRequestError, isJsonObject } from "./json-fields.ts";
import type { InvoiceApiContext, InvoiceMethod } from "./methods.ts";
import { INVOICE_METHODS } from "./methods.ts";
import { paymentModel, refundModel, TERMINAL_PAGE_PATH } from "./models.ts";

export interface InvoiceCredentials {
  merchantId: string;
  apiKey: string;
}

const API_PREFIX = "/api/v2";
const BY_LOWER_NAME = new Map(Object.entries(INVOICE_METHODS).map(([name, method]) => [name.toLowerCase(), method]));

function methodNamed(name: string): InvoiceMethod | undefined {
  return INVOICE_METHODS[name] ?? BY_LOWER_NAME.get(name.toLowerCase());
}

const json = (c: Context, body: unknown, status: 200 | 400 | 401 | 404 | 405 | 413 | 500, headers: Record<string, string> = {}) =>
  c.body(JSON.stringify(body), status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });

async function readJsonObject(c: Context): Promise<Fields> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new InvoiceRequestError("Content-Type must be application/json");
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new InvoiceRequestError("Request body could not be read");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input; never echo a request body.
    throw new InvoiceRequestError("Request body is not valid JSON");
  }
  if (!isJsonObject(parsed)) throw new InvoiceRequestError("Request body must be a JSON object");
  return new Fields(parsed);
}

export function registerInvoiceApi(app: Hono, ctx: InvoiceApiContext, credentials: InvoiceCredentials): void {
  const authorized = (c: Context) => isAuthorized(c.req.header("authorization"), credentials.merchantId, credentials.apiKey);
  const unauthorized = (c: Context) =>
    json(
      c,
      { error: c.req.header("authorization") ? "Unauthorized: wrong Merchant ID or API key" : "Unauthorized: the Authorization header (Basic MerchantID:ApiKey) is missing" },
      401,
      { "WWW-Authenticate": 'Basic realm="invoice-sandbox", charset="UTF-8"' },
    );

  app.post(`${API_PREFIX}/:method`, async (c) => {
    const method = methodNamed(c.req.param("method"));
    if (method === undefined) return json(c, { error: `Unknown method ${c.req.param("method").slice(0, 64)}` }, 404);
    if (!authorized(c)) return unauthorized(c);
    try {
      const body = await readJsonObject(c);
      return json(c, method(ctx, body), 200);
    } catch (error) {
      if (error instanceof InvoiceRequestError) {
        return json(c, { error: error.message, ...(error.errorCode !== null && { error_code: error.errorCode }) }, 400);
      }
      // The name only: a message could quote request data.
      console.error(`sandbox: internal error (${error instanceof Error ? error.name : "unknown"}) on POST ${c.req.path}`);
      return json(c, { error: "Internal sandbox error" }, 500);
    }
  });
  app.all(`${API_PREFIX}/:method`, (c) => json(c, { error: "Method not allowed: use POST" }, 405, { Allow: "POST" }));
  app.all(`${API_PREFIX}/*`, (c) => json(c, { error: "Unknown method" }, 404));

  // The terminal's `link`: a small page about the terminal (payments go through CreatePayment).
  app.get(`${TERMINAL_PAGE_PATH}/:id`, (c) => {
    const terminal = ctx.store.terminals.get(c.req.param("id"));
    if (terminal === undefined) return json(c, { error: "Terminal not found" }, 404);
    const price = terminal.type === "static" ? `<p>${escapeHtml(`${terminal.defaultPriceMinor / 100} RUB`)}</p>` : "";
    const body = `<main><h1>${escapeHtml(terminal.name)}</h1>${terminal.description ? `<p>${escapeHtml(terminal.description)}</p>` : ""}${price}<p>This is the sandbox's page of an Invoice terminal. Payments are made on the payment_url that CreatePayment returns.</p></main>`;
    return c.body(renderPage({ lang: "en", title: terminal.name, body }), 200, PAGE_HEADERS);
  });

  // Debug: every stored payment and refund as the API shows them, oldest first.
  app.get("/__sandbox/invoice", (c) => {
    if (!authorized(c)) return unauthorized(c);
    const now = ctx.now();
    return json(
      c,
      {
        payments: ctx.store.allPayments(now).map((p) => ({ ...paymentModel(ctx, p), terminal_id: p.terminalId, trtype: p.trtype })),
        refunds: ctx.store.allRefunds(now).map((r) => refundModel(r, ctx.store.payment(r.paymentId, now))),
      },
      200,
    );
  });
}

/** What the sandbox's body limit answers on an Invoice path. */
export function invoiceBodyTooLarge(c: Context): Response {
  return json(c, { error: `Request body is larger than ${MAX_BODY_BYTES / 1024} KB` }, 413);
}

export const isInvoiceApiPath = (path: string): boolean => path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
