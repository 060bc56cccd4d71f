// One options type for every entry: npm component, mount(), script tag, data-*, custom element.
import type { PayApproved, PayDeclined, PayErrorCode, PaymentScheme } from "../../../server/contract.ts";
import type { LateTextKey } from "../late/i18n/late-texts.ts";
import type { SavedTextKey } from "../saved/saved-texts.ts";
import type { FormTextKey } from "./i18n/form-texts.ts";
import type { HostedOwnTextKey } from "../hosted/texts.ts";

/** The shopper's language: `"ru"` or `"en"`. */
export type Language = "ru" | "en";
/** How 3-D Secure opens: `"iframe"`, the bank's page in a modal over the shop; `"redirect"`, the whole page goes to the bank and comes back to `returnUrl`. */
export type ThreeDsMode = "iframe" | "redirect";

/** The gateway's RSA public key for the card cryptogram. */
export interface PublicKey {
  /** The key as PEM (`-----BEGIN PUBLIC KEY-----…`), e.g. the `Pem` of CloudPayments' `/payments/publickey`. */
  pem: string;
  /** The key's version (the gateway's `Version`), written into the cryptogram so the gateway picks the right private key. */
  version: number;
}

/**
 * The widget's appearance variables: CSS values set on the widget's roots as `--cw-<name>` custom
 * properties. Colours are any CSS colour; keep text at 4.5:1 and borders at 3:1 against their
 * backgrounds. Anything not given comes from the theme.
 */
export interface AppearanceVariables {
  /** The Pay button, the focus ring, links and the secondary buttons' text. Light `#0b57d0`, dark `#a8c7fa`. */
  "color-primary"?: string;
  /** Text on `color-primary` (the Pay button's label). Light `#fff`, dark `#062e6f`. */
  "color-on-primary"?: string;
  /** The widget's and the dialogs' background. Light `#fff`, dark `#1c1c21`. */
  "color-background"?: string;
  /** Labels, typed text, headings. Light `#1b1b1f`, dark `#f2f2f5`. */
  "color-text"?: string;
  /** Hints, placeholders, the generic card icon, secondary lines. Light `#55565c`, dark `#b4b5bc`. */
  "color-muted"?: string;
  /** Input borders and separators. Light `#83848b`, dark `#8f9099`. */
  "color-border"?: string;
  /** The inputs' background. Light `#fff`, dark `#26262c`. */
  "color-input-background"?: string;
  /** Error texts and the borders of fields in error, the declined mark. Light `#b3261e`, dark `#ffb4ab`. */
  "color-error"?: string;
  /** The approved mark. Light `#146c2e`, dark `#7fd88f`. */
  "color-success"?: string;
  /** The font stack. Default `system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`. */
  "font-family"?: string;
  /** Corner radius of the widget, inputs and buttons. Default `8px`. */
  "border-radius"?: string;
  /** Space between fields. Default `12px`. */
  "spacing"?: string;
  /** The widget's own padding. Default `16px` (`12px` on screens up to 360 px wide). */
  "padding"?: string;
}

export type AppearanceVariable = keyof AppearanceVariables;

export interface Appearance {
  /** `"light"` (default), `"dark"`, or `"auto"` (follows the shopper's system setting). */
  theme?: "light" | "dark" | "auto";
  /** Overrides of the theme, e.g. `{ "color-primary": "#0a7", "border-radius": "4px" }`. */
  variables?: AppearanceVariables;
}

/**
 * A key of the widget's shopper texts: the form's (`pay`, `cardNumber`, `CardNumber_Invalid`…), the
 * answers' (`approvedTitle`, `Error_Timeout`, `R_Funds`…) and the saved cards' (`savedTitle`, `saveCard`…).
 */
export type TextKey = FormTextKey | LateTextKey | SavedTextKey;

