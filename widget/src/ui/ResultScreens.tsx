// The screens that replace the form once a payment is over. Each takes focus on mount so a
// keyboard or screen-reader user lands on the outcome rather than on a vanished Pay button.
import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { declineMessage, formatAmount } from "../i18n/index.ts";
import type { TextOverrides, Translator } from "../i18n/index.ts";
import type { PaymentState } from "../payment/index.ts";
import { elementOf } from "./widget-root.ts";

type Approved = Extract<PaymentState, { kind: "approved" }>;
type Declined = Extract<PaymentState, { kind: "declined" }>;
type Failed = Extract<PaymentState, { kind: "failed" }>;

/** The outcome's box; it takes focus when it appears. */
class ResultBox extends Component<{ children?: ComponentChildren }> {
  override componentDidMount(): void {
    elementOf(this)?.focus();
  }

  override render({ children }: { children?: ComponentChildren }) {
    return (
      <div class="cw-result" tabIndex={-1}>
        {children}
      </div>
    );
  }
}

/** `Visa •••• 4242`: brand and last four only. */
export function maskedCard(state: Approved, t: Translator): string {
  const last4 = state.card.lastFour || state.result.cardLastFour;
  const brand = state.result.cardType || state.card.brand || "";
  return t("paidWith", { brand, last4 }).trim();
}

/** The shopper text of a decline: a specific key from the flow (3-D Secure cancelled), else the ReasonCode's text. */
export function declinedText(state: Declined, t: Translator, texts?: TextOverrides): string {
  return t.has(state.message) && state.message !== "Error_Declined"
    ? t(state.message)
    : declineMessage(state.reasonCode, t.lang, texts);
}

/** A failed payment's key from the flow, or a generic text for a key the dictionaries lack. */
export function failedText(state: Failed, t: Translator): string {
  return t(t.has(state.messageKey) ? state.messageKey : "Error_Unknown");
}

export function ApprovedScreen({ state, t }: { state: Approved; t: Translator }) {
  return (
    <ResultBox>
      <span class="cw-mark cw-ok" aria-hidden="true" />
      <h2>{t("approvedTitle")}</h2>
      <p class="cw-amount">{formatAmount(state.result.amount, state.result.currency, t.lang)}</p>
      <p>{maskedCard(state, t)}</p>
    </ResultBox>
  );
}

interface RetryProps {
  t: Translator;
  onRetry: () => void;
}

function Problem({ title, text, t, onRetry }: RetryProps & { title: string; text: string }) {
  return (
    <ResultBox>
      <span class="cw-mark cw-bad" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{text}</p>
      <button type="button" class="cw-btn" onClick={onRetry}>
        {t("retry")}
      </button>
    </ResultBox>
  );
}

export function DeclinedScreen({ state, t, texts, onRetry }: RetryProps & { state: Declined; texts?: TextOverrides }) {
  return <Problem title={t("declinedTitle")} text={declinedText(state, t, texts)} t={t} onRetry={onRetry} />;
}

export function FailedScreen({ state, t, onRetry }: RetryProps & { state: Failed }) {
  return <Problem title={t("failedTitle")} text={failedText(state, t)} t={t} onRetry={onRetry} />;
}
