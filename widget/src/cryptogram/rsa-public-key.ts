// RSA public-key encryption with PKCS#1 v1.5 padding, via the smallest part of node-forge:
// forge.js + rsa.js (which brings asn1, jsbn, util). PEM is unwrapped by hand to skip pem.js/pki.js.
// We pad ourselves with crypto.getRandomValues and ask forge for the raw RSA operation only, so
// forge's own PRNG (lib/random) is never called and can be shimmed away in the bundle.
import forge from "node-forge/lib/forge";
import "node-forge/lib/rsa";
import { bytesToBinary } from "./base64.ts";
import { CryptogramError } from "./cryptogram-error.ts";

/** A parsed public key, opaque to callers. */
export interface RsaPublicKey {
  readonly modulusBytes: number;
  encryptRaw(block: string): string;
}

const PEM_BODY = /-----BEGIN (?:RSA )?PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END (?:RSA )?PUBLIC KEY-----/;
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
  const body = typeof pem === "string" ? PEM_BODY.exec(pem)?.[1] : undefined;
  if (body === undefined) throw new CryptogramError("PublicKey_Invalid");
  let forgeKey;
  try {
    forgeKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(atob(body.replace(/\s+/g, ""))));
  } catch {
    throw new CryptogramError("PublicKey_Invalid");
  }
  const modulusBytes = Math.ceil(forgeKey.n.bitLength() / 8);
  if (modulusBytes < MIN_MODULUS_BYTES) throw new CryptogramError("PublicKey_Invalid");
  return { modulusBytes, encryptRaw: (block) => forgeKey.encrypt(block, "RAW") };
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
  const encrypted = key.encryptRaw(bytesToBinary(block));
  block.fill(0); // the block held the card in clear
  return btoa(encrypted);
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

