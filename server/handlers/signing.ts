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

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
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
      const bytes = fromBase64Url(signature);
      if (bytes === null) return false;
      return crypto.subtle.verify("HMAC", await key, bytes, encoder.encode(message));
    },
  };
}
