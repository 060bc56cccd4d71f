// RBS request parameters: the query string and a form-encoded body, names case-sensitive as the
// platform's, values strings. An empty value counts as absent (clients send `bindingId=` for an
// unset one); a name given twice is refused rather than guessed.
import net from "node:net";
import { RbsRefusal, refusals, type RbsLang, type Texts } from "./answers.ts";

export class RbsParams {
  private constructor(private readonly values: ReadonlyMap<string, string | string[]>) {}

  /** Query parameters first, then the body's; a name in both counts as repeated. */
  static from(...sources: URLSearchParams[]): RbsParams {
    const values = new Map<string, string | string[]>();
    for (const source of sources) {
      for (const [name, value] of source) {
        const previous = values.get(name);
        if (previous === undefined) values.set(name, value);
        else values.set(name, Array.isArray(previous) ? [...previous, value] : [previous, value]);
      }
    }
    return new RbsParams(values);
  }

  /** The trimmed value, or null when absent or empty. */
  text(name: string, maxLength = 255): string | null {
    const value = this.values.get(name);
    if (value === undefined) return null;
    if (Array.isArray(value)) {
      // The same value twice (query and body alike) is harmless; two different ones are not.
      const distinct = new Set(value.map((v) => v.trim()).filter((v) => v !== ""));
      if (distinct.size > 1) throw refusals.invalid(name, { ru: "параметр повторяется", en: "the parameter is repeated" });
      return this.checkLength(name, [...distinct][0] ?? null, maxLength);
    }
    return this.checkLength(name, value.trim() === "" ? null : value.trim(), maxLength);
  }

  required(name: string, maxLength = 255): string {
    const value = this.text(name, maxLength);
    if (value === null) throw refusals.missing(name);
    return value;
  }

  /** The language for messages: `language` when it is ru/en, else Russian (the platform's default). */
  lang(): RbsLang {
    try {
      const value = this.text("language", 8)?.toLowerCase();
      return value === "en" ? "en" : "ru";
    } catch {
      return "ru";
    }
  }

  private checkLength(name: string, value: string | null, maxLength: number): string | null {
    if (value !== null && value.length > maxLength) {
      throw refusals.invalid(name, { ru: `не длиннее ${maxLength} символов`, en: `at most ${maxLength} characters` });
    }
    return value;
  }
}

const TOO_BIG = 99_999_999_999; // kopecks: 999 999 999.99 roubles

/** A positive whole number of kopecks (the platform's minor units). */
export function requiredKopecks(params: RbsParams, name = "amount", options: { allowZero?: boolean } = {}): number {
  const text = params.text(name, 20);
  if (text === null) throw refusals.missing(name);
  if (!/^\d{1,11}$/.test(text)) {
    throw refusals.invalid(name, { ru: "целое число в минимальных единицах валюты", en: "a whole number of minor units (kopecks)" });
  }
  const value = Number(text);
  if (value > TOO_BIG || (value === 0 && !options.allowZero)) throw refusals.invalid(name);
  return value;
}

export function optionalHttpUrl(params: RbsParams, name: string): string | null {
  const text = params.text(name, 2048);
  if (text === null) return null;
  if (!isHttpUrl(text)) throw refusals.invalid(name, { ru: "нужен адрес http(s)", en: "an absolute http(s) URL is needed" });
  return text;
}

export function requiredHttpUrl(params: RbsParams, name: string): string {
  const url = optionalHttpUrl(params, name);
  if (url === null) throw refusals.missing(name);
  return url;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function requiredIp(params: RbsParams, name = "ip"): string {
  const text = params.required(name, 39);
  if (net.isIP(text) === 0) throw refusals.invalid(name);
  return text;
}

export function optionalInteger(params: RbsParams, name: string, min: number, max: number): number | null {
  const text = params.text(name, 12);
  if (text === null) return null;
  if (!/^\d{1,10}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw refusals.invalid(name, { ru: `целое число от ${min} до ${max}`, en: `a whole number from ${min} to ${max}` });
  }
  return Number(text);
}

/** `jsonParams`: a JSON object of scalar values, kept as name/value pairs. */
export function optionalJsonParams(params: RbsParams, name = "jsonParams"): [string, string][] {
  const text = params.text(name, 8192);
  if (text === null) return [];
  const bad = (why: Texts): RbsRefusal => refusals.invalid(name, why);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad({ ru: "не JSON", en: "not JSON" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw bad({ ru: "нужен объект JSON", en: "a JSON object is needed" });
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw bad({ ru: "значения — строки или числа", en: "values must be strings or numbers" });
    }
    pairs.push([key, String(value)]);
  }
  return pairs;
}
