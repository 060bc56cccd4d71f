import { describe, expect, it } from "vitest";
import type { CardProblem } from "../card/index.ts";
import { createTranslator, formatAmount, resolveLanguage } from "./index.ts";

// Typed so that a code or problem added to widget/src/card without a text here fails the typecheck.
const CARD_ERROR_CODES: Record<CardProblem, true> = {
  CardNumber_Incomplete: true,
  ExpDateMonthYear_Incomplete: true,
  ExpDateMonthYear_Expired: true,
  Cvv_Incomplete: true,
  Cvv_IncompleteFront: true,
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

describe("texts", () => {
  it("has ru and en text for every card error code", () => {
    for (const lang of ["ru", "en"] as const) {
      const t = createTranslator(lang);
      for (const code of Object.keys(CARD_ERROR_CODES) as CardProblem[]) {
        expect(t.has(code), `${lang} ${code}`).toBe(true);
        expect(t(code)).not.toBe(code);
      }
    }
    expect(createTranslator("ru")("CardNumber_Incomplete")).toBe("Номер карты введён не полностью");
    expect(createTranslator("en")("ExpDateMonthYear_Expired")).toBe("The card has expired");
  });

  it("reads each language's side of the table, and finds no text under an object's own names", () => {
    expect(createTranslator("en")("pay", { amount: "$5.00" })).toBe("Pay $5.00");
    expect(createTranslator("ru")("pay", { amount: "5 ₽" })).toBe("Оплатить 5 ₽");
    for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(createTranslator("en").has(key), key).toBe(false);
      expect(createTranslator("ru").has(key), key).toBe(false);
    }
  });

  it("holds the form's texts only: a late text is not one of its keys (and naming one does not compile)", () => {
    const t = createTranslator("en");
    for (const key of ["Error_Network", "Error_Config", "Error_Unknown", "Status_Submitting", "Status_Failed"]) expect(t.has(key), key).toBe(true);
    for (const key of ["Error_Timeout", "Status_Approved", "threeDsTitle", "R_Funds"]) expect(t.has(key), key).toBe(false);
    // @ts-expect-error a late text: a view drawn before the late code arrives cannot name it
    expect(t("threeDsTitle")).toBe("threeDsTitle");
  });

  it("fills placeholders and takes merchant overrides first", () => {
    const t = createTranslator("en", { pay: "Buy now for {amount}" });
    expect(t("pay", { amount: "$1" })).toBe("Buy now for $1");
    expect(createTranslator("ru")("pay", { amount: "1 ₽" })).toBe("Оплатить 1 ₽");
    expect(t.has("no_such_key")).toBe(false);
    expect(createTranslator("en", { no_such_key: "a merchant's own" }).has("no_such_key")).toBe(true);
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
