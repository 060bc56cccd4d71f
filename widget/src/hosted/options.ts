// Hosted mode's options, checked before anything renders: a wrong or missing one is named in the
// console (in English, for the developer) and the shopper sees one localised line instead of a
// Pay button that cannot pay. A card-form option (publicId, publicKey…) is a mix-up of the two
// modes: named as such.
import { isRecord } from "../shared/index.ts";
import type { HostedOptions } from "../shared/index.ts";

type Check = (value: unknown) => boolean;

const text: Check = (v) => typeof v === "string";
const filled: Check = (v) => typeof v === "string" && v.trim() !== "";
const fn: Check = (v) => typeof v === "function";
const oneOf = (...values: string[]): Check => (v) => typeof v === "string" && values.includes(v);
const strings: Check = (v) => isRecord(v) && Object.values(v).every((x) => typeof x === "string");
const positive: Check = (v) => typeof v === "number" && Number.isFinite(v) && v > 0;

/** Each option: its check, and what a valid value looks like. Required ones are marked `!`. */
const RULES: { readonly [K in keyof HostedOptions]-?: readonly [Check, string] } = {
  mode: [oneOf("hosted"), '!"hosted"'],
  endpoint: [filled, '!your server\'s checkout endpoint base, e.g. "/api/invoice"'],
  invoiceId: [filled, "!the order number, a string"],
  amount: [positive, "!a positive number, e.g. 15.5"],
  currency: [(v) => typeof v === "string" && /^[A-Z]{3}$/.test(v), '!an ISO 4217 code, e.g. "RUB"'],
  description: [text, "a string"],
  merchantName: [text, "a string"],
  shopUrl: [filled, "a URL"],
  email: [text, "a string"],
  paymentPage: [oneOf("iframe", "redirect"), '"iframe" or "redirect"'],
  language: [oneOf("ru", "en"), '"ru" or "en"'],
  texts: [strings, "{ key: text }"],
  appearance: [(v) => isRecord(v) && (v.theme === undefined || oneOf("light", "dark", "auto")(v.theme)) && (v.variables === undefined || strings(v.variables)), '{ theme?, variables? }'],
  nonce: [filled, "the CSP nonce"],
  timeoutMs: [positive, "milliseconds > 0"],
  onReady: [fn, "a function"],
  onSuccess: [fn, "a function"],
  onFail: [fn, "a function"],
  onComplete: [fn, "a function"],
  onCancel: [fn, "a function"],
  // The card form's: never valid here.
  publicId: [() => false, ""],
  publicKey: [() => false, ""],
  publicKeyUrl: [() => false, ""],
  threeDs: [() => false, ""],
  requireEmail: [() => false, ""],
  requireName: [() => false, ""],
  showBrands: [() => false, ""],
  scheme: [() => false, ""],
  accountId: [() => false, ""],
  onChange: [() => false, ""],
};

/** The problems of `input` as console lines (empty: the options can be used); unknown names are warned about. */
export function hostedOptionProblems(input: unknown, log: Pick<Console, "warn"> = console): string[] {
  if (!isRecord(input)) return ["checkout-widget: mount() needs an options object"];
  const problems: string[] = [];
  for (const [name, [check, expected]] of Object.entries(RULES) as [string, readonly [Check, string]][]) {
    const value = input[name];
    if (value === undefined || value === null) {
      if (expected.startsWith("!")) problems.push(`checkout-widget: option \`${name}\` is required: ${expected.slice(1)}`);
    } else if (!check(value)) {
      problems.push(
        expected
          ? `checkout-widget: option \`${name}\` is invalid: expected ${expected.replace("!", "")}`
          : `checkout-widget: option \`${name}\` belongs to the card form (checkout-widget.js); hosted mode takes no card or gateway-key option: the shopper types the card on the gateway's page`,
      );
    }
  }
  const unknown = Object.keys(input).filter((name) => !(name in RULES));
  if (unknown.length > 0) log.warn(`checkout-widget: unknown option(s) ${unknown.map((name) => `\`${name}\``).join(", ")} (a typo?)`);
  return problems;
}
