// checkout.js compatibility for merchants who keep their own card form:
//   const checkout = new cp.Checkout({ publicId, container, publicKeyUrl });
//   checkout.createPaymentCryptogram().then(send, (errors) => show(errors));   // { cardNumber: "CardNumber_Invalid" }
// Reads inputs marked data-cp="cardNumber|expDateMonthYear|expDateMonth|expDateYear|cvv|name".
// `publicKey` / `publicKeyUrl` are our extension: checkout.js knows its key, we are told it.
import { validateCard } from "../card/index.ts";
import type { CardErrors } from "../card/index.ts";
import type { PublicKey } from "../options.ts";
import type { LoadCrypto } from "./crypto-loader.ts";

export type CpField = "cardNumber" | "expDateMonthYear" | "expDateMonth" | "expDateYear" | "cvv" | "name";
export type CpCardData = Partial<Record<CpField, string>>;
/** Rejection value of createPaymentCryptogram: error codes (never texts, never card data) by field. */
export type CpCheckoutErrors = Partial<Record<CpField, string>>;

export interface CpCheckoutOptions {
  publicId: string;
  /** Element holding the `data-cp` inputs (form-binding mode). */
  container?: Element | null;
  /** Extension: the gateway key, or where to fetch it (`{ Pem, Version }`). One is required. */
  publicKey?: PublicKey;
  publicKeyUrl?: string;
}

export interface CpCheckout {
  createPaymentCryptogram(fieldValues?: CpCardData): Promise<string>;
}

export interface CpCheckoutConstructor {
  new (options: CpCheckoutOptions): CpCheckout;
  /** Legacy positional form of checkout.js; the key (our extension) comes third. */
  new (publicId: string, container?: Element | null, key?: Pick<CpCheckoutOptions, "publicKey" | "publicKeyUrl">): CpCheckout;
}

const FIELDS: readonly CpField[] = ["cardNumber", "expDateMonthYear", "expDateMonth", "expDateYear", "cvv", "name"];

/** Values of the `data-cp` inputs inside the container; only fields that are present. */
export function readBoundFields(container: Element | null | undefined): CpCardData {
  const values: CpCardData = {};
  if (!container) return values;
  for (const field of FIELDS) {
    const input = container.querySelector(`[data-cp="${field}"]`);
    if (input && "value" in input && typeof input.value === "string") values[field] = input.value;
  }
  return values;
}

/** checkout.js rule: non-digits ignored; 2/3/5 digits -> first digit is the month; 4/6 -> first two. */
function splitMonthYear(value: string): { month: string; year: string } {
  const digits = value.replace(/\D/g, "");
  const monthLength = digits.length === 4 || digits.length === 6 ? 2 : 1;
  return { month: digits.slice(0, monthLength), year: digits.slice(monthLength) };
}

function toExpiry(month: string, year: string): string {
  return `${month.padStart(2, "0")}/${year.slice(-2).padStart(2, "0")}`;
}

type CardCheck = { ok: true; card: { cardNumber: string; expDateMonthYear: string; cvv: string; name?: string } } | { ok: false; errors: CpCheckoutErrors };

/** Validates with widget/src/card; separate month/year inputs get their own codes. */
export function checkCardData(data: CpCardData, now: Date = new Date()): CardCheck {
  const separate = data.expDateMonthYear === undefined && (data.expDateMonth !== undefined || data.expDateYear !== undefined);
  const errors: CpCheckoutErrors = {};
  let expDateMonthYear: string;
  if (separate) {
    const month = (data.expDateMonth ?? "").trim();
    const year = (data.expDateYear ?? "").trim();
    if (month === "") errors.expDateMonth = "ExpDateMonth_Empty";
    else if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) errors.expDateMonth = "ExpDateMonth_Invalid";
    if (year === "") errors.expDateYear = "ExpDateYear_Empty";
    else if (!/^(\d{2}|\d{4})$/.test(year)) errors.expDateYear = "ExpDateYear_Invalid";
    expDateMonthYear = toExpiry(month, year);
  } else {
    const raw = data.expDateMonthYear ?? "";
    const { month, year } = splitMonthYear(raw);
    expDateMonthYear = raw.trim() === "" ? "" : toExpiry(month, year);
  }
  const card = {
    cardNumber: data.cardNumber ?? "",
    expDateMonthYear,
    cvv: data.cvv ?? "",
    ...(data.name !== undefined ? { name: data.name } : {}),
  };
  // The name is checked only when given (bound or passed), as checkout.js does.
  const found: CardErrors = validateCard(card, now);
  for (const [field, code] of Object.entries(found) as [string, string | undefined][]) {
    if (code === undefined) continue;
    if (field === "expDateMonthYear" && separate) {
      if (errors.expDateMonth || errors.expDateYear) continue;
      // Both parts well formed, the date is not: expired this year -> the month, else the year.
      const fullYear = 2000 + (Number(data.expDateYear) % 100);
      if (fullYear === now.getFullYear()) errors.expDateMonth = "ExpDateMonth_Invalid";
      else errors.expDateYear = "ExpDateYear_Invalid";
      continue;
    }
    errors[field as CpField] = code;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, card };
}

