// Checks merchant-supplied options before anything renders: a wrong option must fail loudly
// (console + a merchant-facing box), never as a half-working card form. What a valid value looks
// like, in English for the developer, is late code (late/option-report.ts): the console hears it
// a moment later, and the shopper's critical path does not carry it.
import { isRecord } from "../../shared/index.ts";
import type { CheckoutOptions } from "../../shared/index.ts";
import { loadLate } from "../late.ts";

export type OptionProblemCode = "Option_Required" | "Option_Invalid";

export interface OptionProblem {
  code: OptionProblemCode;
  /** Option name as written in JavaScript, e.g. `invoiceId`. */
  option: string;
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
  required?: boolean;
  /** Markup kind when not a plain string; callbacks (`on*`) have no markup form. */
  markup?: Exclude<MarkupKind, "string">;
}

/** Every option the widget understands; anything else is reported as a probable typo. */
const RULES: Record<keyof CheckoutOptions, Rule> = {
  // Hosted mode's options given to the card form: the late report says which file to load.
  mode: { check: oneOf("card") },
  publicId: { check: isNonEmptyString, required: true },
  publicKey: {
    check: (v) =>
      isRecord(v) &&
      typeof v.pem === "string" &&
      v.pem.includes("BEGIN PUBLIC KEY") &&
      typeof v.version === "number" &&
      Number.isInteger(v.version) &&
      v.version >= 0,
    markup: "json",
  },
  publicKeyUrl: { check: isNonEmptyString },
  endpoint: { check: isNonEmptyString, required: true },
  invoiceId: { check: isNonEmptyString, required: true },
  amount: {
    check: (v) => typeof v === "number" && Number.isFinite(v) && v > 0,
    required: true,
    markup: "number",
  },
  currency: { check: (v) => typeof v === "string" && /^[A-Z]{3}$/.test(v), required: true },
  description: { check: isString },
  merchantName: { check: isString },
  shopUrl: { check: isNonEmptyString },
  accountId: { check: isString },
  email: { check: isString },
  requireEmail: { check: isBoolean, markup: "boolean" },
  requireName: { check: isBoolean, markup: "boolean" },
  showBrands: { check: isBoolean, markup: "boolean" },
  savedCards: { check: isBoolean, markup: "boolean" },
  scheme: { check: oneOf("charge", "auth") },
  language: { check: oneOf("ru", "en") },
  texts: { check: isStringRecord, markup: "json" },
  appearance: {
    check: (v) =>
      isRecord(v) &&
      (v.theme === undefined || oneOf("light", "dark", "auto")(v.theme)) &&
      (v.variables === undefined || isStringRecord(v.variables)),
    markup: "json",
  },
  threeDs: { check: oneOf("iframe", "redirect") },
  nonce: { check: isNonEmptyString },
  timeoutMs: { check: (v) => typeof v === "number" && Number.isFinite(v) && v > 0, markup: "number" },
  onReady: { check: isFunction },
  onChange: { check: isFunction },
  onSuccess: { check: isFunction },
  onFail: { check: isFunction },
  onComplete: { check: isFunction },
  onCancel: { check: isFunction },
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
  /** The appearance variables given (the late code warns of any that change nothing). */
  variables: string[];
}

export function checkOptions(input: unknown): OptionsCheck {
  if (!isRecord(input)) {
    return { problems: [{ code: "Option_Required", option: "options" }], unknown: [], variables: [] };
  }
  const problems: OptionProblem[] = [];
  for (const name of KNOWN_OPTIONS) {
    const rule = RULES[name];
    const value = input[name];
    if (value === undefined || value === null) {
      if (rule.required) problems.push({ code: "Option_Required", option: name });
    } else if (!rule.check(value)) {
      problems.push({ code: "Option_Invalid", option: name });
    }
  }
  if (input.publicKey == null && input.publicKeyUrl == null) {
    problems.push({ code: "Option_Required", option: "publicKey" });
  }
  const unknown = Object.keys(input).filter((k) => !(k in RULES));
  const variables = isRecord(input.appearance) && isRecord(input.appearance.variables) ? Object.keys(input.appearance.variables) : [];
  return { problems, unknown, variables };
}

/**
 * Reports problems to the console, each with what to fix, once the options report is there (it
 * holds the developer texts: checkout-widget-report.js, through the late code); the names alone if
 * either cannot load. Returns true when the options can be used.
 */
export function reportOptions(check: OptionsCheck, log: Pick<Console, "error" | "warn"> = console): boolean {
  const ok = check.problems.length === 0;
  if (!ok || check.unknown.length > 0 || check.variables.length > 0) {
    loadLate()
      .then((api) => api.reportOptions(check, KNOWN_OPTIONS, log))
      .catch(() => {
        for (const { code, option } of check.problems) log.error(`checkout-widget: option \`${option}\` is ${code === "Option_Required" ? "required" : "invalid"}`);
      });
  }
  return ok;
}
