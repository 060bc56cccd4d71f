// Reads the fields of an Invoice request body. JSON `null` counts as absent (the gateway's own
// SDKs send every field, null for the unset ones). Each refusal names the field by its path,
// e.g. "order.amount is required", "receipt[1].price must be a number".

/** A request the gateway refuses with HTTP 400 and `{ error }`. */
export class InvoiceRequestError extends Error {
  constructor(
    message: string,
    /** A §9.2 pair when the refusal is one of the gateway's payment errors. */
    readonly errorCode: readonly [number, number] | null = null,
  ) {
    super(message);
    this.name = "InvoiceRequestError";
  }
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The largest amount the sandbox takes, in kopecks (999 999 999.99). */
export const MAX_AMOUNT_MINOR = 99_999_999_999;

export class Fields {
  constructor(
    private readonly object: JsonObject,
    private readonly prefix = "",
  ) {}

  name(field: string): string {
    return `${this.prefix}${field}`;
  }

  /** undefined when absent or null. */
  get(field: string): unknown {
    if (!Object.hasOwn(this.object, field)) return undefined;
    const value = this.object[field];
    return value === null ? undefined : value;
  }

  has(field: string): boolean {
    return this.get(field) !== undefined;
  }

  private missing(field: string): InvoiceRequestError {
    return new InvoiceRequestError(`${this.name(field)} is required`);
  }

  optionalString(field: string, maxLength: number): string | null {
    const value = this.get(field);
    if (value === undefined) return null;
    // Identifiers are numbers in some of the guide's samples ("terminal_id": 45).
    const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
    if (typeof text !== "string") throw new InvoiceRequestError(`${this.name(field)} must be a string`);
    const trimmed = text.trim();
    if (trimmed === "") return null;
    if (trimmed.length > maxLength) throw new InvoiceRequestError(`${this.name(field)} is too long (at most ${maxLength} characters)`);
    return trimmed;
  }

  requiredString(field: string, maxLength: number): string {
    const text = this.optionalString(field, maxLength);
    if (text === null) throw this.missing(field);
    return text;
  }

  optionalChoice<T extends string>(field: string, choices: Readonly<Record<string, T>>): T | null {
    const text = this.optionalString(field, 32);
    if (text === null) return null;
    const found = Object.hasOwn(choices, text.toLowerCase()) ? choices[text.toLowerCase()] : undefined;
    if (found === undefined) {
      throw new InvoiceRequestError(`${this.name(field)} must be one of ${[...new Set(Object.values(choices))].join(", ")}`);
    }
    return found;
  }

  optionalBoolean(field: string): boolean | null {
    const value = this.get(field);
    if (value === undefined) return null;
    if (typeof value !== "boolean") throw new InvoiceRequestError(`${this.name(field)} must be true or false`);
    return value;
  }

  /** A number (or a numeric string, as PHP code may send) of at most `decimals` decimals, ≥ min. */
  optionalNumber(field: string, options: { min: number; minExclusive?: boolean; decimals: number; max?: number }): number | null {
    const value = this.get(field);
    if (value === undefined) return null;
    const number = typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isFinite(number)) throw new InvoiceRequestError(`${this.name(field)} must be a number`);
    const scaled = number * 10 ** options.decimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      throw new InvoiceRequestError(`${this.name(field)} has more than ${options.decimals} decimals`);
    }
    const low = options.minExclusive ? number <= options.min : number < options.min;
    if (low) throw new InvoiceRequestError(`${this.name(field)} must be ${options.minExclusive ? "greater than" : "at least"} ${options.min}`);
    if (options.max !== undefined && number > options.max) throw new InvoiceRequestError(`${this.name(field)} must be at most ${options.max}`);
    return number;
  }

  requiredNumber(field: string, options: { min: number; minExclusive?: boolean; decimals: number; max?: number }): number {
    const number = this.optionalNumber(field, options);
    if (number === null) throw this.missing(field);
    return number;
  }

  /** A positive amount in roubles with at most 2 decimals, returned in kopecks. */
  requiredAmount(field: string): number {
    const amount = this.requiredNumber(field, { min: 0, minExclusive: true, decimals: 2, max: MAX_AMOUNT_MINOR / 100 });
    return Math.round(amount * 100);
  }

  optionalObject(field: string): Fields | null {
    const value = this.get(field);
    if (value === undefined) return null;
    if (!isJsonObject(value)) throw new InvoiceRequestError(`${this.name(field)} must be an object`);
    return new Fields(value, `${this.name(field)}.`);
  }

  requiredObject(field: string): Fields {
    const object = this.optionalObject(field);
    if (object === null) throw this.missing(field);
    return object;
  }

  /** The raw object (for custom_parameters, handed back as given). */
  optionalRawObject(field: string, maxJsonLength: number): JsonObject | null {
    const value = this.get(field);
    if (value === undefined) return null;
    if (!isJsonObject(value)) throw new InvoiceRequestError(`${this.name(field)} must be an object`);
    if (JSON.stringify(value).length > maxJsonLength) {
      throw new InvoiceRequestError(`${this.name(field)} is too large (at most ${maxJsonLength / 1024} KB as JSON)`);
    }
    return value;
  }

  requiredArray(field: string, maxItems: number): Fields[] {
    const value = this.get(field);
    if (value === undefined) throw this.missing(field);
    if (!Array.isArray(value)) throw new InvoiceRequestError(`${this.name(field)} must be an array`);
    if (value.length === 0) throw new InvoiceRequestError(`${this.name(field)} must have at least one item`);
    if (value.length > maxItems) throw new InvoiceRequestError(`${this.name(field)} has more than ${maxItems} items`);
    return value.map((item: unknown, index) => {
      if (!isJsonObject(item)) throw new InvoiceRequestError(`${this.name(field)}[${index}] must be an object`);
      return new Fields(item, `${this.name(field)}[${index}].`);
    });
  }

  optionalHttpUrl(field: string): string | null {
    const text = this.optionalString(field, 2048);
    if (text === null) return null;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new InvoiceRequestError(`${this.name(field)} must be an absolute http(s) URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new InvoiceRequestError(`${this.name(field)} must be an absolute http(s) URL`);
    return text;
  }
}
