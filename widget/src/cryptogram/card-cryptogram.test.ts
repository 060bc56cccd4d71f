import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCryptogram } from "../../../sandbox/cryptogram-decrypt.ts";
import { CardValidationError, createCryptogram, CryptogramError } from "./index.ts";

const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
const key = { publicId: "pk_a1b2c3d4e5f6", publicKeyPem, keyVersion: 4 };
const now = new Date(2026, 10, 29); // November 2026
const visa = { cardNumber: "4242 4242 4242 4242", expDateMonthYear: "07/31", cvv: "123", name: "IVAN PETROV" };
const K = 256;

function decodeJsonPacket(packet: string): Record<string, unknown> {
  expect(packet).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  expect(Buffer.from(packet, "base64").toString("base64")).toBe(packet);
  return JSON.parse(Buffer.from(packet, "base64").toString("utf8")) as Record<string, unknown>;
}

function rawBlock(valueBase64: string): Buffer {
  return crypto.privateDecrypt(
    { key: privateKey, padding: crypto.constants.RSA_NO_PADDING },
    Buffer.from(valueBase64, "base64"),
  );
}

describe("createCryptogram, JSON packet", () => {
  it("writes exactly the CloudCard layout, keys in order", () => {
    const json = decodeJsonPacket(createCryptogram(visa, key, { now }));
    expect(Object.keys(json)).toEqual(["Type", "BrowserInfoBase64", "Format", "CardInfo", "KeyVersion", "Value"]);
    expect(json).toMatchObject({
      Type: "CloudCard",
      BrowserInfoBase64: "", // no window in Node
      Format: 1,
      CardInfo: { FirstSixDigits: "424242", LastFourDigits: "4242", ExpDateYear: "31", ExpDateMonth: "07" },
      KeyVersion: "04",
    });
    expect(Object.keys(json["CardInfo"] as object)).toEqual([
      "FirstSixDigits",
      "LastFourDigits",
      "ExpDateYear",
      "ExpDateMonth",
    ]);
    expect(json["Value"]).toMatch(/^[A-Za-z0-9+/]{342}==$/); // 256 bytes, one line
  });

  it("encrypts PAN@YYMM@CVV@publicId with PKCS#1 v1.5 type-2 padding", () => {
    const json = decodeJsonPacket(createCryptogram(visa, key, { now }));
    const block = rawBlock(json["Value"] as string);
    const message = "4242424242424242@3107@123@pk_a1b2c3d4e5f6";
    expect(block.length).toBe(K);
    expect([block[0], block[1]]).toEqual([0x00, 0x02]);
    const ps = block.subarray(2, K - message.length - 1);
    expect(ps.length).toBeGreaterThanOrEqual(8);
    expect(ps.includes(0x00)).toBe(false);
    expect(block[K - message.length - 1]).toBe(0x00);
    expect(block.subarray(K - message.length).toString("latin1")).toBe(message);
  });

  it("round-trips through the gateway-side decryptor", () => {
    expect(decryptCryptogram(createCryptogram(visa, key, { now }), privateKey)).toEqual({
      format: "json",
      pan: "4242424242424242",
      expYear: 2031,
      expMonth: 7,
      cvv: "123",
      publicId: key.publicId,
      keyVersion: "04",
      firstSix: "424242",
      lastFour: "4242",
    });
  });

  it("uses the brand's own number and CVV lengths (Amex 15 + 4, MIR 19)", () => {
    const amex = { cardNumber: "3782 822463 10005", expDateMonthYear: "1/2030", cvv: "1234" };
    expect(decryptCryptogram(createCryptogram(amex, key, { now }), privateKey)).toMatchObject({
      pan: "378282246310005",
      cvv: "1234",
      expYear: 2030,
      expMonth: 1,
      firstSix: "378282",
      lastFour: "0005",
    });
    const mir = { cardNumber: "2200 0000 0000 0000 004", expDateMonthYear: "1229", cvv: " 321 " };
    expect(decryptCryptogram(createCryptogram(mir, key, { now }), privateKey)).toMatchObject({
      pan: "2200000000000000004",
      cvv: "321",
      lastFour: "0004",
    });
  });

  it("writes the key version as at least two digits", () => {
    for (const [version, written] of [[4, "04"], ["7", "07"], [12, "12"], ["05", "05"], [0, "00"]] as const) {
      const json = decodeJsonPacket(createCryptogram(visa, { ...key, keyVersion: version }, { now }));
      expect(json["KeyVersion"]).toBe(written);
    }
  });

  it("differs every time for the same card (random padding)", () => {
    const a = createCryptogram(visa, key, { now });
    const b = createCryptogram(visa, key, { now });
    expect(a).not.toBe(b);
    expect(decodeJsonPacket(a)["Value"]).not.toBe(decodeJsonPacket(b)["Value"]);
  });
});

