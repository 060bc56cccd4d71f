import { describe, expect, it } from "vitest";
import { cardholderNameError, isCyrillic } from "./cardholder-name.ts";

describe("cardholderNameError", () => {
  it.each(["IVAN PETROV", "Jean-Luc O'Neil Jr.", "Li", "A B", "  Anna Smith  ", "x".repeat(100)])("accepts %j", (name) => {
    expect(cardholderNameError(name)).toBeNull();
  });

  it.each([
    ["", "Name_Empty"],
    ["   ", "Name_Empty"],
    ["A", "Name_TooShort"],
    [" A ", "Name_TooShort"],
    ["x".repeat(101), "Name_TooLong"],
    ["Иван Петров", "Name_Invalid"],
    ["Ivan2", "Name_Invalid"],
    ["José", "Name_Invalid"],
    ["Ivan_Petrov", "Name_Invalid"],
    ["Anna 😀", "Name_Invalid"],
    ["--", "Name_Invalid"],
    ["'.", "Name_Invalid"],
    ["Я", "Name_Invalid"],
  ])("%j -> %s", (name, code) => {
    expect(cardholderNameError(name)).toBe(code);
  });
});

describe("isCyrillic", () => {
  it("spots any Cyrillic letter", () => {
    expect(isCyrillic("Иван")).toBe(true);
    expect(isCyrillic("Ivan Пetrov")).toBe(true);
    expect(isCyrillic("ёЁ")).toBe(true);
    expect(isCyrillic("Ivan Petrov")).toBe(false);
    expect(isCyrillic("")).toBe(false);
    expect(isCyrillic("😀 José")).toBe(false);
  });
});
