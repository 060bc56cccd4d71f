// The texts of payment answers: a translator over every key (the form's and the late ones), the
// gateway's decline messages by ReasonCode, and what the live region says for a late state.
import { formTexts, translatorFor } from "../../shared/index.ts";
import type { CancelStage, FormTextKey, Language, PaymentState, TextOverrides, Translator } from "../../shared/index.ts";
import { lateTexts } from "./late-texts.ts";
import type { LateTextKey } from "./late-texts.ts";
import { reasonKey } from "./reasons.ts";

export type { LateTextKey };
export type TextKey = FormTextKey | LateTextKey;
export type LateTranslator = Translator<TextKey>;

/** A translator over every text: only late code (and a view the late code draws) holds one. */
export const createLateTranslator = /* @__PURE__ */ translatorFor<TextKey>({ ...formTexts, ...lateTexts });

/**
 * The shopper message for a gateway ReasonCode in the given language.
 * A merchant may override one code (`R_5051`) or a whole group (`R_Funds`); unknown codes get a generic text.
 */
export function declineMessage(reasonCode: number, lang: Language, overrides?: TextOverrides): string {
  const t = createLateTranslator(lang, overrides);
  const own = `R_${reasonCode}`;
  if (t.has(own)) return t(own);
  return t(reasonKey(reasonCode) ?? "Error_Declined");
}

type Declined = Extract<PaymentState, { kind: "declined" }>;

/** The shopper text of a decline: a specific key from the flow (3-D Secure cancelled), else the ReasonCode's text. */
export function declinedText(state: Declined, t: LateTranslator, texts?: TextOverrides): string {
  return t.has(state.message) && state.message !== "Error_Declined" ? t(state.message) : declineMessage(state.reasonCode, t.lang, texts);
}

/** The text of a message key from the flow (a failure's), or null when no dictionary has it. */
export function messageText(key: string, lang: Language, texts?: TextOverrides): string | null {
  const t = createLateTranslator(lang, texts);
  return t.has(key) ? t(key) : null;
}

type Failed = Extract<PaymentState, { kind: "failed" }>;

/** A failure's text; for too many attempts, with the minutes to wait when the endpoint said. */
export function failureText(state: Failed, t: LateTranslator): string {
  if (state.code === "too_many_attempts" && state.retryAfter !== undefined) {
    const n = Math.max(1, Math.ceil(state.retryAfter / 60));
    const form = `Minutes_${new Intl.PluralRules(t.lang).select(n)}`;
    return t("Error_TooManyAttemptsIn", { minutes: t(t.has(form) ? form : "Minutes_other", { n }) });
  }
  return t.has(state.messageKey) ? t(state.messageKey) : t("Error_Unknown");
}

/** failureText for a view that holds no translator. */
export function failureMessage(state: Failed, lang: Language, texts?: TextOverrides): string {
  return failureText(state, createLateTranslator(lang, texts));
}

/** The neutral note of a page left without paying (the form shows it; onCancel carries it). */
export function cancelNote(stage: CancelStage, t: LateTranslator): string {
  return t(stage === "hosted" ? "Hosted_Cancelled" : "ThreeDs_Cancelled");
}

/** What the live region says when the payment enters a late state (3-D Secure or an answer). */
export function paymentStatusText(state: Exclude<PaymentState, { kind: "failed" }>, lang: Language, texts?: TextOverrides): string {
  const t = createLateTranslator(lang, texts);
  switch (state.kind) {
    // Back from a page left without paying: its neutral note; else nothing to say.
    case "idle":
      return state.cancelled ? cancelNote(state.cancelled, t) : "";
    // Only the late code's controller is ever submitting.
    case "submitting":
      return t("Status_Submitting");
    case "paid":
      return t("Status_Paid");
    case "threeDs":
      return t(state.mode === "iframe" ? "Status_ThreeDs" : "Status_Redirect");
    case "approved":
      return t("Status_Approved");
    case "declined":
      return t("Status_Declined", { message: declinedText(state, t, texts) });
  }
}
