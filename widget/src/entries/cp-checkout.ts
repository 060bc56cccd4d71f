// checkout.js compatibility for merchants who keep their own card form:
//   const checkout = new cp.Checkout({ publicId, container, publicKeyUrl });
//   checkout.createPaymentCryptogram().then(send, (errors) => show(errors));   // { cardNumber: "CardNumber_Invalid" }
// Reads inputs marked data-cp="cardNumber|expDateMonthYear|expDateMonth|expDateYear|cvv|name".
// `publicKey` / `publicKeyUrl` are our extension: checkout.js knows its key, we are told it.
// Only the constructor lives here (its argument checks throw synchronously); reading, checking and
// encrypting the card is cp-cryptogram.ts, which the script-tag build ships in the crypto chunk.
import type { PublicKey } from "../options.ts";
import type { LoadCrypto } from "./crypto-loader.ts";
import { createCpCryptogram } from "./cp-cryptogram.ts";
import type { CpKeySource } from "./cp-cryptogram.ts";

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

export interface CpCheckoutDeps {
  loadCrypto: LoadCrypto;
  fetch?: typeof fetch;
}

/** The `cp.Checkout` class bound to a crypto loader (dynamic import in npm, second script in the tag build). */
export function createCpCheckoutClass(deps: CpCheckoutDeps): CpCheckoutConstructor {
  class Checkout implements CpCheckout {
    readonly #publicId: string;
    readonly #container: Element | null;
    /** Also identifies the instance: cp-cryptogram.ts (in the crypto chunk) fetches its key once. */
    readonly #key: CpKeySource;

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
      this.#key = { publicKey, publicKeyUrl, fetch: deps.fetch };
    }

    async createPaymentCryptogram(fieldValues?: CpCardData): Promise<string> {
      // The values as of the call, even if the chunk arrives later.
      const data: CpCardData = { ...readBoundFields(this.#container), ...(fieldValues ?? {}) };
      return createCpCryptogram(await deps.loadCrypto(), { publicId: this.#publicId, data, key: this.#key });
    }
  }
  return Checkout as CpCheckoutConstructor;
}
