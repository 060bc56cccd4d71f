// The demo's HTML pages: one layout, a body fragment per page (demo/html/*.html), page scripts as
// files (no inline script anywhere, so the strict-CSP page works like the others).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TEST_CARDS, ACS_PASSING_CODE, TEST_EXPIRY } from "./test-cards.ts";

export interface DemoPage {
  path: string;
  title: string;
  /** Body fragment in demo/html. */
  fragment: string;
  /** Scripts loaded after the body, in order. */
  scripts: readonly string[];
  /** ES module entry instead (the Vite-built npm page: demo/build.ts writes its index.html from this layout). */
  moduleScript?: string;
  /** Served with the strict Content-Security-Policy of strictCsp() below. */
  strictCsp?: boolean;
  summary: string;
}

const WIDGET = "/dist/checkout-widget.js";

export const PAGES: readonly DemoPage[] = [
  { path: "/", title: "Демо-магазин", fragment: "index.html", scripts: [], summary: "" },
  {
    path: "/script-tag",
    title: "Script tag",
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/script-tag.js"],
    summary: "One-stage payment with the widget mounted from a script tag (CheckoutWidget.mount).",
  },
  {
    path: "/modal",
    title: "Modal",
    fragment: "modal.html",
    scripts: [WIDGET, "/pages/modal.js"],
    summary: "The same checkout opened as a modal dialog (CheckoutWidget.open).",
  },
  {
    path: "/element",
    title: "Custom element",
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/element.js"],
    summary: "The <checkout-widget> custom element and its DOM events.",
  },
  {
    path: "/npm",
    title: "npm component",
    fragment: "checkout.html",
    scripts: [],
    moduleScript: "./main.tsx",
    summary: "The Preact component imported from the npm entry and bundled by Vite.",
  },
  {
    path: "/checkoutjs",
    title: "checkout.js compatibility",
    fragment: "checkoutjs.html",
    scripts: [WIDGET, "/pages/checkoutjs.js"],
    summary: "The merchant's own form with data-cp fields and cp.Checkout().createPaymentCryptogram().",
  },
  {
    path: "/redirect",
    title: "3-D Secure by redirect",
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/redirect.js"],
    summary: "threeDs: \"redirect\": the whole page goes to the bank and comes back with the result.",
  },
  {
    path: "/two-stage",
    title: "Two-stage (auth)",
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/two-stage.js"],
    summary: "scheme: \"auth\": the money is held; confirm, void or refund it on the orders page.",
  },
  {
    path: "/csp",
    title: "Strict CSP",
    fragment: "checkout.html",
    scripts: [WIDGET, "/pages/csp.js"],
    strictCsp: true,
    summary: "A page under default-src 'self'; script-src 'self'; style-src 'self' 'nonce-…'.",
  },
  {
    path: "/invoice",
    title: "Invoice (hosted page)",
    fragment: "invoice.html",
    scripts: ["/pages/hosted.js"],
    summary: "An Invoice shop: the shopper pays on Invoice's own card page; the server reads GetPayment.",
  },
  {
    path: "/rbs",
    title: "RBS (hosted page, saved cards)",
    fragment: "rbs.html",
    scripts: ["/pages/hosted.js"],
    summary: "An RBS shop: one- or two-stage on the bank's card page; log in to save a card and pay with it in one click.",
  },
  {
    path: "/orders",
    title: "Orders (merchant view)",
    fragment: "orders.html",
    scripts: ["/pages/orders.js"],
    summary: "Staff view: every order of the three shops with its status and card; confirm, void, refund; autopayments with saved cards.",
  },
];

/** What /orders shows to someone who is not the shop's staff. */
export const STAFF_ONLY_PAGE: DemoPage = {
  path: "/orders",
  title: "Orders (merchant view)",
  fragment: "staff-only.html",
  scripts: [],
  summary: "Staff only.",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function testCardTable(): string {
  const rows = TEST_CARDS.map(
    (card) =>
      `<tr><td class="pan">${escapeHtml(card.number)}</td><td>${card.brand}</td>` +
      `<td>${card.threeDs ? "yes" : "no"}</td><td>${card.result}</td></tr>`,
  ).join("\n");
  return `<section class="test-cards" aria-labelledby="test-cards-title">
<h2 id="test-cards-title">Sandbox test cards</h2>
<p>Expiry: any future date (e.g. ${TEST_EXPIRY}). CVC: any 3 digits. 3-D Secure code: <strong>${ACS_PASSING_CODE}</strong> (anything else fails).</p>
<table><thead><tr><th scope="col">Card number</th><th scope="col">Brand</th><th scope="col">3-D Secure</th><th scope="col">Result</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function nav(current: string): string {
  const links = PAGES.map((page) => {
    const attrs = page.path === current ? ' aria-current="page"' : "";
    return `<li><a href="${page.path}"${attrs}>${escapeHtml(page.title)}</a></li>`;
  }).join("");
  return `<nav aria-label="Demo pages"><ul>${links}</ul></nav>`;
}

function pageList(): string {
  return PAGES.filter((p) => p.path !== "/")
    .map((p) => `<li><a href="${p.path}">${escapeHtml(p.title)}</a>: ${escapeHtml(p.summary)}</li>`)
    .join("\n");
}

/** Fills the placeholders of a demo HTML document or fragment. */
export function fillPlaceholders(html: string, page: DemoPage, nonce: string | null): string {
  const nonceAttr = nonce ? ` nonce="${nonce}"` : "";
  return html
    .replaceAll("{{nav}}", nav(page.path))
    .replaceAll("{{testCards}}", testCardTable())
    .replaceAll("{{pageList}}", pageList())
    .replaceAll("{{title}}", escapeHtml(page.title))
    .replaceAll("{{summary}}", escapeHtml(page.summary))
    .replaceAll("{{nonceAttr}}", nonceAttr);
}

export async function renderPage(htmlDir: string, page: DemoPage, nonce: string | null): Promise<string> {
  const fragment = await readFile(join(htmlDir, page.fragment), "utf8");
  const nonceAttr = nonce ? ` nonce="${nonce}"` : "";
  const scripts = page.moduleScript
    ? `<script type="module" src="${page.moduleScript}"></script>`
    : page.scripts.map((src) => `<script src="${src}"${nonceAttr}></script>`).join("\n");
  const document = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · Демо-магазин</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header class="site"><a class="brand" href="/">Демо-магазин</a>{{nav}}</header>
<main>
<h1>{{title}}</h1>
${fragment}
</main>
${scripts}
</body>
</html>
`;
  return fillPlaceholders(document, page, nonce);
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
