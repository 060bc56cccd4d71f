// The CardCryptogramPacket: the card encrypted for the gateway, in the JSON "CloudCard" layout
// (CloudPayments SDKs since 2023) or the legacy "01…" string. Layout: docs/cloudpayments.md.
import { cardDigits, parseExpiry, validateCard } from "../shared/card/index.ts";
import { utf8ToBase64 } from "./base64.ts";
import { browserInfoBase64 } from "./browser-info.ts";
import { CardValidationError } from "./card-validation-error.ts";
import { CryptogramError } from "./cryptogram-error.ts";
import { formatKeyVersion } from "./key-version.ts";
import { parsePublicKeyPem, rsaEncryptPkcs1v15 } from "./rsa-public-key.ts";

/** The card as the shopper typed it, for createCryptogram. Keep it in memory only, and only until encrypted. */
export interface CardInput {
  /** Digits, spaces allowed, e.g. `"4242 4242 4242 4242"`. */
  cardNumber: string;
  /** `"MM/YY"` (or `"MMYY"`), e.g. `"12/30"`. */
  expDateMonthYear: string;
  /** The 3 or 4 digits on the card. */
  cvv: string;
  /** The cardholder's name in Latin letters; checked when given, not put into the cryptogram. */
  name?: string;
}

/** The gateway's public key, as its publickey endpoint returns it (Pem, Version) plus the merchant's Public ID. */
export interface CryptogramKey {
  /** Your terminal's Public ID. */
  publicId: string;
  /** The gateway's RSA public key as PEM (`Pem`). */
  publicKeyPem: string;
  /** The key's version (`Version`), e.g. `1` or `"01"`. */
  keyVersion: number | string;
}

/** `"json"`: the CloudCard layout of today's CloudPayments SDKs; `"legacy"`: the older `01…` string. */
export type CryptogramFormat = "json" | "legacy";

export interface CryptogramOptions {
  /** Default `"json"`. */
  format?: CryptogramFormat;
  /** The time the expiry date is checked against; default: now. */
  now?: Date;
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

