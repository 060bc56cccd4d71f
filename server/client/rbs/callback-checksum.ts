// Verifies an RBS callback notification: HMAC-SHA256 with the shop's key over every parameter but
// `checksum`, sorted by name, each written `name;value;`, as upper-case hex. Web Crypto only, so
// it runs on Node, Deno, Bun and edge runtimes; the comparison takes the same time wherever the
// checksums differ.

export type RbsCallbackOperation =
  | "approved"
  | "deposited"
  | "reversed"
  | "refunded"
  | "declinedByTimeout"
  | (string & {});

export interface RbsCallback {
  /** The gateway's order id. */
  mdOrder: string;
  orderNumber: string;
  operation: RbsCallbackOperation;
  /** 1: the operation succeeded; 0: it failed. */
  status: 0 | 1;
  /** Every parameter received, checksum included. */
  params: Readonly<Record<string, string>>;
}

export type RbsCallbackCheck =
  | { ok: true; callback: RbsCallback }
  | { ok: false; reason: "no_checksum" | "bad_checksum" | "malformed" };

export type CallbackParamsInput = URLSearchParams | Iterable<readonly [string, string]> | Readonly<Record<string, string>>;

function entriesOf(input: CallbackParamsInput): [string, string][] {
  if (input instanceof URLSearchParams) return [...input.entries()];
  if (Symbol.iterator in input) return [...(input as Iterable<readonly [string, string]>)].map(([k, v]) => [k, v]);
  return Object.entries(input as Record<string, string>);
}

async function hmac(secret: string, text: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

function canonical(entries: readonly [string, string][]): string {
  return entries
    .filter(([name]) => name !== "checksum")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name};${value};`)
    .join("");
}

/** The checksum the gateway computes for these parameters (upper-case hex). */
export async function rbsCallbackChecksum(params: CallbackParamsInput, secret: string): Promise<string> {
  const digest = await hmac(secret, canonical(entriesOf(params)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
}

function hexBytes(hex: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Checks a notification's checksum (the query of the gateway's GET, or a form body). A name given
 * twice is malformed: the gateway never sends one, and which value counts would be a guess.
 */
export async function verifyRbsCallback(params: CallbackParamsInput, secret: string): Promise<RbsCallbackCheck> {
  if (!secret) throw new TypeError("verifyRbsCallback needs the callback secret");
  const entries = entriesOf(params);
  const byName = new Map<string, string>();
  for (const [name, value] of entries) {
    if (byName.has(name)) return { ok: false, reason: "malformed" };
    byName.set(name, value);
  }
  const given = byName.get("checksum");
  if (given === undefined || given === "") return { ok: false, reason: "no_checksum" };
  const expected = await hmac(secret, canonical(entries));
  const givenBytes = hexBytes(given);
  if (givenBytes === null || !sameBytes(expected, givenBytes)) return { ok: false, reason: "bad_checksum" };

  const mdOrder = byName.get("mdOrder");
  const orderNumber = byName.get("orderNumber");
  const operation = byName.get("operation");
  const status = byName.get("status");
  if (!mdOrder || orderNumber === undefined || !operation || (status !== "0" && status !== "1")) return { ok: false, reason: "malformed" };
  return { ok: true, callback: { mdOrder, orderNumber, operation, status: status === "1" ? 1 : 0, params: Object.fromEntries(byName) } };
}
