// HMAC-SHA-256 with the merchant's secret (Web Crypto, so any runtime): what the kit signs it
// can later recognise as its own, on any instance that shares the secret.

const encoder = new TextEncoder();

export const MIN_SECRET_LENGTH = 32;

export interface Signer {
  sign(message: string): Promise<string>;
  /** Constant-time check of a signature made by `sign`. */
  verify(message: string, signature: string): Promise<boolean>;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An HMAC-SHA-256 in unpadded base64url is exactly 43 characters; anything else is no signature. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!SIGNATURE.test(text)) return null;
  try {
    return Uint8Array.from(atob(`${text.replace(/-/g, "+").replace(/_/g, "/")}=`), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export function createSigner(secret: string): Signer {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(
      `createCheckoutHandlers needs a secret of at least ${MIN_SECRET_LENGTH} characters (the same on every instance)`,
    );
  }
  const key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  return {
    async sign(message) {
      return toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(message))));
    },
    async verify(message, signature) {
      const bytes = typeof signature === "string" ? fromBase64Url(signature) : null;
      if (bytes === null) return false;
      return crypto.subtle.verify("HMAC", await key, bytes, encoder.encode(message));
    },
  };
}
