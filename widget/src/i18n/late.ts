// What i18n needs only once a payment has an answer: decline and error texts and the ReasonCode
// table. The script-tag build swaps this module for functions that call the crypto chunk's copies
// (see scripts/bundle-modules.ts; they answer undefined until it has loaded), so these bytes leave the
// critical path; elsewhere it is an ordinary import. Functions only: a stub cannot lend an object.
import type { Language } from "../options.ts";
import { lateEn, lateRu } from "./late-texts.ts";
import { reasonKey } from "./reasons.ts";

const LATE: Record<Language, Partial<Record<string, string>>> = { ru: lateRu, en: lateEn };

/** The late text for `key`, or undefined when it has none. */
export function lateText(lang: Language, key: string): string | undefined {
  return LATE[lang][key];
}
export { reasonKey };
