// What i18n needs only once a payment has an answer: decline and error texts and the ReasonCode
// table. The script-tag build swaps this module for getters that read the crypto chunk (see
// scripts/build.ts), so these bytes leave the critical path; elsewhere it is an ordinary import.
import type { Language } from "../options.ts";
import { lateEn, lateRu } from "./late-texts.ts";
import { reasonKey } from "./reasons.ts";

export const lateTexts: Record<Language, Partial<Record<string, string>>> = { ru: lateRu, en: lateEn };
export { reasonKey };
