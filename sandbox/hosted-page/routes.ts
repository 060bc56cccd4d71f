// The hosted card page's routes. Every handler is synchronous after the form is read, so two
// submissions for one payment cannot interleave: the first outcome is recorded, the second finds
// the payment no longer open.
import type { Context, Hono } from "hono";
import { ACS_OTP } from "../acs-routes.ts";
import { pickLang } from "../acs-texts.ts";
import { PAGE_HEADERS } from "../html-page.ts";
import { HOSTED_PAGE_CSS, HOSTED_PAGE_JS } from "./assets.ts";
import { ChallengeStore } from "./challenges.ts";
import type { HostedPageAdapter, HostedPageOptions, HostedPaymentView } from "./index.ts";
import type { CardOutcome } from "./outcome.ts";
import { checkTypedCard, verdictOf } from "./outcome.ts";
import type { NoticeKind, ShownPayment } from "./render.ts";
import { HOSTED_CSS_PATH, HOSTED_JS_PATH, renderCardForm, renderCodeForm, renderNotice } from "./render.ts";
import type { HostedLang } from "./texts.ts";

type Fields = Map<string, string>;

const REF = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_FIELD = 256;

async function readForm(c: Context): Promise<Fields | null> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return null;
  const fields: Fields = new Map();
  for (const [name, value] of new URLSearchParams(await c.req.text())) {
    if (fields.has(name) || value.length > MAX_FIELD) return null;
    fields.set(name, value);
  }
  return fields;
}

const assetsServed = new WeakSet<Hono>();

function serveAssets(app: Hono): void {
  if (assetsServed.has(app)) return;
  assetsServed.add(app);
  const headers = (type: string) => ({ "Content-Type": type, "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" });
  app.get(HOSTED_JS_PATH, (c) => c.body(HOSTED_PAGE_JS, 200, headers("text/javascript; charset=utf-8")));
  app.get(HOSTED_CSS_PATH, (c) => c.body(HOSTED_PAGE_CSS, 200, headers("text/css; charset=utf-8")));
}

const NOT_OPEN: Record<Exclude<HostedPaymentView["state"], "open">, NoticeKind> = {
  paid: "paid",
  failed: "failed",
  closed: "closed",
  expired: "expired",
};

