// Hosted mode's options, checked before anything renders: a wrong or missing one is named in the
// console (in English, for the developer; the README's hosted-mode section says what each takes)
// and the shopper sees one localised line instead of a Pay button that cannot pay. A card-form
// option (publicId, publicKey…) is a mix-up of the two modes: named as such.
import { isRecord } from "../shared/index.ts";
import type { HostedOptions } from "../shared/index.ts";

type Check = (value: unknown) => boolean;

const text: Check = (v) => typeof v === "string";
const filled: Check = (v) => typeof v === "string" && v.trim() !== "";
const fn: Check = (v) => typeof v === "function";
const oneOf = (...values: string[]): Check => (v) => typeof v === "string" && values.includes(v);
const strings: Check = (v) => isRecord(v) && Object.values(v).every((x) => typeof x === "string");
const positive: Check = (v) => typeof v === "number" && Number.isFinite(v) && v > 0;
/** A card-form option: never valid in hosted mode. */
const card: Check = () => false;

/** Each option's check; `true` after it: required. */
const RULES: { readonly [K in keyof HostedOptions]-?: Check | readonly [Check, true] } = {
  mode: [oneOf("hosted"), true],
  endpoint: [filled, true],
  invoiceId: [filled, true],
  amount: [positive, true],
  currency: [(v) => typeof v === "string" && /^[A-Z]{3}$/.test(v), true],
  description: text,
  merchantName: text,
  shopUrl: filled,
  email: text,
  saveCard: (v) => typeof v === "boolean",
  paymentPage: oneOf("iframe", "redirect"),
  language: oneOf("ru", "en"),
  texts: strings,
  appearance: (v) => isRecord(v) && (v.theme === undefined || oneOf("light", "dark", "auto")(v.theme)) && (v.variables === undefined || strings(v.variables)),
  nonce: filled,
  timeoutMs: positive,
  onReady: fn,
  onSuccess: fn,
  onFail: fn,
  onComplete: fn,
  onCancel: fn,
  publicId: card,
  publicKey: card,
  publicKeyUrl: card,
  threeDs: card,
  requireEmail: card,
  requireName: card,
  showBrands: card,
  scheme: card,
  accountId: card,
  onChange: card,
};

/** The problems of `input` as console lines (empty: the options can be used); unknown names are warned about. */
export function hostedOptionProblems(input: unknown, log: Pick<Console, "warn"> = console): string[] {
  if (!isRecord(input)) return ["checkout-widget: hosted mode needs an options object"];
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(RULES)) {
    const [check, required] = typeof rule === "function" ? [rule, false] : rule;
    const value = input[name];
    const said =
      value == null
        ? required && "is required"
        : check === card
          ? "belongs to the card form (checkout-widget.js): hosted mode takes no card or gateway-key option, the shopper types the card on the gateway's page"
          : !check(value) && "is invalid";
    if (said) problems.push(`checkout-widget: option \`${name}\` ${said} (hosted mode)`);
  }
  const unknown = Object.keys(input).filter((name) => !(name in RULES));
  if (unknown.length > 0) log.warn(`checkout-widget: unknown option(s) ${unknown.join(", ")} (a typo?)`);
  return problems;
}
