// The work behind cp.Checkout's createPaymentCryptogram: checkout.js's field rules, the card
// check, the key fetch (once per instance) and the cryptogram. It rides in the crypto chunk
// (LATE_MODULES in scripts/bundle-modules.ts): a cryptogram waits for that chunk anyway, so these
// bytes need not be on the critical path; cp-checkout.ts keeps only the constructor, whose
// argument checks throw at once.
import { validateCard } from "../card/index.ts";
import type { CardErrors } from "../card/index.ts";
import type { PublicKey } from "../options.ts";
import type { CryptoModule } from "./crypto-loader.ts";
import type { CpCardData, CpCheckoutErrors, CpField } from "./cp-checkout.ts";

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

interface PublicKeyAnswer {
  Pem?: unknown;
  Version?: unknown;
}

export async function fetchPublicKey(url: string, fetchImpl: typeof fetch): Promise<PublicKey> {
  const response = await fetchImpl(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`checkout-widget: public key request failed (HTTP ${response.status})`);
  const body = (await response.json()) as PublicKeyAnswer;
  if (typeof body.Pem !== "string" || (typeof body.Version !== "number" && typeof body.Version !== "string")) {
    throw new Error("checkout-widget: public key answer lacks { Pem, Version }");
  }
  return { pem: body.Pem, version: Number(body.Version) };
}

/** Where one cp.Checkout instance gets the gateway key; the object identifies the instance. */
export interface CpKeySource {
  publicKey?: PublicKey | undefined;
  publicKeyUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
}

// One fetch per instance; a failed one is forgotten so that the next call tries again.
const keys = new WeakMap<CpKeySource, Promise<PublicKey>>();

function keyOf(source: CpKeySource): Promise<PublicKey> {
  if (source.publicKey) return Promise.resolve(source.publicKey);
  let pending = keys.get(source);
  if (!pending) {
    pending = fetchPublicKey(source.publicKeyUrl ?? "", source.fetch ?? fetch);
    pending.catch(() => keys.delete(source));
    keys.set(source, pending);
  }
  return pending;
}

export interface CpCryptogramRequest {
  publicId: string;
  /** Field values as of the call (bound inputs, then the values passed in). */
  data: CpCardData;
  key: CpKeySource;
}

/** Resolves the cryptogram, or rejects with error codes by field (never texts, never card data). */
export async function createCpCryptogram(crypto: CryptoModule, request: CpCryptogramRequest): Promise<string> {
  const checked = checkCardData(request.data);
  if (!checked.ok) throw checked.errors;
  const key = await keyOf(request.key);
  try {
    return crypto.createCryptogram(checked.card, { publicId: request.publicId, publicKeyPem: key.pem, keyVersion: key.version });
  } catch (error) {
    if (error instanceof crypto.CardValidationError) throw { ...error.errors } as CpCheckoutErrors;
    throw error;
  }
}
