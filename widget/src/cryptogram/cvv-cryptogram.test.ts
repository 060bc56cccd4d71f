import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCvvCryptogram } from "../../../sandbox/cryptogram-decrypt.ts";
import { CardValidationError, createCvvCryptogram } from "./index.ts";

const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const key = { publicId: "pk_1", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), keyVersion: "4" };

describe("createCvvCryptogram", () => {
  it('is "03" + two-digit key version + base64 of the RSA block, and round-trips', () => {
    const packet = createCvvCryptogram("123", key);
    expect(packet).toMatch(/^0304[A-Za-z0-9+/]{342}==$/);
    expect(packet).not.toContain("123");
    expect(decryptCvvCryptogram(packet, privateKey)).toEqual({ cvv: "123", keyVersion: "04" });
    expect(decryptCvvCryptogram(createCvvCryptogram("0042", { ...key, keyVersion: 15 }), privateKey)).toEqual({
      cvv: "0042",
      keyVersion: "15",
    });
    expect(createCvvCryptogram("123", key)).not.toBe(packet);
  });

  it("refuses an empty or malformed CVV with the card codes", () => {
    for (const [cvv, code] of [["", "Cvv_Empty"], ["12", "Cvv_Invalid"], ["12345", "Cvv_Invalid"], ["12a", "Cvv_Invalid"]]) {
      try {
        createCvvCryptogram(cvv ?? "", key);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CardValidationError);
        expect((error as CardValidationError).errors).toEqual({ cvv: code });
      }
    }
  });
});
