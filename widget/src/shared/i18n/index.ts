// Localisation both files use: the language choice, translators typed by the keys their
// dictionaries hold, amount formatting, and the form's own texts.
import type { Language } from "../options.ts";
import { formTexts } from "./form-texts.ts";
import type { FormTextKey } from "./form-texts.ts";
import type { TextTable } from "./text-table.ts";

export type { FormTextKey, TextTable };
export { formTexts };
export { commonTexts } from "./common-texts.ts";
export type { CommonTextKey } from "./common-texts.ts";
/** A merchant's `texts` option: any key, built in or not (e.g. `R_5051`). */
export type TextOverrides = Partial<Record<string, string>>;
export type TextParams = Record<string, string | number>;

interface NavigatorLike {
  language?: string;
}

function fromTag(tag: string | null | undefined): Language | undefined {
  const t = (tag ?? "").trim().toLowerCase();
  if (!t) return undefined;
  return t === "ru" || t.startsWith("ru-") ? "ru" : "en";
}

/**
 * The widget language: the `language` option, then `<html lang>`, then the browser's language;
 * any language other than Russian gets English; nothing known at all gets Russian (the gateway's default).
 * Reads no globals unless they exist, so it is safe on a server.
 */
export function resolveLanguage(
  option?: string | null,
  doc: Document | undefined = typeof document === "undefined" ? undefined : document,
  nav: NavigatorLike | undefined = typeof navigator === "undefined" ? undefined : navigator,
): Language {
  return fromTag(option) ?? fromTag(doc?.documentElement?.getAttribute("lang")) ?? fromTag(nav?.language) ?? "ru";
}

/**
 * `t(key, { name: value })` over one set of keys: a view can only name keys its dictionaries hold,
 * so a view drawn before the late code arrives cannot show a late text's raw key.
 */
export interface Translator<K extends string> {
  (key: K, params?: TextParams): string;
  readonly lang: Language;
  /** True when `key` (e.g. a message key from the payment flow) has a text here, built in or overridden. */
  has(key: string): key is K;
}

/** The translator factory for a text table: merchant overrides first, `{name}` placeholders filled. */
export function translatorFor<K extends string>(table: TextTable<K>) {
  return (lang: Language, overrides?: TextOverrides): Translator<K> => {
    const texts: Readonly<Record<string, readonly string[] | undefined>> = table;
    const at = lang === "en" ? 0 : 1;
    // A key the table lacks reads undefined, an object's own ("constructor") too: a function has no [0] or [1].
    const lookup = (key: string): string | undefined => overrides?.[key] ?? texts[key]?.[at];
    const t = (key: K, params?: TextParams) => {
      const text = lookup(key) ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
    };
    return Object.assign(t, { lang, has: (key: string): key is K => lookup(key) !== undefined });
  };
}

/** The form's translator: the texts on the critical path only. */
export const createTranslator = /* @__PURE__ */ translatorFor<FormTextKey>(formTexts);
export type FormTranslator = Translator<FormTextKey>;

/** `1 500,00 ₽` / `$15.00` / `₽1,500.00`; an unknown currency code still shows the sum rather than throwing. */
export function formatAmount(amount: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(lang, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
