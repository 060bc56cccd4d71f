// Validation of the `POST /pay` body (server/contract.ts PayRequestBody).
// Messages name the field but never echo its value: the cryptogram stays out of answers.
import type { PayRequestBody } from "../contract.ts";

export type PayBodyCheck = { ok: true; body: PayRequestBody } | { ok: false; message: string };

const LIMITS = { cryptogram: 8192, name: 100, email: 254, invoiceId: 100, accountId: 100 } as const;

// Printable characters only: no control characters reach the gateway or the logs.
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CRYPTOGRAM = /^[A-Za-z0-9+/=_\-{}":,. ]+$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

export function checkPayBody(input: unknown): PayBodyCheck {
  if (!isRecord(input)) return { ok: false, message: "Body must be a JSON object" };

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
  return { ok: true, body };
}
