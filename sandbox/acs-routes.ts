// The sandbox's 3-D Secure ACS: POST /acs (MD, PaReq, TermUrl) shows the challenge; its form
// posts to /acs/complete on the same origin, which answers a page that carries MD and a signed
// PaRes on to TermUrl. Bad requests get a 400 page.
import type { Context, Hono } from "hono";
import { renderBadRequest, renderChallenge, renderReturn } from "./acs-page.ts";
import { ACS_CSS, ACS_SUBMIT_JS } from "./acs-assets.ts";
import type { AcsLang } from "./acs-texts.ts";
import { pickLang } from "./acs-texts.ts";
import type { GatewayContext } from "./gateway-context.ts";
import { PAGE_HEADERS } from "./html-page.ts";
import type { TransactionRecord } from "./transactions.ts";
import { toMajor } from "./transactions.ts";

/** The one code the test bank accepts. */
export const ACS_OTP = "123456";

type Fields = Map<string, string>;
type Checked = { ok: true; record: TransactionRecord; md: string; paReq: string; termUrl: string } | { ok: false; problem: string };

async function readForm(c: Context): Promise<Fields | string> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return "The ACS expects a form post (application/x-www-form-urlencoded)";
  const fields: Fields = new Map();
  for (const [name, value] of new URLSearchParams(await c.req.text())) {
    if (fields.has(name)) return `Field ${name} is repeated`;
    fields.set(name, value);
  }
  return fields;
}

function checkChallenge(ctx: GatewayContext, fields: Fields): Checked {
  const md = fields.get("MD");
  const paReq = fields.get("PaReq");
  const termUrl = fields.get("TermUrl");
  if (!md) return { ok: false, problem: "MD is required" };
  if (!paReq) return { ok: false, problem: "PaReq is required" };
  if (!termUrl) return { ok: false, problem: "TermUrl is required" };
  if (!isHttpUrl(termUrl)) return { ok: false, problem: "TermUrl must be an http(s) address" };
  const record = /^\d{1,15}$/.test(md) ? ctx.transactions.get(Number(md)) : undefined;
  if (record === undefined || record.threeDs === null) return { ok: false, problem: "MD does not name a transaction awaiting 3-D Secure" };
  if (record.threeDs.paReq !== paReq) return { ok: false, problem: "PaReq does not belong to this transaction" };
  if (record.status !== "AwaitingAuthentication" || record.threeDs.paResUsed) {
    return { ok: false, problem: "This authentication has already been completed" };
  }
  return { ok: true, record, md, paReq, termUrl };
}

function isHttpUrl(text: string): boolean {
  if (text.length > 2048) return false;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function registerAcsRoutes(app: Hono, ctx: GatewayContext): void {
  const langOf = (c: Context, fields: Fields | null): AcsLang =>
    pickLang(fields?.get("lang") ?? c.req.query("lang"), c.req.header("accept-language"));
  const page = (c: Context, html: string, status: 200 | 400) => c.body(html, status, PAGE_HEADERS);
  const bad = (c: Context, lang: AcsLang, problem: string) => page(c, renderBadRequest(lang, problem), 400);

  app.post("/acs", async (c) => {
    const fields = await readForm(c);
    if (typeof fields === "string") return bad(c, langOf(c, null), fields);
    const lang = langOf(c, fields);
    const checked = checkChallenge(ctx, fields);
    if (!checked.ok) return bad(c, lang, checked.problem);
    const { record } = checked;
    return page(
      c,
      renderChallenge({
        lang,
        md: checked.md,
        paReq: checked.paReq,
        termUrl: checked.termUrl,
        amount: toMajor(record.amountMinor),
        currency: record.currency,
        cardType: record.card.cardType,
        lastFour: record.card.lastFour,
      }),
      200,
    );
  });

  app.post("/acs/complete", async (c) => {
    const fields = await readForm(c);
    if (typeof fields === "string") return bad(c, langOf(c, null), fields);
    const lang = langOf(c, fields);
    const checked = checkChallenge(ctx, fields);
    if (!checked.ok) return bad(c, lang, checked.problem);
    const action = fields.get("action");
    if (action !== "confirm" && action !== "cancel") return bad(c, lang, "action must be confirm or cancel");
    const authenticated = action === "confirm" && fields.get("code")?.trim() === ACS_OTP;
    const paRes = ctx.paRes.sign({ transactionId: checked.record.id, authenticated });
    return page(c, renderReturn({ lang, md: checked.md, paRes, termUrl: checked.termUrl }), 200);
  });

  // The ACS is reached by a form post only; anything else is a bad request, answered as a page.
  for (const path of ["/acs", "/acs/complete"]) {
    app.all(path, (c) => bad(c, langOf(c, null), "The ACS expects a form post (POST, application/x-www-form-urlencoded)"));
  }

  app.get("/acs/submit.js", (c) =>
    c.body(ACS_SUBMIT_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" }),
  );
  app.get("/acs/acs.css", (c) =>
    c.body(ACS_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" }),
  );
}
