// A gateway-hosted card page for the sandbox, shared by every gateway that hosts its own form
// (Invoice's `payment_url`, RBS's `formUrl`). The page knows cards, 3-D Secure and languages;
// the gateway knows what a payment is. A gateway plugs in with an adapter:
//
//   registerHostedPage(app, {
//     basePath: "/invoice/pay",            // GET /invoice/pay/<ref> is the page
//     gatewayName: "Invoice (sandbox)",
//     testCards: [INVOICE_TEST_CARD],      // optional: the gateway's own printed cards
//     find: (ref) => view or null,         // the payment behind <ref>, read on every request
//     complete: (ref, outcome) => { … },   // record approved / declined (called once, while open)
//   });
//
// Routes (all under basePath, <ref> = [A-Za-z0-9_-]{1,64}):
//   GET  <ref>        the card form: card number (autocomplete cc-number), expiry (cc-exp),
//                     CVC (cc-csc), optional name (cc-name); the shop, description and amount.
//                     `?lang=ru|en`, else Accept-Language, else Russian.
//   POST <ref>/card   form post of the card. Bad fields: the form again (400) with the errors
//                     listed in a role="alert" summary and beside each field (aria-invalid),
//                     never with the typed number or CVC. A 3-D Secure card: the code step
//                     (autocomplete one-time-code; 123456 passes, any other code or Cancel
//                     declines `authentication_failed`). Otherwise the outcome at once.
//   POST <ref>/code   the code step's post (a random single-use attempt id, never card data).
//   POST <ref>/leave  "return to the shop": nothing recorded, 303 to failUrl.
// After an outcome: adapter.complete(ref, outcome), then 303 to successUrl (approved) or failUrl
// (declined) exactly as the view gives them — no card data and nothing else is added — or, with
// no URL, a result page here. A payment not "open" shows a notice (already paid, expired…).
//
// Outcomes: sandbox/test-cards.ts (the CloudPayments test cards: 3-D Secure, insufficient funds,
// approved), plus `testCards` exactly as printed (expiry and CVC checked against the printed
// ones, a printed expiry in the past accepted). Any other Luhn-valid card with a future expiry
// is approved without 3-D Secure.
//
// The pages have no inline script or style (hosted.js and hosted.css from this origin), send the
// sandbox's page CSP with `frame-ancestors *`, and work framed and top-level: no cookies, every
// step is a plain form post. Without script the server checks every field; with it the fields
// are checked before sending and a form cannot be sent twice. Card data is never logged, put in a
// URL, a page, the redirect, or the gateway's state: `CardSummary` (first six, last four, expiry,
// name) is all that reaches the adapter.
import type { Hono } from "hono";
import type { CardOutcome, HostedTestCard } from "./outcome.ts";
import { registerHostedPageRoutes } from "./routes.ts";

export type { CardOutcome, CardSummary, HostedDecline, HostedTestCard } from "./outcome.ts";
export type { HostedLang } from "./texts.ts";
export { HOSTED_OTP } from "./routes.ts";
export { formatAmount } from "./render.ts";
/** For tests: pay on a hosted page with plain form posts. */
export { payOnHostedPage } from "./test-payer.ts";
export type { HostedPayment, HostedPaymentResult } from "./test-payer.ts";

/** A payment as the page needs it. */
export interface HostedPaymentView {
  /** Only an "open" payment can be paid; the others show a notice. */
  state: "open" | "paid" | "failed" | "closed" | "expired";
  /** Major units (roubles), shown with the currency in the shopper's language. */
  amount: number;
  /** ISO 4217 letters, e.g. "RUB". */
  currency: string;
  description: string | null;
  /** Shown as the shop's name. */
  merchant: string;
  /** Where an approved payment sends the shopper; null: a result page on the sandbox. */
  successUrl: string | null;
  /** Where a declined payment, or "return to the shop", sends the shopper. */
  failUrl: string | null;
}

export interface HostedPageAdapter {
  /** e.g. "/invoice/pay": the page is GET `${basePath}/<ref>`. */
  basePath: string;
  /** Shown at the top of the card page. */
  gatewayName: string;
  /** The gateway's own printed test cards, on top of the sandbox's table. */
  testCards?: readonly HostedTestCard[];
  /** The payment `ref` names, or null (a 404 page). */
  find(ref: string): HostedPaymentView | null;
  /** Records the outcome. Called at most once per payment, only while find() says "open". */
  complete(ref: string, outcome: CardOutcome): void;
}

export interface HostedPageOptions {
  now?: () => Date;
  /** Pending 3-D Secure steps kept at most (oldest forgotten first). Default 10 000. */
  maxChallenges?: number;
  /** How long a code step stays valid. Default 15 minutes. */
  challengeTtlMs?: number;
}

/** Adds the page's routes (and, once per app, its script and stylesheet) to a sandbox app. */
export function registerHostedPage(app: Hono, adapter: HostedPageAdapter, options: HostedPageOptions = {}): void {
  registerHostedPageRoutes(app, adapter, options);
}

/** The form fields that carry the card; the e2e leak guard allows them in this page's card post only. */
export const HOSTED_CARD_FIELDS = { number: "cardNumber", cvc: "cvc" } as const;

/** True for the path a hosted page's card form posts to (`<basePath>/<ref>/card`). */
export function isHostedCardPostPath(path: string, basePath: string): boolean {
  return path.startsWith(`${basePath}/`) && /^\/[A-Za-z0-9_-]{1,64}\/card$/.test(path.slice(basePath.length));
}