/**
 * The `texts` option: your wording for any of the widget's texts, in the widget's language (pass
 * the texts of the language you set). `{name}` placeholders are filled as in the built-in text,
 * e.g. `{ pay: "Pay {amount} now" }`. A decline text can be set for one gateway ReasonCode too,
 * e.g. `{ R_5051: "Not enough money on the card" }`, ahead of its group's (`R_Funds`).
 */
export type Texts = { [K in TextKey]?: string } & { [reasonCode: `R_${number}`]: string | undefined };

/**
 * Why a payment failed: one stable code per cause, the same in every flow (iframe, redirect,
 * cp.Checkout's return page). The server kit's codes (PayErrorCode) pass through as they are.
 */
export type FailCode =
  /** The bank declined: `reasonCode` is the gateway's ReasonCode. */
  | "declined"
  /** From the merchant endpoint (`server/contract.ts`): already_paid, payment_in_progress, too_many_attempts… */
  | PayErrorCode
  /** The endpoint (or the public key) could not be reached. The same attempt may be retried. */
  | "network"
  /** The endpoint did not answer within `timeoutMs`. The same attempt may be retried. */
  | "timeout"
  /** The endpoint answered 5xx without a known code. The same attempt may be retried. */
  | "server_error"
  /** The endpoint's answer does not follow the contract. The same attempt may be retried. */
  | "bad_response"
  /** The bank's 3-D Secure page ended in an error, not in approved or declined. */
  | "three_ds_failed"
  /** The card could not be encrypted (not a card problem). */
  | "crypto_failed"
  /** The card failed a check at encryption (the form checks first, so this is rare). */
  | "card_invalid"
  /** The widget is set up wrong (no publicKey or publicKeyUrl). */
  | "config"
  /** The second script file (checkout-widget-crypto.js, or the npm build's chunk) did not load. */
  | "script_unavailable";

/** `onSuccess`'s payload (and `checkout-success`'s `detail`): an approved payment. Never carries card data. */
export interface SuccessPayload extends Omit<PayApproved, "status"> {
  /** The order that was paid (the `invoiceId` option). */
  invoiceId: string;
  /** The gateway's transaction number: look the payment up, refund or confirm it with it. */
  transactionId: number;
  /** The amount the gateway charged (or held), from your server's answer, not the `amount` option. */
  amount: number;
  /** The charged amount's ISO 4217 currency, e.g. `"RUB"`. */
  currency: string;
  /** The card's brand as the gateway names it, e.g. `"Visa"`. */
  cardType: string;
  /** The card number's last four digits, e.g. `"4242"` (all the widget ever shows of the number). */
  cardLastFour: string;
  /** The issuer's authorisation code. */
  authCode: string;
  /**
   * `true` when the outcome was read from the page URL after a redirect (3-D Secure by redirect):
   * the browser's word, shown to the shopper; check it on your server before you act (docs/outcomes.md).
   */
  unverified?: boolean;
}

/** `onFail`'s payload (and `checkout-fail`'s `detail`): a declined or failed payment. Never carries card data. */
export interface FailPayload {
  /** The order (the `invoiceId` option). */
  invoiceId: string;
  /** `"declined"`: the bank said no (a new card may be tried); `"failed"`: no answer from the bank (network, server, 3-D Secure error). */
  kind: "declined" | "failed";
  /** Stable: branch on this, never on the message. */
  code: FailCode;
  /** The gateway's transaction, when one was created. */
  transactionId?: number;
  /** The gateway's ReasonCode for a decline, e.g. `5051` (insufficient funds). */
  reasonCode?: number;
  /** What the shopper was shown, in the widget's language (the `texts` option applies). */
  message: string;
  /** too_many_attempts: seconds until the endpoint takes a new attempt (its Retry-After). */
  retryAfter?: number;
  /** As on SuccessPayload: read from the page URL after a redirect, not from your server's answer. */
  unverified?: boolean;
}

/** `onComplete`'s payload (and `checkout-complete`'s `detail`): every final outcome, with its `status`. */
export type CompletePayload =
  | ({ status: "approved" } & SuccessPayload)
  | ({ status: "declined" | "failed" } & FailPayload);

