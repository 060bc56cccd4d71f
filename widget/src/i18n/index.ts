// Localisation: ru and en texts, language choice, amount formatting and decline messages.
import type { Language } from "../options.ts";
import { lateText, reasonKey } from "./late.ts";
import { en, ru, type TextKey } from "./texts.ts";

export type { TextKey };
export type TextOverrides = Partial<Record<string, string>>;
export type TextParams = Record<string, string | number>;

const DICTIONARIES: Record<Language, Partial<Record<string, string>>> = { ru, en };

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
  return (
    fromTag(option) ?? fromTag(doc?.documentElement?.getAttribute("lang")) ?? fromTag(nav?.language) ?? "ru"
  );
}

export interface Translator {
  (key: string, params?: TextParams): string;
  readonly lang: Language;
  /** True when the key has a text (built in or overridden). */
  has(key: string): boolean;
}

/** `t(key, { name: value })`: merchant overrides first, then the language's text; `{name}` placeholders filled. */
export function createTranslator(lang: Language, overrides?: TextOverrides): Translator {
  const dict = DICTIONARIES[lang];
  // In the script-tag build lateText answers once the crypto chunk has arrived.
  const lookup = (key: string): string | undefined => overrides?.[key] ?? dict[key] ?? lateText(lang, key);
  const t = ((key: string, params?: TextParams) => {
    const text = lookup(key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  }) as Translator;
  Object.defineProperty(t, "lang", { value: lang });
  t.has = (key) => lookup(key) !== undefined;
  return t;
}

/**
 * The shopper message for a gateway ReasonCode in the given language.
 * A merchant may override one code (`R_5051`) or a whole group (`R_Funds`); unknown codes get a generic text.
 */
export function declineMessage(reasonCode: number, lang: Language, overrides?: TextOverrides): string {
  const t = createTranslator(lang, overrides);
  const own = `R_${reasonCode}`;
  if (t.has(own)) return t(own);
  // reasonKey comes with the crypto chunk in the script-tag build; a decline never precedes it.
  return t(reasonKey(reasonCode) ?? "Error_Declined");
}

/** `1 500,00 ₽` / `$15.00` / `₽1,500.00`; an unknown currency code still shows the sum rather than throwing. */
export function formatAmount(amount: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(lang, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
