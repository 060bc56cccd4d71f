// The CardCryptogramPacket: the card encrypted for the gateway, in the JSON "CloudCard" layout
// (CloudPayments SDKs since 2023) or the legacy "01…" string. Layout: docs/cloudpayments.md.
import { cardDigits, parseExpiry, validateCard } from "../shared/card/index.ts";
import { utf8ToBase64 } from "./base64.ts";
import { browserInfoBase64 } from "./browser-info.ts";
import { CardValidationError } from "./card-validation-error.ts";
import { CryptogramError } from "./cryptogram-error.ts";
import { formatKeyVersion } from "./key-version.ts";
import { parsePublicKeyPem, rsaEncryptPkcs1v15 } from "./rsa-public-key.ts";

export interface CardInput {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  name?: string;
}

/** The gateway's public key, as its publickey endpoint returns it (Pem, Version) plus the merchant's Public ID. */
export interface CryptogramKey {
  publicId: string;
  publicKeyPem: string;
  keyVersion: number | string;
}

export type CryptogramFormat = "json" | "legacy";

export interface CryptogramOptions {
  format?: CryptogramFormat; // default "json"
  now?: Date; // for the expiry check; default: the current time
}

const PUBLIC_ID = /^[\x21-\x3f\x41-\x7e]+$/; // printable ASCII without "@", the plaintext's separator

export function createCryptogram(card: CardInput, key: CryptogramKey, options: CryptogramOptions = {}): string {
  // The name is not in the cryptogram; validateCard checks it only when given.
  const errors = validateCard(card, options.now);
  if (Object.keys(errors).length > 0) throw new CardValidationError(errors);
  const expiry = parseExpiry(card.expDateMonthYear);
  if (expiry === null) throw new CardValidationError({ expDateMonthYear: "ExpDateMonthYear_Invalid" });

  const keyVersion = formatKeyVersion(key.keyVersion);
  if (typeof key.publicId !== "string" || !PUBLIC_ID.test(key.publicId)) {
    throw new CryptogramError("PublicId_Invalid");
  }
  const format = options.format ?? "json";

  const pan = cardDigits(card.cardNumber);
  const yy = String(expiry.year % 100).padStart(2, "0");
  const mm = String(expiry.month).padStart(2, "0");
  const firstSix = pan.slice(0, 6);
  const lastFour = pan.slice(-4);
  const plaintext = new TextEncoder().encode(`${pan}@${yy}${mm}@${card.cvv.trim()}@${key.publicId}`);
  const value = rsaEncryptPkcs1v15(parsePublicKeyPem(key.publicKeyPem), plaintext);
  plaintext.fill(0);

  if (format === "legacy") return `01${firstSix}${lastFour}${yy}${mm}${keyVersion}${value}`;
  // Key order as the SDKs write it; the gateway reads JSON, but stable order keeps packets comparable.
  const packet = {
    Type: "CloudCard",
    BrowserInfoBase64: browserInfoBase64(),
    Format: 1,
    CardInfo: { FirstSixDigits: firstSix, LastFourDigits: lastFour, ExpDateYear: yy, ExpDateMonth: mm },
    KeyVersion: keyVersion,
    Value: value,
  };
  return utf8ToBase64(JSON.stringify(packet));
}

