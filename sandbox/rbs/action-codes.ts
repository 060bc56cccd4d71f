// `actionCode` of getOrderStatusExtended.do: the processing result of the last payment attempt.
// 0 and -100 are the platform's; the decline codes are the ones the sandbox's test cards produce.
import type { RbsLang } from "./answers.ts";

export const ACTION_CODES = {
  approved: 0,
  noAttempt: -100,
  insufficientFunds: 116,
  expiredCard: 101,
  doNotHonor: 5,
  invalidCard: 71015,
  authenticationFailed: -2006,
  sessionExpired: -2007,
} as const;

export type RbsDecline = Exclude<keyof typeof ACTION_CODES, "approved" | "noAttempt">;

const DESCRIPTIONS: Readonly<Record<number, Readonly<Record<RbsLang, string>>>> = {
  0: { ru: "Платёж успешно обработан", en: "Payment processed successfully" },
  [-100]: { ru: "Не было попыток оплаты", en: "No payment attempts" },
  116: { ru: "Недостаточно средств на карте", en: "Insufficient funds" },
  101: { ru: "Истёк срок действия карты", en: "The card has expired" },
  5: { ru: "Отказ эмитента", en: "Declined by the issuer" },
  71015: { ru: "Введены неверные параметры карты", en: "Invalid card details" },
  [-2006]: { ru: "Неуспешная аутентификация 3-D Secure", en: "3-D Secure authentication failed" },
  [-2007]: { ru: "Истёк срок сессии оплаты", en: "The payment session has expired" },
};

export function actionCodeDescription(code: number, lang: RbsLang): string {
  return DESCRIPTIONS[code]?.[lang] ?? "";
}
