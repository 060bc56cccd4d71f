// The "bank" pages of the sandbox's 3-D Secure ACS: the challenge, the hand-back to TermUrl,
// and the 400 page. Texts come from acs-texts.ts; every value is escaped.
import type { AcsLang } from "./acs-texts.ts";
import { ACS_TEXTS } from "./acs-texts.ts";
import { escapeHtml, renderPage } from "./html-page.ts";

export interface ChallengeFacts {
  lang: AcsLang;
  md: string;
  paReq: string;
  termUrl: string;
  amount: number;
  currency: string;
  cardType: string;
  lastFour: string;
}

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

export function formatAmount(amount: number, currency: string, lang: AcsLang): string {
  return new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-GB", { style: "currency", currency }).format(amount);
}

export function renderChallenge(f: ChallengeFacts): string {
  const t = ACS_TEXTS[f.lang];
  const body = `<main>
<p class="bank" aria-hidden="true">Sandbox Bank</p>
<h1 id="acs-heading">${escapeHtml(t.heading)}</h1>
<p>${escapeHtml(t.intro)}</p>
<dl>
<dt>${escapeHtml(t.merchant)}</dt><dd>Sandbox shop</dd>
<dt>${escapeHtml(t.amount)}</dt><dd>${escapeHtml(formatAmount(f.amount, f.currency, f.lang))}</dd>
<dt>${escapeHtml(t.card)}</dt><dd>${escapeHtml(f.cardType)} <span class="sr-only">${escapeHtml(t.cardEnding)}</span><span aria-hidden="true">••••</span> ${escapeHtml(f.lastFour)}</dd>
</dl>
<form method="post" action="/acs/complete" aria-labelledby="acs-heading">
${hidden("MD", f.md)}
${hidden("PaReq", f.paReq)}
${hidden("TermUrl", f.termUrl)}
${hidden("lang", f.lang)}
<label for="acs-code">${escapeHtml(t.codeLabel)}</label>
<input id="acs-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required autofocus aria-describedby="acs-code-hint">
<p id="acs-code-hint" class="hint">${escapeHtml(t.codeHint)}</p>
<div class="actions">
<button class="primary" type="submit" name="action" value="confirm">${escapeHtml(t.confirm)}</button>
<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>${escapeHtml(t.cancel)}</button>
</div>
</form>
</main>`;
  return renderPage({ lang: f.lang, title: t.title, body });
}

export interface ReturnFacts {
  lang: AcsLang;
  md: string;
  paRes: string;
  termUrl: string;
}

/** Posts MD and PaRes to TermUrl: automatically by /acs/submit.js, or by its button without script. */
export function renderReturn(f: ReturnFacts): string {
  const t = ACS_TEXTS[f.lang];
  const body = `<main>
<p class="bank" aria-hidden="true">Sandbox Bank</p>
<p role="status">${escapeHtml(t.returning)}</p>
<form id="acs-return" method="post" action="${escapeHtml(f.termUrl)}" aria-label="${escapeHtml(t.returnFormLabel)}">
${hidden("MD", f.md)}
${hidden("PaRes", f.paRes)}
<button class="primary" type="submit">${escapeHtml(t.continue)}</button>
</form>
</main>
<script src="/acs/submit.js"></script>`;
  return renderPage({ lang: f.lang, title: t.title, body });
}

export function renderBadRequest(lang: AcsLang, problem: string): string {
  const t = ACS_TEXTS[lang];
  const body = `<main>
<p class="bank" aria-hidden="true">Sandbox Bank</p>
<h1>${escapeHtml(t.badRequestTitle)}</h1>
<p>${escapeHtml(t.badRequest)}</p>
<p class="problem" lang="en">${escapeHtml(problem)}</p>
</main>`;
  return renderPage({ lang, title: t.badRequestTitle, body });
}
