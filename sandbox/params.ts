// Request parameters, read the way the gateway reads them: names case-insensitive, values from
// JSON (any type) or a form (strings). Each reader names the field in its refusal message.
import net from "node:net";

export type ParameterErrorCode = "Parameter_Missing" | "Parameter_Invalid" | "Parameter_TooLong" | "Currency_Unsupported";

/** A refused parameter; its message is the API's `Message` and names the field. */
export class ParameterError extends Error {
  constructor(
    readonly code: ParameterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ParameterError";
  }
}

export class Params {
  // A Map, not an object: keys like "__proto__" stay plain data.
  private readonly byName = new Map<string, unknown>();

  private constructor() {}

  static fromObject(object: Record<string, unknown>): Params {
    const params = new Params();
    for (const [name, value] of Object.entries(object)) params.byName.set(name.toLowerCase(), value);
    return params;
  }

  /** A repeated form field becomes an array, which every scalar reader refuses. */
  static fromForm(form: URLSearchParams): Params {
    const params = new Params();
    for (const [name, value] of form) {
      const key = name.toLowerCase();
      const previous = params.byName.get(key);
      if (previous === undefined) params.byName.set(key, value);
      else params.byName.set(key, Array.isArray(previous) ? [...previous, value] : [previous, value]);
    }
    return params;
  }

  static empty(): Params {
    return new Params();
  }

  /** undefined when absent; JSON null also counts as absent. */
  get(name: string): unknown {
    const value = this.byName.get(name.toLowerCase());
    return value === null ? undefined : value;
  }
}

const missing = (name: string) => new ParameterError("Parameter_Missing", `${name} is required`);
const invalid = (name: string) => new ParameterError("Parameter_Invalid", `Invalid ${name} value`);

function scalarText(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw invalid(name);
}

export function optionalString(params: Params, name: string, maxLength = 255): string | null {
  const text = scalarText(params, name)?.trim();
  if (text === undefined || text === "") return null;
  if (text.length > maxLength) {
    throw new ParameterError("Parameter_TooLong", `${name} is too long (at most ${maxLength} characters)`);
  }
  return text;
}

export function requiredString(params: Params, name: string, maxLength = 255): string {
  const text = optionalString(params, name, maxLength);
  if (text === null) throw missing(name);
  return text;
}

export const MAX_AMOUNT_MINOR = 99_999_999_999; // 999 999 999.99

/** A positive amount with at most 2 decimals, returned in minor units (kopecks, cents). */
export function requiredAmount(params: Params, name = "Amount"): number {
  const text = scalarText(params, name)?.trim();
  if (text === undefined || text === "") throw missing(name);
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw invalid(name);
  const minor = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (minor <= 0 || minor > MAX_AMOUNT_MINOR) throw invalid(name);
  return minor;
}

export const CURRENCIES = ["RUB", "USD", "EUR", "GBP"] as const;
export type Currency = (typeof CURRENCIES)[number];

export function requiredCurrency(params: Params, name = "Currency"): Currency {
  const value = params.get(name);
  if (value === undefined || value === "") throw missing(name);
  const found = CURRENCIES.find((c) => c === value);
  if (!found) throw new ParameterError("Currency_Unsupported", `${name} is not supported`);
  return found;
}

export function requiredTransactionId(params: Params, name = "TransactionId"): number {
  const text = scalarText(params, name)?.trim();
  if (text === undefined || text === "") throw missing(name);
  if (!/^\d{1,15}$/.test(text)) throw invalid(name);
  const id = Number(text);
  if (id < 1) throw invalid(name);
  return id;
}

export function requiredInteger(params: Params, name: string, min: number, max: number): number {
  const value = optionalInteger(params, name, min, max);
  if (value === null) throw missing(name);
  return value;
}

export function optionalInteger(params: Params, name: string, min: number, max: number): number | null {
  const text = scalarText(params, name)?.trim();
  if (text === undefined || text === "") return null;
  if (!/^\d{1,9}$/.test(text)) throw invalid(name);
  const n = Number(text);
  if (n < min || n > max) throw invalid(name);
  return n;
}

export function optionalBoolean(params: Params, name: string): boolean | null {
  const value = params.get(name);
  if (value === undefined || value === "") return null;
  if (value === true || value === "true" || value === "True" || value === "1" || value === 1) return true;
  if (value === false || value === "false" || value === "False" || value === "0" || value === 0) return false;
  throw invalid(name);
}

export function requiredBoolean(params: Params, name: string): boolean {
  const value = optionalBoolean(params, name);
  if (value === null) throw missing(name);
  return value;
}

export function optionalEmail(params: Params, name = "Email"): string | null {
  const text = optionalString(params, name);
  if (text !== null && !/^[^\s@]+@[^\s@]+$/.test(text)) throw invalid(name);
  return text;
}

export function requiredIpAddress(params: Params, name = "IpAddress"): string {
  const text = requiredString(params, name, 64);
  if (net.isIP(text) === 0) throw invalid(name);
  return text;
}

export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion (a deep value must not overflow the stack). */
function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== "object" || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth });
  }
  return false;
}

/** Any JSON value up to MAX_JSON_DEPTH levels; the gateway hands it back serialized as a string. */
export function optionalJsonData(params: Params, name = "JsonData", maxLength = 8192): string | null {
  const value = params.get(name);
  if (value === undefined || value === "") return null;
  if (exceedsDepth(value, MAX_JSON_DEPTH)) throw invalid(name);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.length > maxLength) {
    throw new ParameterError("Parameter_TooLong", `${name} is too long (at most ${maxLength} characters)`);
  }
  return text;
}

/** An ISO-8601 date-time; a zone-less value is taken as UTC, as the gateway's dates are. */
export function requiredDateTime(params: Params, name: string): Date {
  const text = requiredString(params, name, 64);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) throw invalid(name);
  const zone = (m[3] ?? "Z").replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${m[1]}T${m[2] ?? "00:00"}${zone}`);
  if (Number.isNaN(date.getTime())) throw invalid(name);
  return date;
}

export function requiredChoice<T extends string>(params: Params, name: string, choices: readonly T[]): T {
  const text = requiredString(params, name, 32);
  const found = choices.find((c) => c.toLowerCase() === text.toLowerCase());
  if (!found) throw invalid(name);
  return found;
}
