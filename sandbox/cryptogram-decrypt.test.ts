import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCryptogram, createCvvCryptogram } from "../widget/src/cryptogram/index.ts";
import {
  CryptogramDecryptError,
  decryptCryptogram,
  decryptCvvCryptogram,
  unpadPkcs1v15,
} from "./cryptogram-decrypt.ts";
import type { CryptogramDecryptErrorCode } from "./cryptogram-decrypt.ts";

const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
const key = { publicId: "pk_0123456789abcdef", publicKeyPem, keyVersion: 4 };
const PAN = "5555555555554444";
const CVV = "737";
const card = { cardNumber: "5555 5555 5555 4444", expDateMonthYear: "03/29", cvv: CVV };
const now = new Date(2026, 10, 29);
const K = 256;

/** An RSA block encrypted without padding: lets a test choose every byte of the padded block. */
function encryptBlock(block: Buffer, pub: crypto.KeyObject = publicKey): string {
  return crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, block).toString("base64");
}

/** A correct PKCS#1 v1.5 type-2 block around `message` (padding made here, not by the widget). */
function padded(message: string, psLength = K - 3 - message.length): Buffer {
  const block = Buffer.alloc(K);
  block[1] = 0x02;
  for (let i = 0; i < psLength; i++) block[2 + i] = 1 + (i % 255);
  block.write(message, 3 + psLength, "latin1");
  return block;
}

function jsonPacket(fields: unknown): string {
  return Buffer.from(JSON.stringify(fields)).toString("base64");
}

function cloudCard(value: string, cardInfo: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  return jsonPacket({
    Type: "CloudCard",
    BrowserInfoBase64: "",
    Format: 1,
    CardInfo: { FirstSixDigits: "555555", LastFourDigits: "4444", ExpDateYear: "29", ExpDateMonth: "03", ...cardInfo },
    KeyVersion: "04",
    Value: value,
    ...extra,
  });
}

function codeOf(run: () => unknown): CryptogramDecryptErrorCode {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptogramDecryptError);
    const { code, message } = error as CryptogramDecryptError;
    expect(message).not.toContain(PAN);
    expect(message).not.toContain("555555");
    expect(message).not.toContain(CVV);
    return code;
  }
  throw new Error("expected a CryptogramDecryptError");
}