/** Which page the shopper left: the bank's 3-D Secure page, or (hosted mode) the gateway's payment page. */
export type CancelStage = "threeDs" | "hosted";

/**
 * `onCancel` / `checkout-cancel`: the shopper left a page without paying (Cancel or Escape on the
 * bank's 3-D Secure page; in hosted mode, the gateway's payment page) and is back on the form with
 * a neutral note. Nothing was charged by this attempt and the shopper may pay again: not a failure,
 * so no onFail; the payment is not over, so no onComplete.
 */
export interface CancelPayload {
  invoiceId: string;
  code: "cancelled";
  stage: CancelStage;
  /** The transaction the gateway opened for this attempt, left unfinished. */
  transactionId?: number;
  /** The note the widget shows, in its language. */
  message: string;
}

/** `onChange`'s payload (and `checkout-change`'s `detail`), on every edit. Never carries card data. */
export interface ChangePayload {
  /** The card brand the number's first digits show, e.g. `"visa"`, `"mir"`; `null` before it is known. */
  brand: string | null;
  /** `true` when every field is filled in and valid: the Pay button will submit. */
  complete: boolean;
  /** Error codes by field for the fields the shopper has left, e.g. `{ cardNumber: "CardNumber_Invalid" }`. */
  errors: Record<string, string>;
}

/**
 * The widget's options: the same for `mount()`, `open()`, `<CardForm>`, `<CheckoutWidget>` (React),
 * the script tag, and (as attributes) `<checkout-widget>` and `data-*`. A missing or wrong option
 * is named in the console and the form shows a merchant-facing error instead.
 *
 * @example
 * mount("#pay", {
 *   publicId: "pk_…", publicKeyUrl: "/api/publickey", endpoint: "/api",
 *   invoiceId: "1001", amount: 1500, currency: "RUB",
 *   onSuccess: ({ transactionId }) => location.assign(`/thanks?tx=${transactionId}`),
 * });
 */
