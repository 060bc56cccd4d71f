import type { CardErrorCode } from "./card-errors.ts";

const MIN_LENGTH = 2;
const MAX_LENGTH = 100;

/** Latin letters, spaces, hyphens, apostrophes and dots, with at least one letter. */
const NAME = /^(?=.*[A-Za-z])[A-Za-z .'-]+$/;

/** The error in a cardholder name, or null. Surrounding spaces do not count. */
export function cardholderNameError(name: string): CardErrorCode | null {
  const trimmed = name.trim();
  if (trimmed === "") return "Name_Empty";
  if (!NAME.test(trimmed)) return "Name_Invalid";
  if (trimmed.length < MIN_LENGTH) return "Name_TooShort";
  if (trimmed.length > MAX_LENGTH) return "Name_TooLong";
  return null;
}

/** True when the text holds a Cyrillic letter (the UI hints to type the name in Latin). */
export function isCyrillic(text: string): boolean {
  return /[\u0400-\u04FF]/.test(text);
}
