// Hosted mode's shopper texts: its own (below, [en, ru] as the other tables), the texts both
// families draw before an answer (shared/i18n/common-texts.ts) and the answers' (late/i18n/
// answer-texts.ts: declines by ReasonCode, failures, paid), so one wording serves both families
// and the card form's own texts stay out of this file.
import { commonTexts, translatorFor } from "../shared/index.ts";
import type { CommonTextKey, TextOverrides, TextTable, Translator } from "../shared/index.ts";
import { answerTexts } from "../late/i18n/answer-texts.ts";
import type { AnswerTextKey } from "../late/i18n/answer-texts.ts";
import { answerReasonKey } from "../late/i18n/reasons.ts";
import type { Failed } from "../late/payment/failures.ts";

export const hostedTexts = {
  hostedTitle: ["Payment", "Оплата"],
  payOnBankPage: ["You will enter your card on the payment service's secure page", "Карту вы введёте на защищённой странице платёжного сервиса"],
  bankPageTitle: ["Card payment page", "Страница оплаты картой"],
  bankPageFrame: ["The payment service's page", "Страница платёжного сервиса"],
  loadingBankPage: ["Loading the payment page…", "Загружаем страницу оплаты…"],
} satisfies TextTable<string>;

export type HostedOwnTextKey = keyof typeof hostedTexts;
export type HostedTextKey = CommonTextKey | AnswerTextKey | HostedOwnTextKey;
export type HostedTranslator = Translator<HostedTextKey>;

/** Every text hosted mode can show, merchant overrides first. */
export const createHostedTranslator = /* @__PURE__ */ translatorFor<HostedTextKey>({ ...commonTexts, ...answerTexts, ...hostedTexts });

/** A decline's text: the merchant's for this ReasonCode (`R_5051`), else its group's (`R_Funds`), else the generic one. */
export function declineText(reasonCode: number, t: HostedTranslator, overrides?: TextOverrides): string {
  const own = overrides?.[`R_${reasonCode}`];
  // A code of no group here (one only CloudPayments sends) reads as the generic decline.
  return own ?? t(answerReasonKey(reasonCode) ?? "Error_Declined");
}

/** A failure's text (too many attempts without the minutes the card form names: onFail's retryAfter has them). */
export function failureText(state: Failed, t: HostedTranslator): string {
  return t(t.has(state.messageKey) ? state.messageKey : "Error_Unknown");
}