export interface CheckoutOptions {
  /**
   * The card form (the default). A shop on a gateway that hosts its own card page (Invoice, RBS)
   * mounts `HostedOptions` (`mode: "hosted"`) from checkout-widget-hosted.js or `checkout-widget/hosted`.
   */
  mode?: "card";
  /** Required. Your terminal's Public ID (CloudPayments' `pk_…`); goes into the cryptogram. */
  publicId: string;
  /** The gateway's key for the cryptogram. Give this or `publicKeyUrl`; with neither the form shows a setup error. */
  publicKey?: PublicKey;
  /** URL answering `{ Pem, Version }` (the gateway's or sandbox's /payments/publickey), fetched before the first payment, e.g. `"/api/publickey"`. */
  publicKeyUrl?: string;
  /** Required. Your server's checkout endpoint base: the widget POSTs `{endpoint}/pay`, e.g. `"/api"` (the server kit's handlers). */
  endpoint: string;
  /** Required. The order number, sent to your server, which charges that order; shown to the shopper on approval. A new one starts a new payment. */
  invoiceId: string;
  /** Required. Display only (the Pay button, the result), in whole currency units, e.g. `1500` or `15.5`: your server charges its own order's amount. */
  amount: number;
  /** Required. ISO 4217 code of `amount`, e.g. `"RUB"`, `"USD"`. */
  currency: string;
  /** What is being paid for, e.g. `"Order 1001"`: shown under the merchant's name in the modal's header. */
  description?: string;
  /** The shop's name, the modal's heading (default: "Card payment"). */
  merchantName?: string;
  /** Where the approved screen's "Back to the shop" link goes; no link without it. */
  shopUrl?: string;
  /** Your customer's ID, sent to your server as `accountId` (the gateway's AccountId: saved cards, subscriptions). */
  accountId?: string;
  /** The shopper's e-mail: fills the e-mail field (with `requireEmail`), else sent to your server as the receipt address. */
  email?: string;
  /** `true` shows a required e-mail field for the receipt. Default `false`. */
  requireEmail?: boolean;
  /**
   * `false` hides the cardholder name field (many instant-issue cards carry no name); the gateway
   * still needs a name, so the widget then sends `CARDHOLDER`. Default: the field is shown and required.
   */
  requireName?: boolean;
  /** The row of accepted card brands above the number; `false` hides it. Default: shown. */
  showBrands?: boolean;
  /**
   * `true`: your server mounts the kit's saved cards (`GET {endpoint}/saved-cards`): the widget
   * asks for the shopper's cards first, shows them above the card form and offers "Save this card"
   * when the answer allows it. Default `false`: nothing is asked.
   */
  savedCards?: boolean;
  /** `"charge"` (default: one-stage, the money is taken) or `"auth"` (two-stage: held until you confirm or void it); sent to your server. */
  scheme?: PaymentScheme;
  /** `"ru"` or `"en"`. Default: from `<html lang>`, then the browser's language (Russian only for `ru`). */
  language?: Language;
  /** Your wording for any text key (see `Texts`), e.g. `{ pay: "Pay {amount} now", R_5051: "Not enough money" }`. */
  texts?: Texts;
  /** Theme and appearance variables (`AppearanceVariables`), e.g. `{ theme: "dark" }`. Default: light. */
  appearance?: Appearance;
  /** 3-D Secure in a modal frame over the shop (`"iframe"`, default) or by sending the whole page to the bank (`"redirect"`). */
  threeDs?: ThreeDsMode;
  /** Nonce for the one `<style>` the widget injects, under a strict CSP (`style-src 'nonce-…'`). */
  nonce?: string;
  /** How long to wait for `{endpoint}/pay`, in ms. Default `30000`. A timeout fails with a retry that re-sends the same attempt (charged at most once). */
  timeoutMs?: number;
  /** The form is on screen and usable (after its first paint). */
  onReady?: () => void;
  /** The shopper edited a field: the brand, whether the form is complete, the errors by field. */
  onChange?: (change: ChangePayload) => void;
  /** The payment was approved (after 3-D Secure, if any). Confirm the order on your server by the gateway's word, not this callback alone. */
  onSuccess?: (payload: SuccessPayload) => void;
  /** The payment was declined or failed; the form offers the shopper to try again. */
  onFail?: (payload: FailPayload) => void;
  /** Every final outcome, approved or not, after `onSuccess` / `onFail`. */
  onComplete?: (payload: CompletePayload) => void;
  /** The shopper left 3-D Secure (or the hosted page) without paying; see CancelPayload. */
  onCancel?: (payload: CancelPayload) => void;
}

export type { PayDeclined };

/** How the gateway's payment page opens (hosted mode): `"iframe"`, in a modal frame over the shop (when the gateway allows framing); `"redirect"`, the whole page goes there and comes back to `returnUrl`. */
export type PaymentPageMode = "iframe" | "redirect";

/** A text key of hosted mode: the shared answer texts and the hosted screen's own (`payOnBankPage`, `loadingBankPage`…). */
export type HostedTextKey = TextKey | HostedOwnTextKey;

/** `texts` in hosted mode: as `Texts`, with the hosted screen's keys. */
export type HostedTexts = { [K in HostedTextKey]?: string } & { [reasonCode: `R_${number}`]: string | undefined };

/** onSuccess in hosted mode: as SuccessPayload, the payment named by the gateway's id (`paymentId`, a string). */
export interface HostedSuccessPayload extends Omit<SuccessPayload, "transactionId"> {
  /** The `paymentId` of the gateway's page (Invoice payment id, RBS orderId). */
  transactionId: string;
}

/** onFail in hosted mode: as FailPayload, `transactionId` the gateway's `paymentId` when one was opened. */
export interface HostedFailPayload extends Omit<FailPayload, "transactionId"> {
  transactionId?: string;
}

export type HostedCompletePayload = ({ status: "approved" } & HostedSuccessPayload) | ({ status: "declined" | "failed" } & HostedFailPayload);

