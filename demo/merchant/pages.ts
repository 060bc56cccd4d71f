// The demo's HTML pages: one layout, a body fragment per page (demo/html/*.html), page scripts as
// files (no inline script anywhere, so the strict-CSP page works like the others).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { demoText, hrefIn, isDemoTextKey, local } from "./demo-texts.ts";
import type { DemoLang, DemoTextKey, Localized } from "./demo-texts.ts";
import { TEST_CARDS, ACS_PASSING_CODE, TEST_EXPIRY } from "./test-cards.ts";

export interface DemoPage {
  path: string;
  /** The page's heading and the first part of its <title>. */
  title: Localized;
  /** Body fragment in demo/html. */
  fragment: string;
  /** Scripts loaded after the body, in order. */
  scripts: readonly string[];
  /** ES module entry instead (the Vite-built npm page: demo/build.ts writes its index.html from this layout). */
  moduleScript?: string;
  /** Served with the strict Content-Security-Policy of strictCsp() below. */
  strictCsp?: boolean;
  summary: Localized;
}

const WIDGET = "/dist/checkout-widget.js";
/** Hosted mode's one script file (Invoice, RBS): no card form, no node-forge. */
const HOSTED_WIDGET = "/dist/checkout-widget-hosted.js";

export const PAGES: readonly DemoPage[] = [
  { path: "/", title: { ru: "Демо-магазин", en: "Demo shop" }, fragment: "index.html", scripts: [], summary: "" },
  {
    path: "/script-tag",
    title: { ru: "Тег script", en: "Script tag" },
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/script-tag.js"],
    summary: {
      ru: "Одностадийная оплата: виджет подключён тегом script и встроен в страницу (CheckoutWidget.mount).",
      en: "One-stage payment with the widget mounted from a script tag (CheckoutWidget.mount).",
    },
  },
  {
    path: "/modal",
    title: { ru: "Модальное окно", en: "Modal" },
    fragment: "modal.html",
    scripts: [WIDGET, "/pages/modal.js"],
    summary: {
      ru: "Та же оплата в диалоге поверх страницы (CheckoutWidget.open); на телефоне — во весь экран.",
      en: "The same checkout opened as a modal dialog (CheckoutWidget.open); full screen on a phone.",
    },
  },
  {
    path: "/element",
    title: { ru: "Пользовательский элемент", en: "Custom element" },
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/element.js"],
    summary: {
      ru: "Элемент <checkout-widget> с настройками в атрибутах и событиями DOM.",
      en: "The <checkout-widget> custom element and its DOM events.",
    },
  },
  {
    path: "/npm",
    title: { ru: "Компонент из npm", en: "npm component" },
    fragment: "checkout.html",
    scripts: [],
    moduleScript: "./main.tsx",
    summary: {
      ru: "Компонент Preact из npm-пакета, собранный Vite.",
      en: "The Preact component imported from the npm entry and bundled by Vite.",
    },
  },
  {
    path: "/checkoutjs",
    title: { ru: "Совместимость с checkout.js", en: "checkout.js compatibility" },
    fragment: "checkoutjs.html",
    scripts: [WIDGET, "/pages/checkoutjs.js"],
    summary: {
      ru: "Собственная форма магазина с полями data-cp и cp.Checkout().createPaymentCryptogram().",
      en: "The merchant's own form with data-cp fields and cp.Checkout().createPaymentCryptogram().",
    },
  },
  {
    path: "/redirect",
    title: { ru: "3-D Secure с переходом", en: "3-D Secure by redirect" },
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/redirect.js"],
    summary: {
      ru: "threeDs: \"redirect\": вся страница уходит в банк и возвращается с результатом.",
      en: "threeDs: \"redirect\": the whole page goes to the bank and comes back with the result.",
    },
  },
  {
    path: "/two-stage",
    title: { ru: "Двухстадийная оплата", en: "Two-stage (auth)" },
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/two-stage.js"],
    summary: {
      ru: "scheme: \"auth\": деньги блокируются; подтвердите, отмените или верните их на странице заказов.",
      en: "scheme: \"auth\": the money is held; confirm, void or refund it on the orders page.",
    },
  },
  {
    path: "/csp",
    title: { ru: "Строгая CSP", en: "Strict CSP" },
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/csp.js"],
    strictCsp: true,
    summary: {
      ru: "Страница под default-src 'self'; script-src 'self'; style-src 'self' 'nonce-…'.",
      en: "A page under default-src 'self'; script-src 'self'; style-src 'self' 'nonce-…'.",
    },
  },
  {
    path: "/themes",
    title: { ru: "Темы оформления", en: "Themes" },
    fragment: "themes.html",
    scripts: [WIDGET, "/pages/themes.js"],
    summary: {
      ru: "Светлая, тёмная и ещё две темы из переменных оформления.",
      en: "Light, dark and two more themes made of the appearance variables.",
    },
  },
  {
    path: "/saved-cards",
    title: { ru: "Сохранённые карты в виджете", en: "Saved cards in the widget" },
    fragment: "saved-cards.html",
    scripts: [WIDGET, "/pages/saved-cards.js"],
    summary: {
      ru: "CloudPayments с демо-входом: сохраните карту при первой оплате (savedCards: true) и оплатите следующий заказ ею в один клик.",
      en: "CloudPayments with the demo login: save a card on a first payment (savedCards: true) and pay the next order with it in one click.",
    },
  },
  {
    path: "/invoice",
    title: { ru: "Invoice (страница шлюза)", en: "Invoice (hosted page)" },
    fragment: "invoice.html",
    scripts: [HOSTED_WIDGET, "/pages/hosted.js"],
    summary: {
      ru: "Магазин на Invoice: покупатель платит на карточной странице Invoice; сервер читает GetPayment.",
      en: "An Invoice shop: the shopper pays on Invoice's own card page; the server reads GetPayment.",
    },
  },
  {
    path: "/rbs",
    title: { ru: "RBS (страница банка, сохранённые карты)", en: "RBS (hosted page, saved cards)" },
    fragment: "rbs.html",
    scripts: [HOSTED_WIDGET, "/pages/hosted.js"],
    summary: {
      ru: "Магазин на RBS: одно- или двухстадийная оплата на странице банка; войдите, чтобы сохранить карту и платить ею в один клик.",
      en: "An RBS shop: one- or two-stage on the bank's card page; log in to save a card and pay with it in one click.",
    },
  },
  {
    path: "/orders",
    title: { ru: "Заказы (для магазина)", en: "Orders (merchant view)" },
    fragment: "orders.html",
    scripts: ["/pages/orders.js"],
    summary: {
      ru: "Для сотрудников: все заказы трёх магазинов со статусом и картой; подтверждение, отмена, возврат; автоплатежи сохранёнными картами.",
      en: "Staff view: every order of the three shops with its status and card; confirm, void, refund; autopayments with saved cards.",
    },
  },
];