export function registerHostedPageRoutes(app: Hono, adapter: HostedPageAdapter, options: HostedPageOptions = {}): void {
  if (!/^(\/[A-Za-z0-9_-]+)+$/.test(adapter.basePath)) throw new TypeError(`basePath must look like /gateway/pay, not ${adapter.basePath}`);
  serveAssets(app);
  const now = options.now ?? (() => new Date());
  const challenges = new ChallengeStore(options.maxChallenges ?? 10_000, options.challengeTtlMs ?? 15 * 60_000);
  const printed = adapter.testCards ?? [];
  const base = adapter.basePath;
  const gateway = adapter.gatewayName;

  const langOf = (c: Context, fields: Fields | null): HostedLang =>
    pickLang(fields?.get("lang") ?? c.req.query("lang"), c.req.header("accept-language"));
  const page = (c: Context, html: string, status: 200 | 400 | 404 | 405 = 200) => c.body(html, status, PAGE_HEADERS);
  const notice = (c: Context, lang: HostedLang, kind: NoticeKind, extra: Partial<Parameters<typeof renderNotice>[0]> = {}, status: 200 | 400 | 404 | 405 = 200) =>
    page(c, renderNotice({ lang, gateway, kind, ...extra }), status);
  const shown = (view: HostedPaymentView): ShownPayment => ({
    amount: view.amount,
    currency: view.currency,
    description: view.description,
    merchant: view.merchant,
  });
  /** The payment behind the URL, or the page to answer instead. */
  const openPayment = (c: Context, lang: HostedLang): { ref: string; view: HostedPaymentView } | Response => {
    const ref = c.req.param("ref") ?? "";
    const view = REF.test(ref) ? adapter.find(ref) : null;
    if (view === null) return notice(c, lang, "notFound", {}, 404);
    if (view.state !== "open") {
      const returnUrl = view.state === "paid" ? view.successUrl : view.failUrl;
      return notice(c, lang, NOT_OPEN[view.state], { payment: shown(view), returnUrl });
    }
    return { ref, view };
  };
  /** Records the outcome and sends the shopper back to the shop (or shows it here). */
  const finish = (c: Context, lang: HostedLang, ref: string, view: HostedPaymentView, outcome: CardOutcome) => {
    adapter.complete(ref, outcome);
    const url = outcome.kind === "approved" ? view.successUrl : view.failUrl;
    if (url) return c.redirect(url, 303);
    return outcome.kind === "approved"
      ? notice(c, lang, "approved", { payment: shown(view) })
      : notice(c, lang, "declined", { payment: shown(view), decline: outcome.decline });
  };
  const actions = (ref: string, lang: HostedLang) => ({
    cardAction: `${base}/${ref}/card`,
    leaveAction: `${base}/${ref}/leave`,
    otherLangHref: `${base}/${ref}?lang=${lang === "ru" ? "en" : "ru"}`,
  });

  app.get(`${base}/:ref`, (c) => {
    const lang = langOf(c, null);
    const found = openPayment(c, lang);
    if (found instanceof Response) return found;
    return page(c, renderCardForm({ lang, gateway, payment: shown(found.view), ...actions(found.ref, lang) }));
  });

  app.post(`${base}/:ref/card`, async (c) => {
    const fields = await readForm(c);
    const lang = langOf(c, fields);
    if (fields === null) return notice(c, lang, "badRequest", {}, 400);
    const found = openPayment(c, lang);
    if (found instanceof Response) return found;
    const { ref, view } = found;
    const typed = {
      cardNumber: fields.get("cardNumber") ?? "",
      expiry: fields.get("expiry") ?? "",
      cvc: fields.get("cvc") ?? "",
      holder: fields.get("holder") ?? "",
    };
    const checked = checkTypedCard(typed, printed, now());
    if (!checked.ok) {
      const holder = typed.holder.trim().slice(0, 100);
      return page(
        c,
        renderCardForm({ lang, gateway, payment: shown(view), ...actions(ref, lang), problems: checked.problems, ...(holder ? { holder } : {}) }),
        400,
      );
    }
    const verdict = verdictOf(checked.card, printed);
    if (!verdict.threeDs) return finish(c, lang, ref, view, verdict.outcome);
    const attempt = challenges.open(ref, verdict.outcome, now().getTime());
    return page(c, renderCodeForm({ lang, payment: shown(view), card: verdict.summary, codeAction: `${base}/${ref}/code`, attempt }));
  });

  app.post(`${base}/:ref/code`, async (c) => {
    const fields = await readForm(c);
    const lang = langOf(c, fields);
    if (fields === null) return notice(c, lang, "badRequest", {}, 400);
    const action = fields.get("action");
    const attempt = fields.get("attempt") ?? "";
    const code = (fields.get("code") ?? "").trim();
    if (action !== "confirm" && action !== "cancel") return notice(c, lang, "badRequest", {}, 400);
    const found = openPayment(c, lang);
    if (found instanceof Response) return found;
    const { ref, view } = found;
    if (action === "confirm" && code === "") {
      // An empty code is a slip, not a failed authentication: ask again with the same attempt.
      const pending = challenges.take(attempt, ref, now().getTime());
      if (pending === undefined) return notice(c, lang, "session", { returnUrl: view.failUrl }, 400);
      const again = challenges.open(ref, pending.outcome, now().getTime());
      return page(c, renderCodeForm({ lang, payment: shown(view), card: pending.outcome.card, codeAction: `${base}/${ref}/code`, attempt: again, emptyCode: true }), 400);
    }
    const challenge = challenges.take(attempt, ref, now().getTime());
    if (challenge === undefined) return notice(c, lang, "session", { returnUrl: view.failUrl }, 400);
    const passed = action === "confirm" && code === HOSTED_OTP;
    const outcome: CardOutcome = passed ? challenge.outcome : { kind: "declined", decline: "authentication_failed", card: challenge.outcome.card };
    return finish(c, lang, ref, view, outcome);
  });

  app.post(`${base}/:ref/leave`, async (c) => {
    const fields = await readForm(c);
    const lang = langOf(c, fields);
    const found = openPayment(c, lang);
    if (found instanceof Response) return found;
    // Nothing is recorded: the payment stays open, as the shopper may come back to it.
    if (found.view.failUrl) return c.redirect(found.view.failUrl, 303);
    return notice(c, lang, "left", { payment: shown(found.view) });
  });

  for (const path of [`${base}/:ref/card`, `${base}/:ref/code`, `${base}/:ref/leave`]) {
    app.all(path, (c) => notice(c, langOf(c, null), "badRequest", {}, 405));
  }
}

/** The one 3-D Secure code the test bank accepts, the same as on the ACS page. */
export const HOSTED_OTP = ACS_OTP;