export interface CpCheckoutDeps {
  loadCrypto: LoadCrypto;
  fetch?: typeof fetch;
}

interface PublicKeyAnswer {
  Pem?: unknown;
  Version?: unknown;
}

async function fetchPublicKey(url: string, fetchImpl: typeof fetch): Promise<PublicKey> {
  const response = await fetchImpl(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`checkout-widget: public key request failed (HTTP ${response.status})`);
  const body = (await response.json()) as PublicKeyAnswer;
  if (typeof body.Pem !== "string" || (typeof body.Version !== "number" && typeof body.Version !== "string")) {
    throw new Error("checkout-widget: public key answer lacks { Pem, Version }");
  }
  return { pem: body.Pem, version: Number(body.Version) };
}

/** The `cp.Checkout` class bound to a crypto loader (dynamic import in npm, second script in the tag build). */
export function createCpCheckoutClass(deps: CpCheckoutDeps): CpCheckoutConstructor {
  class Checkout implements CpCheckout {
    readonly #publicId: string;
    readonly #container: Element | null;
    readonly #key: () => Promise<PublicKey>;

    constructor(
      optionsOrPublicId: CpCheckoutOptions | string,
      container?: Element | null,
      key?: Pick<CpCheckoutOptions, "publicKey" | "publicKeyUrl">,
    ) {
      const options: CpCheckoutOptions =
        typeof optionsOrPublicId === "string"
          ? { ...key, publicId: optionsOrPublicId, container: container ?? null }
          : optionsOrPublicId;
      if (!options || typeof options.publicId !== "string" || options.publicId === "") {
        throw new TypeError("checkout-widget: cp.Checkout needs `publicId` (your terminal's Public ID)");
      }
      const { publicKey, publicKeyUrl } = options;
      if (!publicKey && !publicKeyUrl) {
        throw new TypeError(
          "checkout-widget: cp.Checkout needs `publicKey` ({ pem, version }) or `publicKeyUrl` (answering { Pem, Version })",
        );
      }
      this.#publicId = options.publicId;
      this.#container = options.container ?? null;
      let pending: Promise<PublicKey> | null = publicKey ? Promise.resolve(publicKey) : null;
      this.#key = () => {
        pending ??= fetchPublicKey(publicKeyUrl ?? "", deps.fetch ?? fetch).catch((error: unknown) => {
          pending = null;
          throw error;
        });
        return pending;
      };
    }

    async createPaymentCryptogram(fieldValues?: CpCardData): Promise<string> {
      const data: CpCardData = { ...readBoundFields(this.#container), ...(fieldValues ?? {}) };
      const checked = checkCardData(data);
      if (!checked.ok) throw checked.errors;
      const [crypto, key] = await Promise.all([deps.loadCrypto(), this.#key()]);
      try {
        return crypto.createCryptogram(checked.card, { publicId: this.#publicId, publicKeyPem: key.pem, keyVersion: key.version });
      } catch (error) {
        if (error instanceof crypto.CardValidationError) throw { ...error.errors } as CpCheckoutErrors;
        throw error;
      }
    }
  }
  return Checkout as CpCheckoutConstructor;
}
