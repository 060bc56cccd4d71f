// What the console says about a merchant's wrong options: each problem with what a valid value
// looks like, unknown options and appearance variables that change nothing. Developer texts in
// English, never shown to shoppers. A file of their own (checkout-widget-report.js, the npm
// build's dynamic import), loaded only when the options have something to say: neither the
// critical path nor the late file a shopper's payment needs carries them (the main file's
// checkOptions decides, and shows the shopper one localised line at once).
import type { AppearanceVariable, CheckoutOptions } from "../shared/index.ts";
import type { OptionProblem, OptionsCheck } from "../host/options/index.ts";

/** What a valid value of each option looks like. */
const EXPECTED: Record<keyof CheckoutOptions, string> = {
  mode: '"card"; hosted mode is checkout-widget-hosted.js (npm: "checkout-widget/hosted")',
  publicId: "your terminal's Public ID",
  publicKey: "{ pem: PEM of a PUBLIC KEY, version: integer }",
  publicKeyUrl: "a URL answering { Pem, Version }",
  endpoint: "your server's checkout endpoint base URL, e.g. \"/api/checkout\"",
  invoiceId: "the order number, a string",
  amount: "a positive number, e.g. 15.5",
  currency: 'an ISO 4217 code, e.g. "RUB"',
  description: "a string",
  merchantName: "a string",
  shopUrl: "a URL",
  accountId: "a string",
  email: "a string",
  requireEmail: "true or false",
  requireName: "true or false",
  showBrands: "true or false",
  savedCards: "true or false",
  scheme: '"charge" or "auth"',
  language: '"ru" or "en"',
  texts: "{ key: text }",
  appearance: '{ theme?: "light"|"dark"|"auto", variables?: { name: value } }',
  threeDs: '"iframe" or "redirect"',
  nonce: "the CSP nonce",
  timeoutMs: "milliseconds > 0",
  onReady: "a function",
  onChange: "a function",
  onSuccess: "a function",
  onFail: "a function",
  onComplete: "a function",
  onCancel: "a function",
};

/** The appearance variables (shared/options.ts documents each); typed so the list cannot fall behind. */
const VARIABLES: Record<AppearanceVariable, true> = {
  "color-primary": true,
  "color-on-primary": true,
  "color-background": true,
  "color-text": true,
  "color-muted": true,
  "color-border": true,
  "color-input-background": true,
  "color-error": true,
  "color-success": true,
  "font-family": true,
  "border-radius": true,
  spacing: true,
  padding: true,
};

/** One line per problem, naming what to fix. */
export function describeProblem({ code, option }: OptionProblem): string {
  const missing = code === "Option_Required";
  // Neither key option: either will do.
  const expected = missing && option === "publicKey" ? "`publicKey` or `publicKeyUrl`" : (EXPECTED[option as keyof CheckoutOptions] ?? "an options object");
  return `checkout-widget: option \`${option}\` ${missing ? "is required" : "is invalid"}; expected ${expected}`;
}

/** The appearance variables among `names` that change nothing (a leading `--cw-` is allowed). */
export function unknownVariables(names: readonly string[]): string[] {
  return names.filter((name) => !(name.replace(/^--cw-/, "") in VARIABLES));
}

/** Logs each problem (error), unknown option and unknown appearance variable (warning). */
export function reportOptions(check: OptionsCheck, known: readonly string[], log: Pick<Console, "error" | "warn"> = console): void {
  for (const problem of check.problems) log.error(describeProblem(problem));
  for (const name of check.unknown) log.warn(`checkout-widget: unknown option \`${name}\` is ignored; known: ${known.join()}`);
  for (const name of unknownVariables(check.variables)) {
    log.warn(`checkout-widget: unknown appearance variable \`${name}\` changes nothing; known: ${Object.keys(VARIABLES).join()}`);
  }
}
