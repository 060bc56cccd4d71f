// Checks merchant-supplied options before anything renders: a wrong option must fail loudly
// (console + a merchant-facing box), never as a half-working card form.
// These texts are for the developer integrating the widget, not for the shopper, so they
// live here in English rather than in i18n/.
import { isRecord } from "../../shared/index.ts";
import type { CheckoutOptions } from "../../shared/index.ts";

export type OptionProblemCode = "Option_Required" | "Option_Invalid";

export interface OptionProblem {
  code: OptionProblemCode;
  /** Option name as written in JavaScript, e.g. `invoiceId`. */
  option: string;
  /** What a valid value looks like. */
  expected: string;
}

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === "string";
const isNonEmptyString: Check = (v) => typeof v === "string" && v.trim() !== "";
const isBoolean: Check = (v) => typeof v === "boolean";
const isFunction: Check = (v) => typeof v === "function";
const isStringRecord: Check = (v) => isRecord(v) && Object.values(v).every((x) => typeof x === "string");
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v);

/** How a markup attribute (`<checkout-widget amount="15">`, `data-amount`) becomes the option. */
export type MarkupKind = "string" | "number" | "boolean" | "json";

interface Rule {
  check: Check;
  expected: string;
  required?: boolean;
  /** Markup kind when not a plain string; callbacks (`on*`) have no markup form. */
  markup?: Exclude<MarkupKind, "string">;
}

/** Every option the widget understands; anything else is reported as a probable typo. */
const RULES: Record<keyof CheckoutOptions, Rule> = {
  publicId: { check: isNonEmptyString, expected: "your terminal's Public ID", required: true },
  publicKey: {
    check: (v) =>
      isRecord(v) &&
      typeof v.pem === "string" &&
      v.pem.includes("BEGIN PUBLIC KEY") &&
      typeof v.version === "number" &&
      Number.isInteger(v.version) &&
      v.version >= 0,
    expected: "{ pem: PEM of a PUBLIC KEY, version: integer }",
    markup: "json",
  },
  publicKeyUrl: { check: isNonEmptyString, expected: "a URL answering { Pem, Version }" },
  endpoint: { check: isNonEmptyString, expected: "your server's checkout endpoint base URL, e.g. \"/api/checkout\"", required: true },
  invoiceId: { check: isNonEmptyString, expected: "the order number, a string", required: true },
  amount: {
    check: (v) => typeof v === "number" && Number.isFinite(v) && v > 0,
    expected: "a positive number, e.g. 15.5",
    required: true,
    markup: "number",
  },
  currency: { check: (v) => typeof v === "string" && /^[A-Z]{3}$/.test(v), expected: 'an ISO 4217 code, e.g. "RUB"', required: true },
  description: { check: isString, expected: "a string" },
  accountId: { check: isString, expected: "a string" },
  email: { check: isString, expected: "a string" },
  requireEmail: { check: isBoolean, expected: "true or false", markup: "boolean" },
  scheme: { check: oneOf("charge", "auth"), expected: '"charge" or "auth"' },
  language: { check: oneOf("ru", "en"), expected: '"ru" or "en"' },
  texts: { check: isStringRecord, expected: "{ key: text }", markup: "json" },
  appearance: {
    check: (v) =>
      isRecord(v) &&
      (v.theme === undefined || oneOf("light", "dark", "auto")(v.theme)) &&
      (v.variables === undefined || isStringRecord(v.variables)),
    expected: '{ theme?: "light"|"dark"|"auto", variables?: { name: value } }',
    markup: "json",
  },
  threeDs: { check: oneOf("iframe", "redirect"), expected: '"iframe" or "redirect"' },
  nonce: { check: isNonEmptyString, expected: "the CSP nonce" },
  timeoutMs: { check: (v) => typeof v === "number" && Number.isFinite(v) && v > 0, expected: "milliseconds > 0", markup: "number" },
  onReady: { check: isFunction, expected: "a function" },
  onChange: { check: isFunction, expected: "a function" },
  onSuccess: { check: isFunction, expected: "a function" },
  onFail: { check: isFunction, expected: "a function" },
  onComplete: { check: isFunction, expected: "a function" },
};

export const KNOWN_OPTIONS = Object.keys(RULES) as (keyof CheckoutOptions)[];

/** Options settable from markup: all but the callbacks (DOM events instead). */
export type MarkupOption = Exclude<keyof CheckoutOptions, `on${string}`>;

/** The markup options, with how each is read. */
export const MARKUP_OPTIONS: ReadonlyArray<readonly [MarkupOption, MarkupKind]> = (
  KNOWN_OPTIONS.filter((name) => !/^on[A-Z]/.test(name)) as MarkupOption[]
).map((name) => [name, RULES[name].markup ?? "string"]);

export interface OptionsCheck {
  problems: OptionProblem[];
  /** Unknown option names (probable typos): warned about, not fatal. */
  unknown: string[];
}

export function checkOptions(input: unknown): OptionsCheck {
  if (!isRecord(input)) {
    return { problems: [{ code: "Option_Required", option: "options", expected: "an options object" }], unknown: [] };
  }
  const problems: OptionProblem[] = [];
  for (const name of KNOWN_OPTIONS) {
    const rule = RULES[name];
    const value = input[name];
    if (value === undefined || value === null) {
      if (rule.required) problems.push({ code: "Option_Required", option: name, expected: rule.expected });
    } else if (!rule.check(value)) {
      problems.push({ code: "Option_Invalid", option: name, expected: rule.expected });
    }
  }
  if (input.publicKey == null && input.publicKeyUrl == null) {
    problems.push({
      code: "Option_Required",
      option: "publicKey",
      expected: "`publicKey` or `publicKeyUrl`",
    });
  }
  const unknown = Object.keys(input).filter((k) => !(k in RULES));
  return { problems, unknown };
}

/** One line per problem, each naming what to fix. */
export function describeProblem(problem: OptionProblem): string {
  const verb = problem.code === "Option_Required" ? "is required" : "is invalid";
  return `checkout-widget: option \`${problem.option}\` ${verb}; expected ${problem.expected}`;
}

/** Reports problems to the console; returns true when the options can be used. */
export function reportOptions(check: OptionsCheck, log: Pick<Console, "error" | "warn"> = console): boolean {
  for (const problem of check.problems) log.error(describeProblem(problem));
  for (const name of check.unknown) {
    log.warn(`checkout-widget: unknown option \`${name}\` is ignored; known: ${KNOWN_OPTIONS.join()}`);
  }
  return check.problems.length === 0;
}
