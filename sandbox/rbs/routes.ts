// `/payment/rest/<method>.do`: GET with a query or POST form-encoded (a query on a POST counts
// too), credentials `userName`/`password` among the parameters, JSON answers with HTTP 200 as
// the platform answers them, refusals included.
import crypto from "node:crypto";
import type { Context, Hono } from "hono";
import { errorAnswer, RbsRefusal, refusals, type RbsAnswer } from "./answers.ts";
import type { RbsContext } from "./context.ts";
import { RBS_METHODS } from "./methods.ts";
import { RbsParams } from "./params.ts";

export const RBS_REST_PATH = "/payment/rest";

function sameText(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

async function readParams(c: Context): Promise<RbsParams> {
  const query = new URL(c.req.url).searchParams;
  if (c.req.method !== "POST") return RbsParams.from(query);
  const text = await c.req.text();
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (text === "") return RbsParams.from(query);
  if (type !== "application/x-www-form-urlencoded") throw refusals.notForm();
  return RbsParams.from(query, new URLSearchParams(text));
}

export function registerRbsRoutes(app: Hono, ctx: RbsContext): void {
  const send = (c: Context, answer: RbsAnswer, status: 200 | 404 | 405 | 500 = 200) => c.json(answer, status);

  app.on(["GET", "POST"], `${RBS_REST_PATH}/:method`, async (c) => {
    const handler = Object.hasOwn(RBS_METHODS, c.req.param("method")) ? RBS_METHODS[c.req.param("method")] : undefined;
    if (handler === undefined) return send(c, { errorCode: "7", errorMessage: "Unknown method" }, 404);
    let params: RbsParams | null = null;
    try {
      params = await readParams(c);
      const userName = params.text("userName", 100) ?? "";
      const password = params.text("password", 100) ?? "";
      // Both are always compared, so timing does not tell which one was wrong.
      const userOk = sameText(userName, ctx.userName);
      const passwordOk = sameText(password, ctx.password);
      if (!userOk || !passwordOk) throw refusals.accessDenied();
      return send(c, handler(ctx, params, params.lang()));
    } catch (error) {
      const lang = params?.lang() ?? "ru";
      if (error instanceof RbsRefusal) return send(c, errorAnswer(error, lang));
      // The name only: a message could quote request data.
      console.error(`sandbox: internal error (${error instanceof Error ? error.name : "unknown"}) on ${c.req.method} ${c.req.path}`);
      return send(c, errorAnswer(refusals.system(), lang), 500);
    }
  });
  app.all(`${RBS_REST_PATH}/*`, (c) =>
    c.req.method === "GET" || c.req.method === "POST"
      ? send(c, { errorCode: "7", errorMessage: "Unknown method" }, 404)
      : send(c, { errorCode: "7", errorMessage: "Method not allowed: use GET or POST" }, 405),
  );
}
