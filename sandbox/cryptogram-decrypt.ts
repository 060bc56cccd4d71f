// Gateway-side reading of a CardCryptogramPacket: what the real gateway does with the private key.
// Accepts the JSON "CloudCard" packet and the legacy "01…" string, and the "03…" CVV packet.
// Errors carry a code and a fixed message: never a PAN, CVV or a fragment of the packet.
import crypto from "node:crypto";

export type CryptogramDecryptErrorCode =
  | "Packet_Invalid" // not one of the known layouts, or a field of the wrapper is malformed
  | "Base64_Invalid"
  | "Json_Invalid"
  | "Decrypt_Failed" // RSA or padding failed: wrong key or damaged block (one code, no padding oracle)
  | "Plaintext_Invalid" // decrypted, but not PAN@YYMM@CVV@publicId
  | "CardInfo_Mismatch"; // clear first6/last4/expiry disagree with the encrypted ones

const MESSAGES: Record<CryptogramDecryptErrorCode, string> = {
  Packet_Invalid: "Cryptogram packet has an unknown or malformed layout",
  Base64_Invalid: "Cryptogram packet contains invalid base64",
  Json_Invalid: "Cryptogram packet is not valid JSON",
  Decrypt_Failed: "Cryptogram could not be decrypted",
  Plaintext_Invalid: "Decrypted cryptogram has an unexpected layout",
  CardInfo_Mismatch: "Clear card info does not match the encrypted card",
};

export class CryptogramDecryptError extends Error {
  readonly code: CryptogramDecryptErrorCode;
  constructor(code: CryptogramDecryptErrorCode) {
    super(MESSAGES[code]);
    this.name = "CryptogramDecryptError";
    this.code = code;
  }
}

export interface DecryptedCard {
  format: "json" | "legacy";
  pan: string;
  expYear: number; // four digits
  expMonth: number; // 1–12
  cvv: string;
  publicId: string;
  keyVersion: string; // as it stands in the packet, e.g. "04"
  firstSix: string;
  lastFour: string;
}

export interface DecryptedCvv {
  cvv: string;
  keyVersion: string;
}

const LEGACY = /^01(\d{6})(\d{4})(\d{2})(\d{2})(\d{2})([A-Za-z0-9+/=]+)$/;
const CVV_PACKET = /^03(\d{2})([A-Za-z0-9+/=]+)$/;
const PLAINTEXT = /^(\d{12,19})@(\d{2})(\d{2})@(\d{3,4})@([\x21-\x3f\x41-\x7e]+)$/;

export function decryptCryptogram(packet: string, privateKey: crypto.KeyObject): DecryptedCard {
  if (typeof packet !== "string" || packet.length === 0) throw new CryptogramDecryptError("Packet_Invalid");
  return packet.startsWith("01") ? decryptLegacy(packet, privateKey) : decryptJson(packet, privateKey);
}

export function decryptCvvCryptogram(packet: string, privateKey: crypto.KeyObject): DecryptedCvv {
  const m = typeof packet === "string" ? CVV_PACKET.exec(packet) : null;
  if (!m) throw new CryptogramDecryptError("Packet_Invalid");
  const [, keyVersion = "", value = ""] = m;
  const cvv = rsaDecrypt(value, privateKey).toString("latin1");
  if (!/^\d{3,4}$/.test(cvv)) throw new CryptogramDecryptError("Plaintext_Invalid");
  return { cvv, keyVersion };
}

/** Checks and strips PKCS#1 v1.5 type-2 (encryption) padding: 00 02 PS(≥8 nonzero) 00 M. */
export function unpadPkcs1v15(block: Buffer): Buffer {
  if (block.length < 11 || block[0] !== 0x00 || block[1] !== 0x02) {
    throw new CryptogramDecryptError("Decrypt_Failed");
  }
  const separator = block.indexOf(0x00, 2);
  // PS is block[2..separator): at least 8 bytes, and indexOf guarantees they are all nonzero.
  if (separator < 10) throw new CryptogramDecryptError("Decrypt_Failed");
  return block.subarray(separator + 1);
}