describe("createCryptogram, legacy packet", () => {
  it('is "01" + first six + last four + YYMM + key version + base64 RSA block', () => {
    const packet = createCryptogram(visa, key, { now, format: "legacy" });
    expect(packet).toMatch(/^01424242424231070[4][A-Za-z0-9+/]{342}==$/);
    expect(packet.length).toBe(18 + 344);
    expect(decryptCryptogram(packet, privateKey)).toMatchObject({ format: "legacy", pan: "4242424242424242", cvv: "123" });
    expect(createCryptogram(visa, key, { now, format: "legacy" })).not.toBe(packet);
  });
});

describe("createCryptogram keeps the card secret", () => {
  it("never shows the PAN (with or without spaces) or the CVV in clear", () => {
    const card = { cardNumber: "5555 5555 5555 4444", expDateMonthYear: "03/29", cvv: "987" };
    for (const format of ["json", "legacy"] as const) {
      const packet = createCryptogram(card, { ...key, publicId: "pk_1" }, { now, format });
      const decoded = format === "json" ? Buffer.from(packet, "base64").toString("latin1") : "";
      for (const text of [packet, decoded]) {
        expect(text).not.toContain("5555555555554444");
        expect(text).not.toContain("5555 5555 5555 4444");
        expect(text).not.toContain("555555555555"); // not even the hidden middle next to first six
      }
      expect(decoded).not.toContain("987");
    }
  });
});

describe("createCryptogram refuses", () => {
  function validationCodes(run: () => unknown): CardValidationError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CardValidationError);
      return error as CardValidationError;
    }
    throw new Error("expected a CardValidationError");
  }

  it("an invalid card, with the field codes and no card data in the message", () => {
    const error = validationCodes(() =>
      createCryptogram({ cardNumber: "4242 4242 4242 4241", expDateMonthYear: "10/26", cvv: "12" }, key, { now }),
    );
    expect(error.errors).toEqual({
      cardNumber: "CardNumber_Invalid",
      expDateMonthYear: "ExpDateMonthYear_Invalid",
      cvv: "Cvv_Invalid",
    });
    expect(error.message).toContain("CardNumber_Invalid");
    expect(error.message).not.toMatch(/4242|4241|12\b|10\/26/);
  });

  it("empty fields, and a bad name only when a name is given", () => {
    expect(validationCodes(() => createCryptogram({ cardNumber: "", expDateMonthYear: "", cvv: "" }, key)).errors).toEqual({
      cardNumber: "CardNumber_Empty",
      expDateMonthYear: "ExpDateMonthYear_Empty",
      cvv: "Cvv_Empty",
    });
    expect(validationCodes(() => createCryptogram({ ...visa, name: "" }, key, { now })).errors).toEqual({
      name: "Name_Empty",
    });
    expect(validationCodes(() => createCryptogram({ ...visa, cvv: "1234" }, key, { now })).errors).toEqual({
      cvv: "Cvv_Invalid",
    });
  });

  it("a card that expired before options.now, but accepts it earlier", () => {
    const card = { ...visa, expDateMonthYear: "10/26" };
    expect(validationCodes(() => createCryptogram(card, key, { now })).errors).toEqual({
      expDateMonthYear: "ExpDateMonthYear_Invalid",
    });
    expect(decryptCryptogram(createCryptogram(card, key, { now: new Date(2026, 9, 31) }), privateKey).expYear).toBe(2026);
  });

  it("a bad key, version or public ID with a CryptogramError code", () => {
    const code = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(CryptogramError);
        return (error as CryptogramError).code;
      }
      return "none";
    };
    expect(code(() => createCryptogram(visa, { ...key, publicKeyPem: "not a key" }, { now }))).toBe("PublicKey_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, keyVersion: "v4" }, { now }))).toBe("KeyVersion_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, keyVersion: 100 }, { now }))).toBe("KeyVersion_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, keyVersion: -1 }, { now }))).toBe("KeyVersion_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, publicId: "" }, { now }))).toBe("PublicId_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, publicId: "pk@x" }, { now }))).toBe("PublicId_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, publicId: "pk x" }, { now }))).toBe("PublicId_Invalid");
    expect(code(() => createCryptogram(visa, { ...key, publicId: "p".repeat(250) }, { now }))).toBe("Message_TooLong");
  });
});
