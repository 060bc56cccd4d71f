// The work behind cp.Checkout's createPaymentCryptogram: checkout.js's field rules, the card
// check, the key (once per instance, the payment flow's public-key source) and the cryptogram.
// Late code: a cryptogram waits for the late chunk anyway, so only cp.Checkout's constructor,
// whose argument checks throw at once, is on the critical path (host/cp-checkout.ts).
import { CardValidationError, createCryptogram } from "../cryptogram/index.ts";
import { validateCard } from "../shared/index.ts";
import type { CardErrors, PublicKey } from "../shared/index.ts";
import { createPublicKeySource } from "./payment/index.ts";
import type { PublicKeySource } from "./payment/index.ts";

export type CpField = "cardNumber" | "expDateMonthYear" | "expDateMonth" | "expDateYear" | "cvv" | "name";
export type CpCardData = Partial<Record<CpField, string>>;
/** Rejection value of createPaymentCryptogram: error codes (never texts, never card data) by field. */
export type CpCheckoutErrors = Partial<Record<CpField, string>>;

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

/** Where one cp.Checkout instance gets the gateway key; the object identifies the instance. */
export interface CpKeySource {
  publicKey?: PublicKey | undefined;
  publicKeyUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/** checkout.js gives no timeout option; the payment flow's default. */
const KEY_TIMEOUT_MS = 30_000;

const keys = new WeakMap<CpKeySource, PublicKeySource>();

async function keyOf(source: CpKeySource): Promise<PublicKey> {
  let get = keys.get(source);
  if (!get) {
    get = createPublicKeySource(source, { fetch: source.fetch ?? ((input, init) => globalThis.fetch(input, init)), timeoutMs: KEY_TIMEOUT_MS });
    keys.set(source, get);
  }
  const result = await get();
  // The code, not a text: the merchant's page decides what to say (a network failure, a bad answer…).
  if (!result.ok) throw new Error(`checkout-widget: could not get the public key (${result.code})`);
  return result.key;
}

export interface CpCryptogramRequest {
  publicId: string;
  /** Field values as of the call (bound inputs, then the values passed in). */
  data: CpCardData;
  key: CpKeySource;
}

/** Resolves the cryptogram, or rejects with error codes by field (never texts, never card data). */
export async function createCpCryptogram(request: CpCryptogramRequest): Promise<string> {
  const checked = checkCardData(request.data);
  if (!checked.ok) throw checked.errors;
  const key = await keyOf(request.key);
  try {
    return createCryptogram(checked.card, { publicId: request.publicId, publicKeyPem: key.pem, keyVersion: key.version });
  } catch (error) {
    if (error instanceof CardValidationError) throw { ...error.errors } as CpCheckoutErrors;
    throw error;
  }
}
