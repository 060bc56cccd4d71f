// RSA public-key encryption with PKCS#1 v1.5 padding. node-forge does the arithmetic: its jsbn
// module (Tom Wu's BigInteger) alone, which needs nothing else of forge, so the bundle takes it
// whole and no forge file is shimmed, trimmed or copied. The public key is read here from its DER
// (two fixed shapes, below): forge's reader would bring asn1.js, util.js and the OID table, about
// 10 KB gzipped, for the same two integers. We pad ourselves with crypto.getRandomValues.
import jsbn from "node-forge/lib/jsbn";
import { bytesToBinary } from "./base64.ts";
import { CryptogramError } from "./cryptogram-error.ts";

/** A parsed public key, opaque to callers. */
export interface RsaPublicKey {
  readonly modulusBytes: number;
  /** The raw RSA operation on one modulus-sized block (the caller pads). */
  encryptRaw(block: Uint8Array): Uint8Array;
}

const PEM_BODY = /-----BEGIN (RSA )?PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END \1PUBLIC KEY-----/;
const MIN_MODULUS_BYTES = 128; // below RSA-1024 is no key for card data
const CACHE_LIMIT = 8; // a page sees one or two keys; the bound only stops unbounded growth

const cache = new Map<string, RsaPublicKey>();

/** Parses an SPKI ("PUBLIC KEY") or PKCS#1 ("RSA PUBLIC KEY") PEM; cached per PEM text. */
export function parsePublicKeyPem(pem: string): RsaPublicKey {
  const cached = cache.get(pem);
  if (cached) return cached;
  const key = parseUncached(pem);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(pem, key);
  return key;
}

function parseUncached(pem: string): RsaPublicKey {
  const match = typeof pem === "string" ? PEM_BODY.exec(pem) : null;
  if (!match) throw new CryptogramError("PublicKey_Invalid");
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob((match[2] ?? "").replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  } catch {
    throw new CryptogramError("PublicKey_Invalid");
  }
  const integers = match[1] ? readPkcs1(der) : readSpki(der);
  if (!integers) throw new CryptogramError("PublicKey_Invalid");
  const n = new jsbn.BigInteger(integers.n, 16);
  const e = new jsbn.BigInteger(integers.e, 16);
  const modulusBytes = Math.ceil(n.bitLength() / 8);
  if (modulusBytes < MIN_MODULUS_BYTES) throw new CryptogramError("PublicKey_Invalid");
  // An even exponent, or 1 (which would send the card as it is), is no RSA encryption key.
  if (e.bitLength() < 2 || (parseInt(integers.e.slice(-1), 16) & 1) === 0) throw new CryptogramError("PublicKey_Invalid");
  return {
    modulusBytes,
    encryptRaw(block) {
      const m = new jsbn.BigInteger(toHex(block), 16);
      if (m.compareTo(n) >= 0) throw new CryptogramError("Message_TooLong");
      return fromHex(m.modPow(e, n).toString(16), modulusBytes);
    },
  };
}

/** RSA-encrypts `message` (bytes) with PKCS#1 v1.5 type-2 padding; returns base64, no line breaks. */
export function rsaEncryptPkcs1v15(key: RsaPublicKey, message: Uint8Array): string {
  const k = key.modulusBytes;
  if (message.length > k - 11) throw new CryptogramError("Message_TooLong");
  // EB = 00 || 02 || PS (nonzero random, k - 3 - |M| bytes, at least 8) || 00 || M
  const block = new Uint8Array(k);
  block[1] = 0x02;
  fillNonZeroRandom(block.subarray(2, k - 1 - message.length));
  block.set(message, k - message.length);
  const encrypted = key.encryptRaw(block);
  block.fill(0); // the block held the card in clear
  return btoa(bytesToBinary(encrypted));
}

function fillNonZeroRandom(target: Uint8Array): void {
  const getRandomValues = globalThis.crypto?.getRandomValues?.bind(globalThis.crypto);
  if (!getRandomValues) throw new CryptogramError("Random_Unavailable");
  let filled = 0;
  const scratch = new Uint8Array(target.length + 16);
  while (filled < target.length) {
    getRandomValues(scratch);
    for (const byte of scratch) {
      if (byte !== 0 && filled < target.length) target[filled++] = byte;
    }
  }
  scratch.fill(0);
}

// --- DER: just the two public-key shapes (X.690 definite lengths; anything else is refused) ---

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OBJECT_ID = 0x06;
const NULL = 0x05;
/** 1.2.840.113549.1.1.1, rsaEncryption, as DER content bytes. */
const RSA_ENCRYPTION = "2a864886f70d010101";

interface Element {
  tag: number;
  /** Content bytes. */
  body: Uint8Array;
  /** Bytes after the element. */
  rest: Uint8Array;
}

/** One tag-length-value element at the start of `der`, or null. */
function element(der: Uint8Array, tag: number): Element | null {
  if (der.length < 2 || der[0] !== tag) return null;
  let length = der[1] ?? 0;
  let at = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || der[2] === 0) return null; // indefinite, too long, or a leading zero
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[at++] ?? 0);
    if (length < 0x80) return null; // not the shortest form
  }
  if (at + length > der.length) return null;
  return { tag, body: der.subarray(at, at + length), rest: der.subarray(at + length) };
}

/** A positive INTEGER's value as hex, or null. */
function positiveInteger(der: Uint8Array): { hex: string; rest: Uint8Array } | null {
  const int = element(der, INTEGER);
  if (!int || int.body.length === 0 || (int.body[0] ?? 0) & 0x80) return null;
  return { hex: toHex(int.body), rest: int.rest };
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (PKCS#1). */
function readPkcs1(der: Uint8Array): { n: string; e: string } | null {
  const sequence = element(der, SEQUENCE);
  if (!sequence || sequence.rest.length > 0) return null;
  const n = positiveInteger(sequence.body);
  const e = n && positiveInteger(n.rest);
  if (!n || !e || e.rest.length > 0) return null;
  return { n: n.hex, e: e.hex };
}

/** SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING { RSAPublicKey } }. */
function readSpki(der: Uint8Array): { n: string; e: string } | null {
  const info = element(der, SEQUENCE);
  if (!info || info.rest.length > 0) return null;
  const algorithm = element(info.body, SEQUENCE);
  const oid = algorithm && element(algorithm.body, OBJECT_ID);
  if (!algorithm || !oid || toHex(oid.body) !== RSA_ENCRYPTION) return null;
  if (oid.rest.length > 0 && (!element(oid.rest, NULL) || oid.rest.length !== 2)) return null;
  const bits = element(algorithm.rest, BIT_STRING);
  if (!bits || bits.rest.length > 0 || bits.body[0] !== 0) return null; // whole bytes only
  return readPkcs1(bits.body.subarray(1));
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Big-endian bytes of a hex number, left-padded to `size`. */
function fromHex(hex: string, size: number): Uint8Array {
  const padded = hex.padStart(size * 2, "0");
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