/** What /orders shows to someone who is not the shop's staff. */
export const STAFF_ONLY_PAGE: DemoPage = {
  path: "/orders",
  title: { ru: "Заказы (для магазина)", en: "Orders (merchant view)" },
  fragment: "staff-only.html",
  scripts: [],
  summary: { ru: "Только для сотрудников.", en: "Staff only." },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function testCardTable(lang: DemoLang = "ru"): string {
  const t = (key: DemoTextKey, params?: Record<string, string>) => escapeHtml(demoText(lang, key, params));
  // Each cell names its column too, for the narrow layout where a row becomes a small card.
  const rows = TEST_CARDS.map(
    (card) =>
      `<tr><td class="pan" data-label="${t("cardNumber")}">${escapeHtml(card.number)}</td><td data-label="${t("brand")}">${escapeHtml(card.brand === "MIR" ? (lang === "ru" ? "Мир" : "Mir") : card.brand)}</td>` +
      `<td data-label="${t("threeDs")}">${t(card.threeDs ? "yes" : "no")}</td><td data-label="${t("result")}">${t(card.result === "approved" ? "approved" : "insufficientFunds")}</td></tr>`,
  ).join("\n");
  return `<section class="test-cards" aria-labelledby="test-cards-title">
<h2 id="test-cards-title">${t("testCards")}</h2>
<p>${t("testCardsIntro", { expiry: TEST_EXPIRY, code: ACS_PASSING_CODE })}</p>
<table class="stack"><thead><tr><th scope="col">${t("cardNumber")}</th><th scope="col">${t("brand")}</th><th scope="col">${t("threeDs")}</th><th scope="col">${t("result")}</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function nav(current: string, lang: DemoLang): string {
  const links = PAGES.map((page) => {
    const attrs = page.path === current ? ' aria-current="page"' : "";
    return `<li><a href="${hrefIn(page.path, lang)}"${attrs}>${escapeHtml(local(page.title, lang))}</a></li>`;
  }).join("");
  return `<nav aria-label="${escapeHtml(demoText(lang, "pagesNav"))}"><ul>${links}</ul></nav>`;
}

/** The switch to the other language, on every page, at the same place. */
function languageSwitch(current: string, lang: DemoLang): string {
  const link = (to: DemoLang, label: string) =>
    to === lang
      ? `<a href="${hrefIn(current, to)}" hreflang="${to}" lang="${to}" aria-current="true">${label}</a>`
      : `<a href="${hrefIn(current, to)}" hreflang="${to}" lang="${to}">${label}</a>`;
  return `<nav class="langs" aria-label="${escapeHtml(demoText(lang, "languageNav"))}">${link("ru", "Русский")} · ${link("en", "English")}</nav>`;
}

function pageList(lang: DemoLang): string {
  return PAGES.filter((p) => p.path !== "/")
    .map((p) => `<li><a href="${hrefIn(p.path, lang)}">${escapeHtml(local(p.title, lang))}</a>: ${escapeHtml(local(p.summary, lang))}</li>`)
    .join("\n");
}

/** What stands in the widget's place until its script has run (the widget removes it on mount). */
const SKELETON = '<div class="skeleton" data-checkout-placeholder aria-hidden="true"><span></span><span></span><span></span><span></span></div>';

/** The <title>: the page's title and the shop's name, once (the home page is the shop). */
export function documentTitle(page: DemoPage, lang: DemoLang): string {
  const site = demoText(lang, "site");
  const title = local(page.title, lang);
  return title === site ? site : `${title} — ${site}`;
}

/** Fills the placeholders of a demo HTML document or fragment, in the page's language. */
export function fillPlaceholders(html: string, page: DemoPage, nonce: string | null, lang: DemoLang = "ru"): string {
  const nonceAttr = nonce ? ` nonce="${nonce}"` : "";
  return html
    .replaceAll("{{nav}}", nav(page.path, lang))
    .replaceAll("{{langs}}", languageSwitch(page.path, lang))
    .replaceAll("{{testCards}}", testCardTable(lang))
    .replaceAll("{{pageList}}", pageList(lang))
    .replaceAll("{{skeleton}}", SKELETON)
    .replaceAll("{{documentTitle}}", escapeHtml(documentTitle(page, lang)))
    .replaceAll("{{title}}", escapeHtml(local(page.title, lang)))
    .replaceAll("{{summary}}", escapeHtml(local(page.summary, lang)))
    .replaceAll("{{lang}}", lang)
    .replaceAll("{{home}}", hrefIn("/", lang))
    .replaceAll("{{nonceAttr}}", nonceAttr)
    .replace(/\{\{t\.(\w+)\}\}/g, (match, key: string) => (isDemoTextKey(key) ? escapeHtml(demoText(lang, key)) : match));
}

/** The layout around a page's fragment, placeholders still in (the npm page is built from it, then filled per request). */
export async function pageTemplate(htmlDir: string, page: DemoPage, nonce: string | null): Promise<string> {
  const fragment = await readFile(join(htmlDir, page.fragment), "utf8");
  const nonceAttr = nonce ? ` nonce="${nonce}"` : "";
  const scripts = page.moduleScript
    ? `<script type="module" src="${page.moduleScript}"></script>`
    : page.scripts.map((src) => `<script src="${src}"${nonceAttr}></script>`).join("\n");
  return `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{documentTitle}}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header class="site"><a class="brand" href="{{home}}">{{t.site}}</a>{{langs}}{{nav}}</header>
<main>
<h1>{{title}}</h1>
${fragment}
</main>
${scripts}
</body>
</html>
`;
}

export async function renderPage(htmlDir: string, page: DemoPage, nonce: string | null, lang: DemoLang = "ru"): Promise<string> {
  return fillPlaceholders(await pageTemplate(htmlDir, page, nonce), page, nonce, lang);
}

/** The strict policy of the /csp page: the widget must work with no inline script; the sandbox origin hosts the bank's 3-D Secure page. */
export function strictCsp(nonce: string, sandboxOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    // 'self' too: the ACS page posts the frame back to our threeDsReturn page.
    `frame-src 'self' ${sandboxOrigin}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "form-action 'self' " + sandboxOrigin,
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join("; ");
}
