// The screens of a payment's answer: approved (amount and masked card), declined (the bank's
// reason, Try again) and paid already (nothing to pay, no way to pay again). Late code: the host
// draws them through late() once the payment has an answer.
import { BrandMark, brandByName, brandLabel, formatAmount, ResultBox, RetryScreen } from "../../shared/index.ts";
import type { Language, PaymentState, TextOverrides } from "../../shared/index.ts";
import { createLateTranslator, declinedText } from "../i18n/index.ts";
import type { LateTranslator } from "../i18n/index.ts";
import { addLateStyles } from "./late-styles.ts";

type Approved = Extract<PaymentState, { kind: "approved" }>;
type Declined = Extract<PaymentState, { kind: "declined" }>;
type Paid = Extract<PaymentState, { kind: "paid" }>;

/** What every answer screen is drawn from: the state, and the texts in the widget's language. */
export interface AnswerProps<S> {
  state: S;
  lang: Language;
  texts?: TextOverrides | undefined;
}

/** The brand paid with: the gateway's word (its "MasterCard", "MIR"), else what the number said. */
function paidBrand(state: Approved) {
  return brandByName(state.result.cardType || "") ?? brandByName(state.card.brand ?? "");
}

/** `Mastercard •••• 4444`: brand (spelled as everywhere in the widget) and last four only. */
export function maskedCard(state: Approved, t: LateTranslator): string {
  const last4 = state.card.lastFour || state.result.cardLastFour;
  const brand = paidBrand(state);
  return t("paidWith", { brand: brand ? brandLabel(brand, t) : "", last4 }).trim();
}

export interface ApprovedProps extends AnswerProps<Approved> {
  /** The order paid, shown as its number. */
  invoiceId?: string | undefined;
  /** The shop's page the "Back to the shop" link goes to; no link without it. */
  shopUrl?: string | undefined;
}

export function ApprovedScreen({ state, lang, texts, invoiceId, shopUrl }: ApprovedProps) {
  addLateStyles();
  const t = createLateTranslator(lang, texts);
  return (
    <ResultBox>
      <span class="cw-mark cw-ok" aria-hidden="true" />
      <h2>{t("approvedTitle")}</h2>
      <p class="cw-amount">{formatAmount(state.result.amount, state.result.currency, lang)}</p>
      <p class="cw-card">
        <BrandMark brand={paidBrand(state)} />
        <span>{maskedCard(state, t)}</span>
      </p>
      {invoiceId && <p class="cw-muted">{t("orderNumber", { number: invoiceId })}</p>}
      {shopUrl && (
        <a class="cw-btn" href={shopUrl}>
          {t("backToShop")}
        </a>
      )}
    </ResultBox>
  );
}

export interface DeclinedProps extends AnswerProps<Declined> {
  /** The same card again: back to the form with the CVC to type again. */
  onRetry: () => void;
  /** Another card: back to an empty form. */
  onOtherCard?: (() => void) | undefined;
}

export function DeclinedScreen({ state, lang, texts, onRetry, onOtherCard }: DeclinedProps) {
  const t = createLateTranslator(lang, texts);
  return (
    <RetryScreen
      title={t("declinedTitle")}
      text={declinedText(state, t, texts)}
      retryLabel={t("retry")}
      onRetry={onRetry}
      otherLabel={t("otherCard")}
      onOther={onOtherCard}
    />
  );
}

/** The order was paid before (another tab, another device): shown as paid, with nothing to press. */
export function PaidScreen({ lang, texts }: AnswerProps<Paid>) {
  const t = createLateTranslator(lang, texts);
  return (
    <ResultBox>
      <span class="cw-mark cw-ok" aria-hidden="true" />
      <h2>{t("paidTitle")}</h2>
      <p>{t("paidText")}</p>
    </ResultBox>
  );
}