/** onCancel in hosted mode: the shopper left the gateway's page (the widget's Cancel, Escape, or the page's own "return to the shop"). */
export interface HostedCancelPayload extends Omit<CancelPayload, "transactionId" | "stage"> {
  stage: "hosted";
  transactionId?: string;
}

/**
 * Hosted mode: for a shop whose gateway hosts the card page itself (Invoice, RBS). The widget shows
 * the order and a Pay button; the shopper types the card on the gateway's page (in the widget's
 * modal frame, or by a full-page redirect); the outcome comes back from your server's return route.
 * No card data and no gateway key ever reach the widget, so none of the card options apply.
 *
 * @example
 * mount("#pay", {
 *   mode: "hosted", endpoint: "/api/invoice", invoiceId: "1001", amount: 1500, currency: "RUB",
 *   description: "Order 1001", onSuccess: ({ transactionId }) => location.assign(`/thanks?payment=${transactionId}`),
 * });
 */
export interface HostedOptions {
  /** Required: `"hosted"`. */
  mode: "hosted";
  /** Required. Your server's checkout endpoint base: the widget POSTs `{endpoint}/pay` (no card data), e.g. `"/api/invoice"`. */
  endpoint: string;
  /** Required. The order number your server charges. */
  invoiceId: string;
  /** Required. Display only, in whole currency units: your server charges its own order's amount. */
  amount: number;
  /** Required. ISO 4217 code of `amount`, e.g. `"RUB"`. */
  currency: string;
  /** What is being paid for, e.g. `"Order 1001"`: shown above the amount. */
  description?: string;
  /** The shop's name: the heading of `open()`'s dialog. */
  merchantName?: string;
  /** Where the approved screen's "Back to the shop" link goes; no link without it. */
  shopUrl?: string;
  /** The shopper's e-mail for the receipt, sent to your server. */
  email?: string;
  /** `true` asks the gateway to keep the card for this shopper (RBS): only from a "Save this card" box the shopper ticked; the server decides (docs/endpoint-contract.md). */
  saveCard?: boolean;
  /**
   * `true`: ask `GET {endpoint}/saved-cards` (with the shop's cookies) and, when the logged-in shopper
   * has cards, show them first: Pay with the chosen one (3-D Secure in the widget's frame when the bank
   * asks), remove one, or "Pay with another card" (the gateway's page); without cards where the shop
   * keeps them (`canSave`), "Save this card" above Pay (off by default). Loads
   * checkout-widget-hosted-saved.js only then.
   */
  savedCards?: boolean;
  /** The gateway page opens in the widget's frame (`"iframe"`, default; a gateway that forbids framing gets a redirect) or by sending the whole page there (`"redirect"`). */
  paymentPage?: PaymentPageMode;
  /** `"ru"` or `"en"`, the widget's and the gateway page's. Default: `<html lang>`, then the browser's. */
  language?: Language;
  texts?: HostedTexts;
  appearance?: Appearance;
  /** Nonce for the widget's `<style>` under a strict CSP. */
  nonce?: string;
  /** How long to wait for `{endpoint}/pay`, in ms. Default `30000`. */
  timeoutMs?: number;
  onReady?: () => void;
  onSuccess?: (payload: HostedSuccessPayload) => void;
  onFail?: (payload: HostedFailPayload) => void;
  onComplete?: (payload: HostedCompletePayload) => void;
  onCancel?: (payload: HostedCancelPayload) => void;
  // The card form's options have no meaning here: a type error, and an option problem at run time.
  publicId?: never;
  publicKey?: never;
  publicKeyUrl?: never;
  threeDs?: never;
  requireEmail?: never;
  requireName?: never;
  showBrands?: never;
  scheme?: never;
  accountId?: never;
  onChange?: never;
}

/** Every entry's options: the card form's, or hosted mode's (`mode: "hosted"`); the two cannot mix. */
export type WidgetOptions = CheckoutOptions | HostedOptions;