function decryptLegacy(packet: string, privateKey: crypto.KeyObject): DecryptedCard {
  const m = LEGACY.exec(packet);
  if (!m) throw new CryptogramDecryptError("Packet_Invalid");
  const [, firstSix = "", lastFour = "", yy = "", mm = "", keyVersion = "", value = ""] = m;
  return checkedCard("legacy", { firstSix, lastFour, yy, mm, keyVersion }, rsaDecrypt(value, privateKey));
}

function decryptJson(packet: string, privateKey: crypto.KeyObject): DecryptedCard {
  const text = strictBase64(packet).toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input: never pass it on.
    throw new CryptogramDecryptError("Json_Invalid");
  }
  if (!isRecord(parsed)) throw new CryptogramDecryptError("Json_Invalid");
  const info = parsed["CardInfo"];
  if (
    parsed["Type"] !== "CloudCard" ||
    parsed["Format"] !== 1 ||
    !(parsed["BrowserInfoBase64"] === undefined || typeof parsed["BrowserInfoBase64"] === "string") ||
    !isRecord(info)
  ) {
    throw new CryptogramDecryptError("Packet_Invalid");
  }
  const firstSix = digitsField(info["FirstSixDigits"], 6);
  const lastFour = digitsField(info["LastFourDigits"], 4);
  const yy = digitsField(info["ExpDateYear"], 2);
  const mm = digitsField(info["ExpDateMonth"], 2);
  const keyVersion = parsed["KeyVersion"];
  const value = parsed["Value"];
  if (typeof keyVersion !== "string" || !/^\d{2,}$/.test(keyVersion) || typeof value !== "string") {
    throw new CryptogramDecryptError("Packet_Invalid");
  }
  return checkedCard("json", { firstSix, lastFour, yy, mm, keyVersion }, rsaDecrypt(value, privateKey));
}

interface ClearInfo {
  firstSix: string;
  lastFour: string;
  yy: string;
  mm: string;
  keyVersion: string;
}

function checkedCard(format: DecryptedCard["format"], clear: ClearInfo, plaintext: Buffer): DecryptedCard {
  const m = PLAINTEXT.exec(plaintext.toString("latin1"));
  if (!m) throw new CryptogramDecryptError("Plaintext_Invalid");
  const [, pan = "", yy = "", mm = "", cvv = "", publicId = ""] = m;
  const expMonth = Number(mm);
  if (expMonth < 1 || expMonth > 12) throw new CryptogramDecryptError("Plaintext_Invalid");
  if (
    pan.slice(0, 6) !== clear.firstSix ||
    pan.slice(-4) !== clear.lastFour ||
    yy !== clear.yy ||
    mm !== clear.mm
  ) {
    throw new CryptogramDecryptError("CardInfo_Mismatch");
  }
  return {
    format,
    pan,
    expYear: 2000 + Number(yy),
    expMonth,
    cvv,
    publicId,
    keyVersion: clear.keyVersion,
    firstSix: clear.firstSix,
    lastFour: clear.lastFour,
  };
}

function rsaDecrypt(valueBase64: string, privateKey: crypto.KeyObject): Buffer {
  const block = strictBase64(valueBase64);
  const modulusBits = privateKey.asymmetricKeyDetails?.modulusLength;
  if (privateKey.type !== "private" || modulusBits === undefined) {
    throw new CryptogramDecryptError("Decrypt_Failed");
  }
  if (block.length !== Math.ceil(modulusBits / 8)) throw new CryptogramDecryptError("Packet_Invalid");
  let raw: Buffer;
  try {
    raw = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, block);
  } catch {
    throw new CryptogramDecryptError("Decrypt_Failed");
  }
  return unpadPkcs1v15(raw);
}

// Node's base64 decoder skips junk silently; a packet must be canonical base64 or nothing.
function strictBase64(text: string): Buffer {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw new CryptogramDecryptError("Base64_Invalid");
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") !== text) throw new CryptogramDecryptError("Base64_Invalid");
  return bytes;
}

function digitsField(value: unknown, length: number): string {
  if (typeof value !== "string" || value.length !== length || !/^\d+$/.test(value)) {
    throw new CryptogramDecryptError("Packet_Invalid");
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