describe("decryptCryptogram", () => {
  it("reads a JSON packet made by the widget", () => {
    expect(decryptCryptogram(createCryptogram(card, key, { now }), privateKey)).toEqual({
      format: "json",
      pan: PAN,
      expYear: 2029,
      expMonth: 3,
      cvv: CVV,
      publicId: key.publicId,
      keyVersion: "04",
      firstSix: "555555",
      lastFour: "4444",
    });
  });

  it("reads a legacy packet made by the widget", () => {
    const packet = createCryptogram(card, key, { now, format: "legacy" });
    expect(decryptCryptogram(packet, privateKey)).toEqual({
      format: "legacy",
      pan: PAN,
      expYear: 2029,
      expMonth: 3,
      cvv: CVV,
      publicId: key.publicId,
      keyVersion: "04",
      firstSix: "555555",
      lastFour: "4444",
    });
  });

  it("reads hand-made packets of both layouts", () => {
    const value = encryptBlock(padded(`${PAN}@2903@${CVV}@pk_x`));
    expect(decryptCryptogram(cloudCard(value), privateKey).pan).toBe(PAN);
    expect(decryptCryptogram(`015555554444290311${value}`, privateKey)).toMatchObject({
      format: "legacy",
      keyVersion: "11",
      publicId: "pk_x",
    });
    // iOS SDK leaves BrowserInfoBase64 out
    const withoutBrowserInfo = cloudCard(value, {}, { BrowserInfoBase64: undefined });
    expect(decryptCryptogram(withoutBrowserInfo, privateKey).cvv).toBe(CVV);
  });

  it("fails on a packet encrypted for another key", () => {
    const packet = createCryptogram(card, { ...key, publicKeyPem: other.publicKey.export({ type: "spki", format: "pem" }).toString() }, { now });
    expect(codeOf(() => decryptCryptogram(packet, privateKey))).toBe("Decrypt_Failed");
  });

  it("fails on bad padding inside a well-formed packet", () => {
    const message = `${PAN}@2903@${CVV}@pk_x`;
    const typeOne = padded(message);
    typeOne[1] = 0x01;
    expect(codeOf(() => decryptCryptogram(cloudCard(encryptBlock(typeOne)), privateKey))).toBe("Decrypt_Failed");
    const shortPs = Buffer.alloc(K);
    shortPs[1] = 0x02;
    shortPs.fill(0x07, 2, 9); // seven padding bytes, then the 0x00 separator at 9
    shortPs.write(message, 10, "latin1"); // a good message: only the short PS is wrong
    expect(codeOf(() => decryptCryptogram(`015555554444290304${encryptBlock(shortPs)}`, privateKey))).toBe(
      "Decrypt_Failed",
    );
  });

  it("fails on truncated packets", () => {
    const json = createCryptogram(card, key, { now });
    const legacy = createCryptogram(card, key, { now, format: "legacy" });
    expect(["Base64_Invalid", "Json_Invalid"]).toContain(codeOf(() => decryptCryptogram(json.slice(0, -8), privateKey)));
    expect(codeOf(() => decryptCryptogram(json.slice(0, 100), privateKey))).toBe("Json_Invalid");
    expect(["Base64_Invalid", "Packet_Invalid"]).toContain(
      codeOf(() => decryptCryptogram(legacy.slice(0, -4), privateKey)),
    );
    expect(codeOf(() => decryptCryptogram(legacy.slice(0, 17), privateKey))).toBe("Packet_Invalid");
    expect(codeOf(() => decryptCryptogram("", privateKey))).toBe("Packet_Invalid");
  });

  it("fails on invalid base64 anywhere", () => {
    const value = encryptBlock(padded(`${PAN}@2903@${CVV}@pk_x`));
    expect(codeOf(() => decryptCryptogram(`eyJU!${"A".repeat(11)}`, privateKey))).toBe("Base64_Invalid");
    expect(codeOf(() => decryptCryptogram(`${cloudCard(value)}\n`, privateKey))).toBe("Base64_Invalid");
    expect(codeOf(() => decryptCryptogram(cloudCard(`${value.slice(0, -4)}*${value.slice(-3)}`), privateKey))).toBe(
      "Base64_Invalid",
    );
    // non-canonical: 256 bytes end in "x==", where x's low four bits must be zero; Buffer ignores them
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    expect(value.endsWith("==")).toBe(true);
    const sloppy = `${value.slice(0, -3)}${alphabet[alphabet.indexOf(value.at(-3) ?? "") | 1]}==`;
    expect(Buffer.from(sloppy, "base64").equals(Buffer.from(value, "base64"))).toBe(true);
    expect(codeOf(() => decryptCryptogram(cloudCard(sloppy), privateKey))).toBe("Base64_Invalid");
    expect(codeOf(() => decryptCryptogram(`015555554444290304${value.slice(1)}`, privateKey))).toBe("Base64_Invalid");
  });

  it("fails when the clear card info disagrees with the encrypted card", () => {
    const value = encryptBlock(padded(`${PAN}@2903@${CVV}@pk_x`));
    for (const info of [
      { FirstSixDigits: "555556" },
      { LastFourDigits: "4443" },
      { ExpDateYear: "30" },
      { ExpDateMonth: "04" },
    ]) {
      expect(codeOf(() => decryptCryptogram(cloudCard(value, info), privateKey))).toBe("CardInfo_Mismatch");
    }
    expect(codeOf(() => decryptCryptogram(`014111114444290304${value}`, privateKey))).toBe("CardInfo_Mismatch");
    expect(codeOf(() => decryptCryptogram(`015555554444290404${value}`, privateKey))).toBe("CardInfo_Mismatch");
  });

  it("fails on a malformed JSON wrapper", () => {
    const value = encryptBlock(padded(`${PAN}@2903@${CVV}@pk_x`));
    expect(codeOf(() => decryptCryptogram(cloudCard(value, {}, { Type: "Card" }), privateKey))).toBe("Packet_Invalid");
    expect(codeOf(() => decryptCryptogram(cloudCard(value, {}, { Format: "1" }), privateKey))).toBe("Packet_Invalid");
    expect(codeOf(() => decryptCryptogram(cloudCard(value, {}, { KeyVersion: 4 }), privateKey))).toBe("Packet_Invalid");
    expect(codeOf(() => decryptCryptogram(cloudCard(value, { FirstSixDigits: "55555" }), privateKey))).toBe(
      "Packet_Invalid",
    );
    expect(codeOf(() => decryptCryptogram(jsonPacket({ Type: "CloudCard", Format: 1 }), privateKey))).toBe(
      "Packet_Invalid",
    );
    expect(codeOf(() => decryptCryptogram(cloudCard(value.slice(0, 200)), privateKey))).toBe("Packet_Invalid");
    // JSON.parse's own message would quote the text; ours does not
    const broken = Buffer.from(`{"Value":"${PAN}${CVV}"`).toString("base64");
    expect(codeOf(() => decryptCryptogram(broken, privateKey))).toBe("Json_Invalid");
    expect(codeOf(() => decryptCryptogram(jsonPacket([1, 2]), privateKey))).toBe("Json_Invalid");
  });

  it("fails on a decrypted text that is not PAN@YYMM@CVV@publicId", () => {
    for (const text of [`${PAN}@2903@${CVV}`, `${PAN}@2913@${CVV}@pk_x`, `${PAN}@2903@12@pk_x`, `${PAN}x@2903@${CVV}@pk`]) {
      const value = encryptBlock(padded(text));
      expect(codeOf(() => decryptCryptogram(cloudCard(value), privateKey))).toBe("Plaintext_Invalid");
    }
  });
});

