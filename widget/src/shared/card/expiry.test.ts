import { describe, expect, it } from "vitest";
import { formatExpiry, isExpiryInRange, parseExpiry } from "./expiry.ts";

describe("parseExpiry", () => {
  it.each([
    ["12/29", 12, 2029],
    ["12 / 29", 12, 2029],
    ["1229", 12, 2029],
    ["12/2029", 12, 2029],
    ["122029", 12, 2029],
    ["01/30", 1, 2030],
    ["1/30", 1, 2030],
    ["1/2030", 1, 2030],
    ["12-29", 12, 2029],
    ["12.29", 12, 2029],
    ["12 29", 12, 2029],
    ["  12/29  ", 12, 2029],
    // checkout.js digit strings: 3 or 5 digits -> first digit is the month.
    ["129", 1, 2029],
    ["12029", 1, 2029],
    ["0000", null, null],
  ])("%j -> %i/%i", (input, month, year) => {
    expect(parseExpiry(input)).toEqual(month === null ? null : { month, year });
  });

  it.each([
    ["13/29", "month 13"],
    ["00/29", "month 00"],
    ["0/29", "month 0"],
    ["12/9", "one-digit year after a separator"],
    ["12/029", "three-digit year after a separator"],
    ["12", "checkout.js would read month 1, year 2: no year"],
    ["1", "too short"],
    ["1234567", "too long"],
    ["12//29", "two separators"],
    ["12/29/30", "three parts"],
    ["ab/cd", "letters"],
    ["12/29😀", "emoji"],
    ["", "empty"],
    ["   ", "blank"],
    ["٠١/٢٩", "non-ASCII digits"],
  ])("%j (%s) -> null", (input) => {
    expect(parseExpiry(input)).toBeNull();
  });
});

describe("isExpiryInRange", () => {
  // 15 November 2026, local time.
  const now = new Date(2026, 10, 15);

  it.each([
    [11, 2026, true, "this month"],
    [10, 2026, false, "last month"],
    [12, 2025, false, "last year"],
    [12, 2026, true, "next month"],
    [11, 2046, true, "exactly 20 years ahead"],
    [12, 2046, false, "20 years and a month ahead"],
    [1, 2047, false, "21 years ahead"],
  ])("%i/%i is %s (%s)", (month, year, expected) => {
    expect(isExpiryInRange({ month, year }, now)).toBe(expected);
  });

  it("counts the card's month until its last day", () => {
    expect(isExpiryInRange({ month: 11, year: 2026 }, new Date(2026, 10, 30, 23, 59))).toBe(true);
    expect(isExpiryInRange({ month: 11, year: 2026 }, new Date(2026, 11, 1, 0, 0))).toBe(false);
  });
});

describe("formatExpiry (typing into MM/YY)", () => {
  it.each([
    ["", "", "nothing typed"],
    ["1", "1", "1 may become 10, 11 or 12: wait"],
    ["0", "0", "0 waits for the month's second digit"],
    ["2", "02/", "2–9 can only be a month: pad and add the slash"],
    ["9", "09/", ""],
    ["12", "12/", "a full month gets the slash"],
    ["10", "10/", ""],
    ["13", "01/3", "13 is no month: 1 is the month, 3 starts the year"],
    ["19", "01/9", ""],
    ["00", "00/", "kept (validation reports it) rather than dropping typed digits"],
    ["123", "12/3", ""],
    ["1229", "12/29", ""],
    ["12/", "12/", "already formatted"],
    ["12/3", "12/3", ""],
    ["12/29", "12/29", ""],
    ["1/", "01/", "a single month digit then a separator is padded"],
    ["1 ", "01/", ""],
    ["1/2", "01/2", ""],
    ["12 / 29", "12/29", "spaces dropped"],
    ["12/2029", "12/29", "four-digit year shortened"],
    ["122029", "12/29", ""],
    ["1/2029", "01/29", ""],
    ["12/295", "12/29", "digits past MM/YY are cut"],
    ["12/202", "12/20", "an unfinished four-digit year is cut to two"],
    ["a1b2c", "12/", "non-digits dropped"],
    ["😀", "", ""],
    ["٠١", "", "non-ASCII digits dropped"],
  ])("%j -> %j %s", (input, expected) => {
    expect(formatExpiry(input)).toBe(expected);
  });

  it("leaves its own output as it is", () => {
    for (const input of ["1", "2", "12", "13", "1/", "123", "12/2029", "00", "0"]) {
      const once = formatExpiry(input);
      expect(formatExpiry(once)).toBe(once);
    }
  });

  it("produces what parseExpiry reads once complete", () => {
    expect(parseExpiry(formatExpiry("1229"))).toEqual({ month: 12, year: 2029 });
    expect(parseExpiry(formatExpiry("3/31"))).toEqual({ month: 3, year: 2031 });
  });
});
