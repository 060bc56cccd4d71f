import { describe, expect, it } from "vitest";
import { ACS_TEXTS, pickLang } from "./acs-texts.ts";

describe("pickLang", () => {
  it.each([
    [undefined, undefined, "ru"],
    [undefined, "de-DE,de;q=0.9", "ru"],
    [undefined, "en-US,en;q=0.9,ru;q=0.8", "en"],
    [undefined, "de,ru;q=0.5,en;q=0.9", "en"],
    [undefined, "en;q=0,ru", "ru"],
    ["en", "ru", "en"],
    ["RU", "en", "ru"],
    ["fr", "en-GB", "en"],
  ])("hint %s, Accept-Language %s → %s", (hint, header, expected) => {
    expect(pickLang(hint, header)).toBe(expected);
  });

  it("has every text in both languages", () => {
    expect(Object.keys(ACS_TEXTS.en).sort()).toEqual(Object.keys(ACS_TEXTS.ru).sort());
    for (const lang of ["ru", "en"] as const) for (const text of Object.values(ACS_TEXTS[lang])) expect(text.trim()).not.toBe("");
  });
});