describe("decryptCvvCryptogram", () => {
  it("reads a CVV packet made by the widget", () => {
    expect(decryptCvvCryptogram(createCvvCryptogram("1234", { ...key, keyVersion: "7" }), privateKey)).toEqual({
      cvv: "1234",
      keyVersion: "07",
    });
  });

  it("fails on other layouts, bad base64, a wrong key and a non-CVV text", () => {
    const packet = createCvvCryptogram(CVV, key);
    expect(codeOf(() => decryptCvvCryptogram(`01${packet.slice(2)}`, privateKey))).toBe("Packet_Invalid");
    expect(codeOf(() => decryptCvvCryptogram(packet.slice(0, -1), privateKey))).toBe("Base64_Invalid");
    expect(codeOf(() => decryptCvvCryptogram(packet, other.privateKey))).toBe("Decrypt_Failed");
    expect(codeOf(() => decryptCvvCryptogram(`0304${encryptBlock(padded("12a"))}`, privateKey))).toBe(
      "Plaintext_Invalid",
    );
  });
});

describe("unpadPkcs1v15", () => {
  it("returns the message after 00 02 PS 00", () => {
    expect(unpadPkcs1v15(padded("hello")).toString("latin1")).toBe("hello");
    expect(unpadPkcs1v15(padded("", K - 3)).length).toBe(0);
    expect(unpadPkcs1v15(padded("x", 8).subarray(0, 12)).toString("latin1")).toBe("x");
  });

  it("rejects a wrong first byte, a wrong block type, a short PS, no separator, a short block", () => {
    const cases: Buffer[] = [];
    const first = padded("m");
    first[0] = 0x01;
    cases.push(first);
    const type1 = padded("m");
    type1[1] = 0x01;
    cases.push(type1);
    const shortPs = padded("m", 8);
    shortPs[9] = 0x00; // PS now 7 bytes long
    cases.push(shortPs.subarray(0, 12));
    const noSeparator = Buffer.alloc(K, 0x05);
    noSeparator[0] = 0x00;
    noSeparator[1] = 0x02;
    cases.push(noSeparator);
    cases.push(Buffer.from([0x00, 0x02, 1, 1, 1]));
    for (const block of cases) expect(codeOf(() => unpadPkcs1v15(block))).toBe("Decrypt_Failed");
  });
});
