// checkout.js compatibility for merchants who keep their own card form:
//   const checkout = new cp.Checkout({ publicId, container, publicKeyUrl });
//   checkout.createPaymentCryptogram().then(send, (errors) => show(errors));   // { cardNumber: "CardNumber_Invalid" }
// Reads inputs marked data-cp="cardNumber|expDateMonthYear|expDateMonth|expDateYear|cvv|name".
// `publicKey` / `publicKeyUrl` are our extension: checkout.js knows its key, we are told it.
// Only the constructor is main code (its argument checks throw synchronously); checking and
// encrypting the card is late code (late/cp-cryptogram.ts), reached through loadLate().
import type { CpCardData, CpField, CpKeySource } from "../late/cp-cryptogram.ts";
import type { PublicKey } from "../shared/index.ts";
import { loadLate } from "./late.ts";

export type { CpCardData, CpCheckoutErrors, CpField } from "../late/cp-cryptogram.ts";

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
  /** Where the key is fetched with (a test's fake); default the page's fetch. */
  fetch?: typeof fetch;
}

/** The `cp.Checkout` class (script-tag build: `window.cp.Checkout`). */
export function createCpCheckoutClass(deps: CpCheckoutDeps = {}): CpCheckoutConstructor {
  class Checkout implements CpCheckout {
    readonly #publicId: string;
    readonly #container: Element | null;
    /** Also identifies the instance: late/cp-cryptogram.ts fetches its key once per instance. */
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
        throw new TypeError("checkout-widget: cp.Checkout needs `publicId`");
      }
      const { publicKey, publicKeyUrl } = options;
      if (!publicKey && !publicKeyUrl) {
        // Short on the critical path: the option's JSDoc and the README say what each one holds.
        throw new TypeError("checkout-widget: cp.Checkout needs `publicKey` or `publicKeyUrl`");
      }
      this.#publicId = options.publicId;
      this.#container = options.container ?? null;
      this.#key = { publicKey, publicKeyUrl, fetch: deps.fetch };
    }

    async createPaymentCryptogram(fieldValues?: CpCardData): Promise<string> {
      // The values as of the call, even if the chunk arrives later.
      const data: CpCardData = { ...readBoundFields(this.#container), ...(fieldValues ?? {}) };
      return (await loadLate()).createCpCryptogram({ publicId: this.#publicId, data, key: this.#key });
    }
  }
  return Checkout as CpCheckoutConstructor;
}
