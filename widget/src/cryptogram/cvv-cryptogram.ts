// The CVV-only packet for paying again with a saved card: "03" + key version + base64(RSA(cvv)).
import { CardValidationError } from "./card-validation-error.ts";
import type { CryptogramKey } from "./card-cryptogram.ts";
import { formatKeyVersion } from "./key-version.ts";
import { parsePublicKeyPem, rsaEncryptPkcs1v15 } from "./rsa-public-key.ts";

export function createCvvCryptogram(cvv: string, key: Pick<CryptogramKey, "publicKeyPem" | "keyVersion">): string {
  if (typeof cvv !== "string" || cvv.length === 0) throw new CardValidationError({ cvv: "Cvv_Empty" });
  // Brand unknown here (saved card): accept 3 or 4 digits.
  if (!/^\d{3,4}$/.test(cvv)) throw new CardValidationError({ cvv: "Cvv_Invalid" });
  const keyVersion = formatKeyVersion(key.keyVersion);
  const plaintext = new TextEncoder().encode(cvv);
  const value = rsaEncryptPkcs1v15(parsePublicKeyPem(key.publicKeyPem), plaintext);
  plaintext.fill(0);
  return `03${keyVersion}${value}`;
}
