// base64 with what both browsers and Node 20 have built in (btoa/atob, TextEncoder); no line breaks.

/** Bytes → "binary string" (one char per byte), the form btoa and node-forge work in. */
export function bytesToBinary(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

export function utf8ToBase64(text: string): string {
  return btoa(bytesToBinary(new TextEncoder().encode(text)));
}
