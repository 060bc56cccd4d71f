import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CryptogramError } from "./cryptogram-error.ts";
import { parsePublicKeyPem, rsaEncryptPkcs1v15 } from "./rsa-public-key.ts";

const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const spkiPem = publicKey.export({ type: "spki", format: "pem" }).toString();
const pkcs1Pem = publicKey.export({ type: "pkcs1", format: "pem" }).toString();

function decryptRaw(valueBase64: string): Buffer {
  return crypto.privateDecrypt(
    { key: privateKey, padding: crypto.constants.RSA_NO_PADDING },
    Buffer.from(valueBase64, "base64"),
  );
}

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptogramError);
    return (error as CryptogramError).code;
  }
  return "none";
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("parsePublicKeyPem", () => {
  it("reads SPKI and PKCS#1 PEM, with CRLF line ends, as the same key", () => {
    const message = new TextEncoder().encode("same key");
    for (const pem of [spkiPem, pkcs1Pem, spkiPem.replace(/\n/g, "\r\n")]) {
      const key = parsePublicKeyPem(pem);
      expect(key.modulusBytes).toBe(256);
      expect(decryptRaw(rsaEncryptPkcs1v15(key, message)).subarray(-8).toString()).toBe("same key");
    }
  });

  it("caches per PEM text, bounded", () => {
    const first = parsePublicKeyPem(spkiPem);
    expect(parsePublicKeyPem(spkiPem)).toBe(first);
    // Eight other PEM texts (same key, different trailing whitespace) push the first one out.
    for (let i = 1; i <= 8; i++) parsePublicKeyPem(`${spkiPem}${" ".repeat(i)}`);
    expect(parsePublicKeyPem(spkiPem)).not.toBe(first);
  });

  it("refuses what is not a usable RSA public key", () => {
    const ec = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const small = crypto.generateKeyPairSync("rsa", { modulusLength: 512 }).publicKey;
    for (const pem of [
      "",
      "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----",
      "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
      ec.export({ type: "spki", format: "pem" }).toString(),
      small.export({ type: "spki", format: "pem" }).toString(),
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    ]) {
      expect(errorCode(() => parsePublicKeyPem(pem))).toBe("PublicKey_Invalid");
    }
  });
});

/** DER by hand, to make the keys Node will not: an odd exponent, bytes after the key, a long length written long. */
function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const modulus = Buffer.concat([Buffer.from([0]), Buffer.from(publicKey.export({ format: "jwk" }).n ?? "", "base64url")]);
const rsaPublicKey = (e: number[]) => der(0x30, Buffer.concat([der(0x02, modulus), der(0x02, Buffer.from(e))]));
const spki = (inner: Buffer) =>
  der(0x30, Buffer.concat([der(0x30, Buffer.from("06092a864886f70d0101010500", "hex")), der(0x03, Buffer.concat([Buffer.from([0]), inner]))]));
const pem = (label: string, body: Buffer) => `-----BEGIN ${label}-----\n${body.toString("base64")}\n-----END ${label}-----\n`;

describe("reading the key's DER", () => {
  it("reads what Node writes, byte for byte the same key", () => {
    expect(spki(rsaPublicKey([1, 0, 1]))).toEqual(publicKey.export({ type: "spki", format: "der" }));
    expect(parsePublicKeyPem(pem("PUBLIC KEY", spki(rsaPublicKey([1, 0, 1])))).modulusBytes).toBe(256);
  });

  it("refuses an exponent that does not encrypt (1, or even), bytes after the key, and mixed PEM labels", () => {
    for (const bad of [
      pem("PUBLIC KEY", spki(rsaPublicKey([1]))),
      pem("PUBLIC KEY", spki(rsaPublicKey([1, 0, 0]))),
      pem("RSA PUBLIC KEY", rsaPublicKey([2])),
      pem("PUBLIC KEY", Buffer.concat([spki(rsaPublicKey([1, 0, 1])), Buffer.from([0])])),
      pem("RSA PUBLIC KEY", spki(rsaPublicKey([1, 0, 1]))),
      pkcs1Pem.replace("-----END RSA PUBLIC KEY-----", "-----END PUBLIC KEY-----"),
    ]) {
      expect(errorCode(() => parsePublicKeyPem(bad))).toBe("PublicKey_Invalid");
    }
  });

  it("refuses a length written longer than it needs", () => {
    const key = rsaPublicKey([1, 0, 1]); // 30 82 hi lo + body
    const leadingZero = Buffer.concat([Buffer.from([0x30, 0x83, 0x00]), key.subarray(2)]);
    expect(parsePublicKeyPem(pem("RSA PUBLIC KEY", key)).modulusBytes).toBe(256);
    expect(errorCode(() => parsePublicKeyPem(pem("RSA PUBLIC KEY", leadingZero)))).toBe("PublicKey_Invalid");
  });
});

describe("rsaEncryptPkcs1v15", () => {
  const key = parsePublicKeyPem(spkiPem);

  it("fits at most k - 11 bytes", () => {
    const longest = new Uint8Array(245).fill(0x41);
    const block = decryptRaw(rsaEncryptPkcs1v15(key, longest));
    expect([...block.subarray(0, 11)]).toEqual([0, 2, ...block.subarray(2, 10), 0]);
    expect(block.subarray(2, 10).includes(0)).toBe(false);
    expect(errorCode(() => rsaEncryptPkcs1v15(key, new Uint8Array(246)))).toBe("Message_TooLong");
  });

  it("pads with nonzero bytes drawn from crypto.getRandomValues, skipping its zeros", () => {
    const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      real(array as unknown as Uint8Array);
      const bytes = array as unknown as Uint8Array;
      for (let i = 0; i < bytes.length; i += 2) bytes[i] = 0; // half of every draw is zero
      return array;
    });
    const block = decryptRaw(rsaEncryptPkcs1v15(key, new TextEncoder().encode("m")));
    expect(spy).toHaveBeenCalled();
    expect(block.subarray(2, 254).includes(0)).toBe(false);
    expect([block[254], block[255]]).toEqual([0, "m".charCodeAt(0)]);
  });

  it("refuses to encrypt without crypto.getRandomValues", () => {
    vi.stubGlobal("crypto", undefined);
    expect(errorCode(() => rsaEncryptPkcs1v15(key, new Uint8Array(4)))).toBe("Random_Unavailable");
  });
});
