// The gateway's POST API: Basic auth (401), body parsing, X-Request-ID idempotency, and the
// handler table. Handlers are synchronous after the body is read, so a state change cannot
// interleave with another request's.
import crypto from "node:crypto";
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiAnswer } from "./api-answer.ts";
import { ok, refused } from "./api-answer.ts";
import { isAuthorized } from "./basic-auth.ts";
import { payByCryptogram, post3ds } from "./card-payments.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { IdempotencyCache } from "./idempotency.ts";
import { getNotificationSettings, NOTIFICATION_TYPES, notificationTypeOf, updateNotificationSettings } from "./notifications.ts";
import { createOrder } from "./orders.ts";
import type { Params } from "./params.ts";
import { ParameterError } from "./params.ts";
import { confirm, findByInvoice, getTransaction, refund, voidPayment } from "./payment-operations.ts";
import { readParams } from "./request-body.ts";
import { cancelSubscription, createSubscription, getSubscription } from "./subscriptions.ts";
import { payByToken } from "./token-payments.ts";
import { toModel } from "./transactions.ts";

type Handler = (ctx: GatewayContext, params: Params) => ApiAnswer;

export const API_HANDLERS: Readonly<Record<string, Handler>> = {
  "/test": () => ({ status: 200, body: { Success: true, Message: crypto.randomUUID() } }),
  "/payments/cards/charge": (ctx, p) => payByCryptogram(ctx, p, "charge"),
  "/payments/cards/auth": (ctx, p) => payByCryptogram(ctx, p, "auth"),
  "/payments/cards/post3ds": post3ds,
  "/payments/tokens/charge": (ctx, p) => payByToken(ctx, p, "charge"),
  "/payments/tokens/auth": (ctx, p) => payByToken(ctx, p, "auth"),
  "/payments/confirm": confirm,
  "/payments/void": voidPayment,
  "/payments/refund": refund,
  "/payments/get": getTransaction,
  "/payments/find": (ctx, p) => findByInvoice(ctx, p, "payments"),
  "/v2/payments/find": (ctx, p) => findByInvoice(ctx, p, "operations"),
  "/subscriptions/create": createSubscription,
  "/subscriptions/get": getSubscription,
  "/subscriptions/cancel": cancelSubscription,
  "/orders/create": createOrder,
  ...Object.fromEntries(
    // The type as the documentation writes it ("Pay") and in lower case.
    NOTIFICATION_TYPES.flatMap((type) => [type, type.toLowerCase()]).flatMap((segment): [string, Handler][] => {
      const type = notificationTypeOf(segment) ?? "Pay";
      return [
        [`/site/notifications/${segment}/get`, (ctx) => getNotificationSettings(ctx.notifications, type)],
        [`/site/notifications/${segment}/update`, (ctx, p) => updateNotificationSettings(ctx.notifications, type, p)],
      ];
    }),
  ),
};

export interface ApiRouteOptions {
  apiSecret: string;
  idempotency: IdempotencyCache<ApiAnswer>;
}

const MAX_REQUEST_ID_LENGTH = 256;

export function registerApiRoutes(app: Hono, ctx: GatewayContext, options: ApiRouteOptions): void {
  const authorized = (c: Context) => isAuthorized(c.req.header("authorization"), ctx.publicId, options.apiSecret);
  const unauthorized = (c: Context) =>
    c.json({ Success: false, Message: "Unauthorized" }, 401, { "WWW-Authenticate": 'Basic realm="sandbox", charset="UTF-8"' });
  const send = (c: Context, answer: ApiAnswer) =>
    c.body(JSON.stringify(answer.body), answer.status as ContentfulStatusCode, { "Content-Type": "application/json; charset=utf-8" });

  for (const [path, handler] of Object.entries(API_HANDLERS)) {
    app.post(path, async (c) => {
      if (!authorized(c)) return unauthorized(c);
      const requestId = c.req.header("x-request-id");
      const run = async (): Promise<ApiAnswer> => {
        const body = await readParams(c.req.raw);
        if (!body.ok) return body.answer;
        try {
          return handler(ctx, body.params);
        } catch (error) {
          if (error instanceof ParameterError) return refused(error.message);
          throw error;
        }
      };
      if (requestId === undefined || requestId === "") return send(c, await run());
      if (requestId.length > MAX_REQUEST_ID_LENGTH) return send(c, refused("X-Request-ID is too long", 400));
      return send(c, await options.idempotency.run(`${path}\n${requestId}`, run));
    });
    app.all(path, (c) => c.json({ Success: false, Message: "Method not allowed: use POST" }, 405, { Allow: "POST" }));
  }

  // Debug: every stored transaction (payments Type 0, refunds Type 1), oldest first.
  app.get("/__sandbox/transactions", (c) => {
    if (!authorized(c)) return unauthorized(c);
    return send(c, ok(ctx.transactions.list().map((r) => toModel(r, ctx.publicId))));
  });
}

export const isSuccessfulAnswer = (answer: ApiAnswer): boolean => answer.status === 200 && answer.body.Success;
