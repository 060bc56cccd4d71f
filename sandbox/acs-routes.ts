// The sandbox's 3-D Secure ACS: POST /acs (MD, PaReq, TermUrl) shows the challenge; its form
// posts to /acs/complete on the same origin, which answers a page that carries MD and a signed
// PaRes on to TermUrl. Bad requests get a 400 page. The challenges come from challenge sources:
// CloudPayments transactions (MD = TransactionId) and any a gateway adds (RBS: MD = orderId).
import type { Context, Hono } from "hono";
import { renderBadRequest, renderChallenge, renderReturn } from "./acs-page.ts";
import { ACS_CSS, ACS_SUBMIT_JS } from "./acs-assets.ts";
import type { AcsLang } from "./acs-texts.ts";
import { pickLang } from "./acs-texts.ts";
import type { GatewayContext } from "./gateway-context.ts";
import { PAGE_HEADERS } from "./html-page.ts";
import { toMajor } from "./transactions.ts";

/** The one code the test bank accepts. */
export const ACS_OTP = "123456";

/** A payment waiting at the ACS, as the bank's page shows it. */
export interface AcsChallenge {
  paReq: string;
  /** False once authentication finished or the payment moved on. */
  open: boolean;
  amount: number;
  /** ISO 4217 letters. */
  currency: string;
  cardType: string;
  lastFour: string;
  /** The PaRes the ACS hands back, naming this payment. */
  signPaRes(authenticated: boolean): string;
}

/** Finds the challenge an MD names, or undefined when the MD is not this source's. */
export type AcsChallengeSource = (md: string) => AcsChallenge | undefined;

type Fields = Map<string, string>;
type Checked = { ok: true; challenge: AcsChallenge; md: string; paReq: string; termUrl: string } | { ok: false; problem: string };

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

function cloudPaymentsChallenges(ctx: GatewayContext): AcsChallengeSource {
  return (md) => {
    const record = /^\d{1,15}$/.test(md) ? ctx.transactions.get(Number(md)) : undefined;
    const threeDs = record?.threeDs;
    if (record === undefined || threeDs == null) return undefined;
    return {
      paReq: threeDs.paReq,
      open: record.status === "AwaitingAuthentication" && !threeDs.paResUsed,
      amount: toMajor(record.amountMinor),
      currency: record.currency,
      cardType: record.card.cardType,
      lastFour: record.card.lastFour,
      signPaRes: (authenticated) => ctx.paRes.sign({ transactionId: record.id, authenticated }),
    };
  };
}

function checkChallenge(sources: readonly AcsChallengeSource[], fields: Fields): Checked {
  const md = fields.get("MD");
  const paReq = fields.get("PaReq");
  const termUrl = fields.get("TermUrl");
  if (!md) return { ok: false, problem: "MD is required" };
  if (!paReq) return { ok: false, problem: "PaReq is required" };
  if (!termUrl) return { ok: false, problem: "TermUrl is required" };
  if (!isHttpUrl(termUrl)) return { ok: false, problem: "TermUrl must be an http(s) address" };
  let challenge: AcsChallenge | undefined;
  for (const source of sources) if ((challenge = source(md)) !== undefined) break;
  if (challenge === undefined) return { ok: false, problem: "MD does not name a transaction awaiting 3-D Secure" };
  if (challenge.paReq !== paReq) return { ok: false, problem: "PaReq does not belong to this transaction" };
  if (!challenge.open) return { ok: false, problem: "This authentication has already been completed" };
  return { ok: true, challenge, md, paReq, termUrl };
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

export function registerAcsRoutes(app: Hono, ctx: GatewayContext, moreSources: readonly AcsChallengeSource[] = []): void {
  const sources = [cloudPaymentsChallenges(ctx), ...moreSources];
  const langOf = (c: Context, fields: Fields | null): AcsLang =>
    pickLang(fields?.get("lang") ?? c.req.query("lang"), c.req.header("accept-language"));
  const page = (c: Context, html: string, status: 200 | 400) => c.body(html, status, PAGE_HEADERS);
  const bad = (c: Context, lang: AcsLang, problem: string) => page(c, renderBadRequest(lang, problem), 400);

  app.post("/acs", async (c) => {
    const fields = await readForm(c);
    if (typeof fields === "string") return bad(c, langOf(c, null), fields);
    const lang = langOf(c, fields);
    const checked = checkChallenge(sources, fields);
    if (!checked.ok) return bad(c, lang, checked.problem);
    const { challenge } = checked;
    return page(
      c,
      renderChallenge({
        lang,
        md: checked.md,
        paReq: checked.paReq,
        termUrl: checked.termUrl,
        amount: challenge.amount,
        currency: challenge.currency,
        cardType: challenge.cardType,
        lastFour: challenge.lastFour,
      }),
      200,
    );
  });

  app.post("/acs/complete", async (c) => {
    const fields = await readForm(c);
    if (typeof fields === "string") return bad(c, langOf(c, null), fields);
    const lang = langOf(c, fields);
    const checked = checkChallenge(sources, fields);
    if (!checked.ok) return bad(c, lang, checked.problem);
    const action = fields.get("action");
    if (action !== "confirm" && action !== "cancel") return bad(c, lang, "action must be confirm or cancel");
    const authenticated = action === "confirm" && fields.get("code")?.trim() === ACS_OTP;
    const paRes = checked.challenge.signPaRes(authenticated);
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
