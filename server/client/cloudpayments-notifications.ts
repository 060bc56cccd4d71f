// Verifies a CloudPayments notification (Pay, Fail, Confirm, Refund, Cancel…): the gateway
// signs what it sends with the shop's API Secret, `Content-HMAC: base64(HMAC-SHA256(secret,
// body))`, over the body exactly as sent (the query string for a GET). Web Crypto only, so it runs
// on any runtime; crypto.subtle.verify compares in constant time. Read the raw body before any
// body parser: a re-encoded body no longer matches.

export type CloudPaymentsNotificationCheck =
  | {
      ok: true;
      /** Every field as sent, decoded; numbers and JSON (`Data`, `CustomFields`) are still text. */
      fields: Readonly<Record<string, string>>;
    }
  | { ok: false; reason: "no_signature" | "bad_signature" | "malformed" };

const encoder = new TextEncoder();
/** 32 bytes of HMAC-SHA-256 in standard base64: 43 characters and one "=". */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!SIGNATURE.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function keyOf(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

/** The `Content-HMAC` the gateway sends with `body` (what the sandbox and tests sign with). */
export async function cloudPaymentsNotificationHmac(body: string, secret: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await keyOf(secret), encoder.encode(body)));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Checks `contentHmac` over `body` (the raw form body of a POST, or the raw query string of a
 * GET, without "?") and reads its fields. A field given twice is malformed: the gateway never
 * sends one, and which value counts would be a guess.
 */
export async function verifyCloudPaymentsNotification(
  body: string,
  contentHmac: string | null | undefined,
  secret: string,
): Promise<CloudPaymentsNotificationCheck> {
  if (!secret) throw new TypeError("verifyCloudPaymentsNotification needs the API Secret");
  if (contentHmac === null || contentHmac === undefined || contentHmac === "") return { ok: false, reason: "no_signature" };
  const given = base64Bytes(contentHmac.trim());
  if (given === null) return { ok: false, reason: "bad_signature" };
  if (!(await crypto.subtle.verify("HMAC", await keyOf(secret), given, encoder.encode(body)))) return { ok: false, reason: "bad_signature" };
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) return { ok: false, reason: "malformed" };
    fields[name] = value;
  }
  return { ok: true, fields };
}
