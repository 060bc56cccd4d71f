import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CardErrorCode } from "../card/index.ts";
import { createTranslator, declineMessage, formatAmount, resolveLanguage } from "./index.ts";

// A copy of shared/cloudpayments/reason-codes.md, kept beside the texts it is checked against.
const md = readFileSync(new URL("./reason-codes.md", import.meta.url), "utf8");

/** Rows of the main table: code and the gateway's Russian CardHolderMessage (4th column). */
function cardholderMessages(): Map<number, string> {
  const rows = new Map<number, string>();
  for (const line of md.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (/^[56]\d{3}$/.test(cells[1] ?? "") && cells.length >= 8) rows.set(Number(cells[1]), cells[4] ?? "");
  }
  return rows;
}

/** Codes of the check-webhook table (3xxx) with their mobile-SDK Russian titles. */
function registrationCodes(): Map<number, string> {
  const titles = new Map<number, string>();
  for (const m of md.matchAll(/(3\d{3}) "([^"]+)"/g)) titles.set(Number(m[1]), m[2] ?? "");
  return titles;
}

// Typed so that a code added to widget/src/card without a text here fails the typecheck.
const CARD_ERROR_CODES: Record<CardErrorCode, true> = {
  CardNumber_Empty: true,
  CardNumber_Invalid: true,
  ExpDateMonthYear_Empty: true,
  ExpDateMonthYear_Invalid: true,
  Cvv_Empty: true,
  Cvv_Invalid: true,
  Name_Empty: true,
  Name_Invalid: true,
  Name_TooShort: true,
  Name_TooLong: true,
};

describe("reason codes", () => {
  const main = cardholderMessages();
  const registration = registrationCodes();

  it("parses every code of the document", () => {
    expect(main.size).toBe(61);
    expect(registration.size).toBe(8);
  });

  it("gives every decline code the gateway's own Russian text", () => {
    for (const [code, text] of main) expect([code, declineMessage(code, "ru")]).toEqual([code, text]);
    for (const [code, text] of registration) expect([code, declineMessage(code, "ru")]).toEqual([code, text]);
  });

  it("gives every code an English text of its own (not the generic fallback, no Cyrillic)", () => {
    const generic = declineMessage(1, "en");
    for (const code of [...main.keys(), ...registration.keys()]) {
      const text = declineMessage(code, "en");
      expect([code, text]).not.toEqual([code, generic]);
      expect(text).not.toMatch(/[\u0400-\u04FF]/);
    }
    expect(declineMessage(5051, "en")).toBe("Insufficient funds on the card");
  });

  it("falls back to a generic decline text for an unknown code", () => {
    expect(declineMessage(9999, "ru")).toBe(createTranslator("ru")("Error_Declined"));
    expect(declineMessage(9999, "en")).toMatch(/declined/);
  });

  it("lets a merchant override one code or a whole group", () => {
    expect(declineMessage(5051, "en", { R_5051: "No money" })).toBe("No money");
    expect(declineMessage(5051, "en", { R_Funds: "Top up" })).toBe("Top up");
    expect(declineMessage(5005, "en", { R_5051: "No money" })).toBe("Contact your bank or use a different card");
  });
});

describe("texts", () => {
  it("has ru and en text for every card error code", () => {
    for (const lang of ["ru", "en"] as const) {
      const t = createTranslator(lang);
      for (const code of Object.keys(CARD_ERROR_CODES)) {
        expect(t.has(code), `${lang} ${code}`).toBe(true);
        expect(t(code)).not.toBe(code);
      }
    }
    expect(createTranslator("ru")("CardNumber_Invalid")).toBe("Неверный номер карты");
    expect(createTranslator("en")("CardNumber_Invalid")).toBe("The card number is invalid");
  });

  it("has ru and en text for transport errors and payment statuses", () => {
    const keys = ["Error_Network", "Error_Timeout", "Error_Server", "Error_Config", "Error_BadResponse", "ThreeDs_Cancelled", "Status_Approved"];
    for (const lang of ["ru", "en"] as const) {
      for (const key of keys) expect(createTranslator(lang).has(key), `${lang} ${key}`).toBe(true);
    }
  });

  it("fills placeholders and takes merchant overrides first", () => {
    const t = createTranslator("en", { pay: "Buy now for {amount}" });
    expect(t("pay", { amount: "$1" })).toBe("Buy now for $1");
    expect(createTranslator("ru")("pay", { amount: "1 ₽" })).toBe("Оплатить 1 ₽");
    expect(t("no_such_key")).toBe("no_such_key");
    expect(t.has("no_such_key")).toBe(false);
    expect(t.lang).toBe("en");
  });
});

describe("resolveLanguage", () => {
  const doc = (lang: string | null) =>
    ({ documentElement: { getAttribute: () => lang } }) as unknown as Document;

  it("takes the option first, then <html lang>, then the browser", () => {
    expect(resolveLanguage("en", doc("ru"), { language: "ru" })).toBe("en");
    expect(resolveLanguage(undefined, doc("ru-RU"), { language: "en-US" })).toBe("ru");
    expect(resolveLanguage(undefined, doc(""), { language: "ru-RU" })).toBe("ru");
    expect(resolveLanguage(undefined, doc(null), { language: "en-GB" })).toBe("en");
  });

  it("answers English for any other language and Russian when nothing is known", () => {
    expect(resolveLanguage(undefined, doc("de"), { language: "ru" })).toBe("en");
    expect(resolveLanguage(undefined, doc(null), {})).toBe("ru");
    expect(resolveLanguage(undefined, undefined, undefined)).toBe("ru");
  });
});

describe("formatAmount", () => {
  const spaces = (s: string) => s.replace(/\s/g, " ");
  it("formats for the language and currency", () => {
    expect(spaces(formatAmount(1500, "RUB", "ru"))).toBe("1 500,00 ₽");
    expect(formatAmount(15, "USD", "en")).toBe("$15.00");
    expect(formatAmount(1500, "RUB", "en")).toBe("₽1,500.00");
  });
  it("still shows the sum for a currency Intl rejects", () => {
    expect(formatAmount(15, "??", "en")).toBe("15.00 ??");
  });
});
