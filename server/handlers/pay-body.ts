// Validation of the `POST /pay` body (server/contract.ts): a card cryptogram (PayRequestBody), a
// saved card (SavedCardPayRequestBody), or neither, which starts a payment on the gateway's own
// page (HostedPayRequestBody). Messages name the field but never echo its value: the cryptogram
// stays out of answers.
import type { HostedPayRequestBody, PayRequestBody, SavedCardPayRequestBody } from "../contract.ts";
import { isRecord } from "../is-record.ts";

export type PayBody =
  | { kind: "card"; body: PayRequestBody }
  | { kind: "hosted"; body: HostedPayRequestBody }
  | { kind: "saved"; body: SavedCardPayRequestBody };

export type PayBodyCheck = ({ ok: true } & PayBody) | { ok: false; message: string };

const LIMITS = { cryptogram: 8192, name: 100, email: 254, invoiceId: 100, accountId: 100, savedCardId: 100, language: 5 } as const;

// Printable characters only: no control characters reach the gateway or the logs.
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CRYPTOGRAM = /^[A-Za-z0-9+/=_\-{}":,. ]+$/;

function checkString(
  body: Record<string, unknown>,
  field: keyof typeof LIMITS,
  required: boolean,
): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const value = body[field];
  if (value === undefined || value === null) {
    return required ? { ok: false, message: `${field} is required` } : { ok: true, value: undefined };
  }
  if (typeof value !== "string") return { ok: false, message: `${field} must be a string` };
  const trimmed = value.trim();
  if (trimmed === "") {
    return required ? { ok: false, message: `${field} is required` } : { ok: true, value: undefined };
  }
  if (trimmed.length > LIMITS[field]) {
    return { ok: false, message: `${field} is too long (at most ${LIMITS[field]} characters)` };
  }
  if (!PRINTABLE.test(trimmed)) return { ok: false, message: `${field} contains invalid characters` };
  return { ok: true, value: trimmed };
}

function checkCommon(input: Record<string, unknown>): { ok: true; invoiceId: string; email?: string; saveCard?: boolean } | { ok: false; message: string } {
  const invoice = checkString(input, "invoiceId", true);
  if (!invoice.ok) return invoice;
  if (invoice.value === undefined) return { ok: false, message: "invoiceId is required" };
  const email = checkString(input, "email", false);
  if (!email.ok) return email;
  if (email.value !== undefined && !EMAIL.test(email.value)) return { ok: false, message: "email is not an e-mail address" };
  const { saveCard } = input;
  if (saveCard !== undefined && saveCard !== null && typeof saveCard !== "boolean") {
    return { ok: false, message: "saveCard must be a boolean" };
  }
  return {
    ok: true,
    invoiceId: invoice.value,
    ...(email.value !== undefined && { email: email.value }),
    ...(typeof saveCard === "boolean" && { saveCard }),
  };
}

/** An optional two-letter language, as the gateway's pages take it. */
function checkLanguage(input: Record<string, unknown>): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const language = checkString(input, "language", false);
  if (!language.ok) return language;
  if (language.value !== undefined && !/^[a-z]{2}$/.test(language.value)) return { ok: false, message: 'language must be a two-letter code such as "ru"' };
  return language;
}

function present(input: Record<string, unknown>, field: string): boolean {
  return input[field] !== undefined && input[field] !== null;
}

export function checkPayBody(input: unknown): PayBodyCheck {
  if (!isRecord(input)) return { ok: false, message: "Body must be a JSON object" };
  if (present(input, "savedCardId")) {
    if (present(input, "cryptogram")) return { ok: false, message: "send either cryptogram or savedCardId, not both" };
    const common = checkCommon(input);
    if (!common.ok) return common;
    const card = checkString(input, "savedCardId", true);
    if (!card.ok) return card;
    if (card.value === undefined || !/^[\w-]+$/.test(card.value)) return { ok: false, message: "savedCardId is not a saved card's id" };
    const language = checkLanguage(input);
    if (!language.ok) return language;
    const body: SavedCardPayRequestBody = { invoiceId: common.invoiceId, savedCardId: card.value };
    if (common.email !== undefined) body.email = common.email;
    if (language.value !== undefined) body.language = language.value;
    return { ok: true, kind: "saved", body };
  }
  if (!present(input, "cryptogram")) {
    // No card data at all: the shopper is to pay on the gateway's own page.
    const common = checkCommon(input);
    if (!common.ok) return common;
    const language = checkLanguage(input);
    if (!language.ok) return language;
    const body: HostedPayRequestBody = { invoiceId: common.invoiceId };
    if (common.email !== undefined) body.email = common.email;
    if (common.saveCard !== undefined) body.saveCard = common.saveCard;
    if (language.value !== undefined) body.language = language.value;
    return { ok: true, kind: "hosted", body };
  }
  return checkCardBody(input);
}

function checkCardBody(input: Record<string, unknown>): PayBodyCheck {
  const strings: Partial<Record<keyof typeof LIMITS, string>> = {};
  for (const [field, required] of [
    ["cryptogram", true],
    ["name", true],
    ["invoiceId", true],
    ["email", false],
    ["accountId", false],
  ] as const) {
    const checked = checkString(input, field, required);
    if (!checked.ok) return checked;
    if (checked.value !== undefined) strings[field] = checked.value;
  }
  const { cryptogram, name, invoiceId, email, accountId } = strings;
  if (cryptogram === undefined || name === undefined || invoiceId === undefined) {
    return { ok: false, message: "cryptogram, name and invoiceId are required" };
  }
  if (!CRYPTOGRAM.test(cryptogram)) return { ok: false, message: "cryptogram is not a card cryptogram" };
  if (email !== undefined && !EMAIL.test(email)) return { ok: false, message: "email is not an e-mail address" };

  const { scheme, saveCard, amount } = input;
  if (scheme !== undefined && scheme !== null && scheme !== "charge" && scheme !== "auth") {
    return { ok: false, message: 'scheme must be "charge" or "auth"' };
  }
  if (saveCard !== undefined && saveCard !== null && typeof saveCard !== "boolean") {
    return { ok: false, message: "saveCard must be a boolean" };
  }
  // Display only, never charged; still refuse nonsense so a client bug shows early.
  if (amount !== undefined && amount !== null && (typeof amount !== "number" || !Number.isFinite(amount))) {
    return { ok: false, message: "amount must be a number" };
  }

  const body: PayRequestBody = { cryptogram, name, invoiceId };
  if (email !== undefined) body.email = email;
  if (accountId !== undefined) body.accountId = accountId;
  if (scheme === "charge" || scheme === "auth") body.scheme = scheme;
  if (typeof saveCard === "boolean") body.saveCard = saveCard;
  if (typeof amount === "number") body.amount = amount;
  return { ok: true, kind: "card", body };
}
