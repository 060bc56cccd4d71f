// @vitest-environment jsdom
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCryptogram } from "../../../sandbox/cryptogram-decrypt.ts";
import { collectBrowserInfo } from "./browser-info.ts";
import { createCryptogram } from "./index.ts";

describe("browser info in a browser", () => {
  it("collects the 3-D Secure 2 facts from navigator and screen", () => {
    const info = collectBrowserInfo();
    expect(info).toEqual({
      AcceptHeader: expect.stringContaining("text/html"),
      JavaEnabled: false,
      JavaScriptEnabled: true,
      Language: navigator.language,
      ColorDepth: screen.colorDepth,
      Height: screen.height,
      Width: screen.width,
      TimeZone: new Date().getTimezoneOffset(),
      UserAgent: navigator.userAgent,
    });
    expect(Object.keys(info ?? {})).toEqual([
      "AcceptHeader",
      "JavaEnabled",
      "JavaScriptEnabled",
      "Language",
      "ColorDepth",
      "Height",
      "Width",
      "TimeZone",
      "UserAgent",
    ]);
  });

  it("goes into the JSON packet as base64 JSON", () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = { publicId: "pk_1", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), keyVersion: 1 };
    const card = { cardNumber: "4111111111111111", expDateMonthYear: "12/30", cvv: "123" };
    const packet = createCryptogram(card, key, { now: new Date(2026, 0, 1) });
    const json = JSON.parse(Buffer.from(packet, "base64").toString("utf8")) as { BrowserInfoBase64: string };
    expect(JSON.parse(Buffer.from(json.BrowserInfoBase64, "base64").toString("utf8"))).toEqual(collectBrowserInfo());
    expect(decryptCryptogram(packet, privateKey).pan).toBe("4111111111111111");
  });
});
