// The screens of a payment's answer: approved (amount and masked card) and declined (the bank's
// reason, Try again). Late code: the host draws them through late() once the payment has an answer.
import { formatAmount, ResultBox, RetryScreen } from "../../shared/index.ts";
import type { Language, PaymentState, TextOverrides } from "../../shared/index.ts";
import { createLateTranslator, declinedText } from "../i18n/index.ts";
import type { LateTranslator } from "../i18n/index.ts";

type Approved = Extract<PaymentState, { kind: "approved" }>;
type Declined = Extract<PaymentState, { kind: "declined" }>;

/** What every answer screen is drawn from: the state, and the texts in the widget's language. */
export interface AnswerProps<S> {
  state: S;
  lang: Language;
  texts?: TextOverrides | undefined;
}

/** `Visa •••• 4242`: brand and last four only. */
export function maskedCard(state: Approved, t: LateTranslator): string {
  const last4 = state.card.lastFour || state.result.cardLastFour;
  const brand = state.result.cardType || state.card.brand || "";
  return t("paidWith", { brand, last4 }).trim();
}

export function ApprovedScreen({ state, lang, texts }: AnswerProps<Approved>) {
  const t = createLateTranslator(lang, texts);
  return (
    <ResultBox>
      <span class="cw-mark cw-ok" aria-hidden="true" />
      <h2>{t("approvedTitle")}</h2>
      <p class="cw-amount">{formatAmount(state.result.amount, state.result.currency, lang)}</p>
      <p>{maskedCard(state, t)}</p>
    </ResultBox>
  );
}

export function DeclinedScreen({ state, lang, texts, onRetry }: AnswerProps<Declined> & { onRetry: () => void }) {
  const t = createLateTranslator(lang, texts);
  return <RetryScreen title={t("declinedTitle")} text={declinedText(state, t, texts)} retryLabel={t("retry")} onRetry={onRetry} />;
}
