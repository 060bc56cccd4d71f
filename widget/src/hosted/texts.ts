// Hosted mode's shopper texts: its own (below, [en, ru] as the other tables), the texts both
// families draw before an answer (shared/i18n/common-texts.ts) and the answers' (late/i18n/
// answer-texts.ts: declines by ReasonCode, failures, paid), so one wording serves both families
// and the card form's own texts stay out of this file.
import { commonTexts, translatorFor } from "../shared/index.ts";
import type { CommonTextKey, TextOverrides, TextTable, Translator } from "../shared/index.ts";
import { answerTexts } from "../late/i18n/answer-texts.ts";
import type { AnswerTextKey } from "../late/i18n/answer-texts.ts";
import { reasonKey } from "../late/i18n/reasons.ts";
import type { Failed } from "../late/payment/failures.ts";

export const hostedTexts = {
  hostedTitle: ["Payment", "Оплата"],
  payOnBankPage: ["You will enter the card details on the bank's secure page", "Данные карты вы введёте на защищённой странице банка"],
  bankPageTitle: ["Card payment on the bank's page", "Оплата картой на странице банка"],
  bankPageFrame: ["The bank's payment page", "Страница оплаты банка"],
  loadingBankPage: ["Loading the bank's page…", "Загружаем страницу банка…"],
  Status_BankPage: ["Pay on the bank's page", "Оплатите на странице банка"],
  Status_Leaving: ["Opening the bank's page…", "Открываем страницу банка…"],
} satisfies TextTable<string>;

export type HostedOwnTextKey = keyof typeof hostedTexts;
export type HostedTextKey = CommonTextKey | AnswerTextKey | HostedOwnTextKey;
export type HostedTranslator = Translator<HostedTextKey>;

/** Every text hosted mode can show, merchant overrides first. */
export const createHostedTranslator = /* @__PURE__ */ translatorFor<HostedTextKey>({ ...commonTexts, ...answerTexts, ...hostedTexts });

/** A decline's text: the merchant's for this ReasonCode (`R_5051`), else its group's (`R_Funds`), else the generic one. */
export function declineText(reasonCode: number, t: HostedTranslator, overrides?: TextOverrides): string {
  const own = overrides?.[`R_${reasonCode}`];
  // A group this table lacks (a CloudPayments-only code) reads as the generic decline.
  const group = reasonKey(reasonCode) ?? "";
  return own ?? t(t.has(group) ? group : "Error_Declined");
}

/** A failure's text; for too many attempts, with the minutes to wait when the endpoint said (as late/i18n's failureText). */
export function failureText(state: Failed, t: HostedTranslator): string {
  if (state.code === "too_many_attempts" && state.retryAfter !== undefined) {
    const n = Math.max(1, Math.ceil(state.retryAfter / 60));
    const form = `Minutes_${new Intl.PluralRules(t.lang).select(n)}`;
    return t("Error_TooManyAttemptsIn", { minutes: t(t.has(form) ? form : "Minutes_other", { n }) });
  }
  return t.has(state.messageKey) ? t(state.messageKey) : t("Error_Unknown");
}
