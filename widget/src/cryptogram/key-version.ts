import { CryptogramError } from "./cryptogram-error.ts";

/** The gateway's key `Version` as the packet writes it: at least two digits ("4" → "04"). */
export function formatKeyVersion(version: number | string): string {
  const text = typeof version === "number" ? String(version) : version.trim();
  if (!/^\d{1,2}$/.test(text)) throw new CryptogramError("KeyVersion_Invalid");
  return text.padStart(2, "0");
}
