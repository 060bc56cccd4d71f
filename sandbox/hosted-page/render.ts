// The hosted card page's HTML: the card form, the 3-D Secure code step and the notice pages.
// Every value is escaped; no typed card number or CVC is ever written back into a page.
import { escapeHtml } from "../html-page.ts";
import type { CardField, CardSummary, FieldProblem, HostedDecline } from "./outcome.ts";
import type { HostedLang, HostedTexts } from "./texts.ts";
import { HOSTED_TEXTS } from "./texts.ts";

export const HOSTED_CSS_PATH = "/hosted-page/hosted.css";
export const HOSTED_JS_PATH = "/hosted-page/hosted.js";

/** What the page shows of a payment (see HostedPaymentView in index.ts). */
export interface ShownPayment {
  amount: number;
  currency: string;
  description: string | null;
  merchant: string;
}

export function formatAmount(amount: number, currency: string, lang: HostedLang): string {
  try {
    return new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

function shell(lang: HostedLang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${HOSTED_CSS_PATH}">
<script src="${HOSTED_JS_PATH}" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function top(gateway: string, t: HostedTexts, otherLangHref: string | null, lang: HostedLang): string {
  const other: HostedLang = lang === "ru" ? "en" : "ru";
  const link =
    otherLangHref === null ? "" : `<a href="${escapeHtml(otherLangHref)}" lang="${other}" hreflang="${other}">${escapeHtml(t.otherLang)}</a>`;
  return `<div class="top"><p class="gateway">${escapeHtml(gateway)}</p>${link}</div>`;
}

function facts(t: HostedTexts, payment: ShownPayment, lang: HostedLang, card?: CardSummary): string {
  const rows = [`<dt>${escapeHtml(t.merchant)}</dt><dd>${escapeHtml(payment.merchant)}</dd>`];
  if (payment.description) rows.push(`<dt>${escapeHtml(t.description)}</dt><dd>${escapeHtml(payment.description)}</dd>`);
  rows.push(`<dt>${escapeHtml(t.amount)}</dt><dd>${escapeHtml(formatAmount(payment.amount, payment.currency, lang))}</dd>`);
  if (card) {
    rows.push(
      `<dt>${escapeHtml(t.card)}</dt><dd>${escapeHtml(card.brand)} <span class="sr-only">${escapeHtml(t.cardEnding)}</span><span aria-hidden="true">••••</span> ${escapeHtml(card.lastFour)}</dd>`,
    );
  }
  return `<dl>${rows.join("")}</dl>`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

function summary(t: HostedTexts, messages: string[]): string {
  const inner =
    messages.length === 0
      ? ""
      : `<div class="summary"><p>${escapeHtml(t.errorSummary)}</p><ul>${messages.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul></div>`;
  // Always present, so a script-made update of its content is announced too.
  return `<div id="error-summary" role="alert" aria-atomic="true">${inner}</div>`;
}

function messageAttributes(t: HostedTexts, names: readonly (FieldProblem | "codeInvalid")[]): string {
  const parts = names.map((name) => `data-msg-${name}="${escapeHtml(t[name])}"`);
  parts.push(`data-msg-summary="${escapeHtml(t.errorSummary)}"`);
  return parts.join(" ");
}

interface FieldSpec {
  name: CardField;
  label: string;
  attributes: string;
  hint?: string;
  optional?: boolean;
  value?: string;
}

function field(spec: FieldSpec, t: HostedTexts, problem: FieldProblem | undefined, focus: boolean): string {
  const described = [spec.hint ? `hint-${spec.name}` : "", `error-${spec.name}`].filter(Boolean).join(" ");
  const optional = spec.optional ? ` <span class="opt">(${escapeHtml(t.optional)})</span>` : "";
  const invalid = problem ? ` aria-invalid="true"` : "";
  const value = spec.value ? ` value="${escapeHtml(spec.value)}"` : "";
  const error = problem ? `<p id="error-${spec.name}" class="error">${escapeHtml(t[problem])}</p>` : `<p id="error-${spec.name}" class="error" hidden></p>`;
  return `<div class="field">
<label for="${spec.name}">${escapeHtml(spec.label)}${optional}</label>
<input id="${spec.name}" name="${spec.name}" ${spec.attributes} data-check aria-describedby="${described}"${invalid}${value}${focus ? " autofocus" : ""}>
${spec.hint ? `<p id="hint-${spec.name}" class="hint">${escapeHtml(spec.hint)}</p>` : ""}${error}
</div>`;
}

export interface CardFormFacts {
  lang: HostedLang;
  gateway: string;
  payment: ShownPayment;
  /** Where the card form posts, and where "return to the shop" posts. */
  cardAction: string;
  leaveAction: string;
  otherLangHref: string;
  problems?: Partial<Record<CardField, FieldProblem>>;
  /** The cardholder name as typed (the only field given back after an error). */
  holder?: string;
}

const FIELD_ORDER: readonly CardField[] = ["cardNumber", "expiry", "cvc", "holder"];

export function renderCardForm(f: CardFormFacts): string {
  const t = HOSTED_TEXTS[f.lang];
  const problems = f.problems ?? {};
  const firstProblem = FIELD_ORDER.find((name) => problems[name] !== undefined);
  const focusOn: CardField = firstProblem ?? "cardNumber";
  const messages = FIELD_ORDER.flatMap((name) => {
    const problem = problems[name];
    return problem ? [t[problem]] : [];
  });
  const amount = formatAmount(f.payment.amount, f.payment.currency, f.lang);
  const cardNumber: FieldSpec = {
    name: "cardNumber",
    label: t.cardNumber,
    attributes: `type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" spellcheck="false" autocorrect="off" required`,
  };
  const expiry: FieldSpec = {
    name: "expiry",
    label: t.expiry,
    hint: t.expiryHint,
    attributes: `type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7" spellcheck="false" required`,
  };
  const cvc: FieldSpec = {
    name: "cvc",
    label: t.cvc,
    hint: t.cvcHint,
    attributes: `type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4" spellcheck="false" required`,
  };
  const holder: FieldSpec = {
    name: "holder",
    label: t.holder,
    optional: true,
    attributes: `type="text" autocomplete="cc-name" maxlength="100" spellcheck="false"`,
    ...(f.holder ? { value: f.holder } : {}),
  };
  const fieldHtml = (spec: FieldSpec) => field(spec, t, problems[spec.name], spec.name === focusOn);
  const body = `${top(f.gateway, t, f.otherLangHref, f.lang)}
<h1 id="pay-heading">${escapeHtml(t.heading)}</h1>
<p class="note">${escapeHtml(t.sandboxNote)}</p>
${facts(t, f.payment, f.lang)}
${summary(t, messages)}
<form method="post" action="${escapeHtml(f.cardAction)}" novalidate data-hosted aria-labelledby="pay-heading" data-msg-busy="${escapeHtml(t.paying)}" ${messageAttributes(t, ["numberInvalid", "expiryInvalid", "expiryPast", "cvcInvalid", "holderInvalid"])}>
${hidden("lang", f.lang)}
${fieldHtml(cardNumber)}
<div class="row">
${fieldHtml(expiry)}
${fieldHtml(cvc)}
</div>
${fieldHtml(holder)}
<div class="actions"><button class="primary" type="submit" data-busy-label>${escapeHtml(t.pay.replace("{amount}", amount))}</button></div>
</form>
<form class="leave" method="post" action="${escapeHtml(f.leaveAction)}" data-hosted>
${hidden("lang", f.lang)}
<button class="secondary" type="submit" formnovalidate>${escapeHtml(t.leave)}</button>
</form>`;
  return shell(f.lang, t.title, body);
}

export interface CodeFormFacts {
  lang: HostedLang;
  payment: ShownPayment;
  card: CardSummary;
  codeAction: string;
  attempt: string;
  /** Shown when the code field was sent empty. */
  emptyCode?: boolean;
}

export function renderCodeForm(f: CodeFormFacts): string {
  const t = HOSTED_TEXTS[f.lang];
  const invalid = f.emptyCode ? ` aria-invalid="true"` : "";
  const error = f.emptyCode ? `<p id="error-code" class="error">${escapeHtml(t.codeInvalid)}</p>` : `<p id="error-code" class="error" hidden></p>`;
  const body = `${top("Sandbox Bank", t, null, f.lang)}
<h1 id="code-heading">${escapeHtml(t.codeHeading)}</h1>
<p>${escapeHtml(t.codeIntro)}</p>
${facts(t, f.payment, f.lang, f.card)}
${summary(t, f.emptyCode ? [t.codeInvalid] : [])}
<form method="post" action="${escapeHtml(f.codeAction)}" novalidate data-hosted aria-labelledby="code-heading" ${messageAttributes(t, ["codeInvalid"])}>
${hidden("attempt", f.attempt)}
${hidden("lang", f.lang)}
<div class="field">
<label for="code">${escapeHtml(t.codeLabel)}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="12" spellcheck="false" required autofocus data-check aria-describedby="hint-code error-code"${invalid}>
<p id="hint-code" class="hint">${escapeHtml(t.codeHint)}</p>${error}
</div>
<div class="actions">
<button class="primary" type="submit" name="action" value="confirm">${escapeHtml(t.confirm)}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${escapeHtml(t.cancel)}</button>
</div>
</form>`;
  return shell(f.lang, t.codeTitle, body);
}

export type NoticeKind =
  | "approved"
  | "declined"
  | "paid"
  | "failed"
  | "closed"
  | "expired"
  | "left"
  | "notFound"
  | "session"
  | "badRequest";

export interface NoticeFacts {
  lang: HostedLang;
  gateway: string;
  kind: NoticeKind;
  decline?: HostedDecline;
  payment?: ShownPayment;
  /** A link back to the shop, when the gateway knows one. */
  returnUrl?: string | null;
}

const NOTICE_TEXTS: Record<NoticeKind, (t: HostedTexts, decline?: HostedDecline) => [string, string]> = {
  approved: (t) => [t.approvedHeading, t.approvedText],
  declined: (t, decline) => [t.declinedHeading, decline ? t.declines[decline] : t.failedText],
  paid: (t) => [t.paidHeading, t.paidText],
  failed: (t) => [t.failedHeading, t.failedText],
  closed: (t) => [t.closedHeading, t.closedText],
  expired: (t) => [t.expiredHeading, t.expiredText],
  left: (t) => [t.leftHeading, t.leftText],
  notFound: (t) => [t.notFoundHeading, t.notFoundText],
  session: (t) => [t.sessionHeading, t.sessionText],
  badRequest: (t) => [t.badRequestHeading, t.badRequestText],
};

export function renderNotice(f: NoticeFacts): string {
  const t = HOSTED_TEXTS[f.lang];
  const [heading, text] = NOTICE_TEXTS[f.kind](t, f.decline);
  const link = f.returnUrl ? `<p><a href="${escapeHtml(f.returnUrl)}">${escapeHtml(t.leave)}</a></p>` : "";
  const body = `${top(f.gateway, t, null, f.lang)}
<h1>${escapeHtml(heading)}</h1>
<div class="outcome" role="status"><p>${escapeHtml(text)}</p></div>
${f.payment ? facts(t, f.payment, f.lang) : ""}
${link}`;
  return shell(f.lang, heading, body);
}
