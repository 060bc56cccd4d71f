// One options type for every entry: npm component, mount(), script tag, data-*, custom element.
import type { PayApproved, PayDeclined, PaymentScheme } from "../../../server/contract.ts";

export type Language = "ru" | "en";
export type ThreeDsMode = "iframe" | "redirect";

export interface PublicKey {
  pem: string;
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

/** Outcome payloads handed to callbacks and DOM events. Never carry card data. */
export type SuccessPayload = Omit<PayApproved, "status"> & { invoiceId: string };
export interface FailPayload {
  invoiceId: string;
  kind: "declined" | "failed";
  transactionId?: number;
  reasonCode?: number;
  message: string;
}
export type CompletePayload =
  | ({ status: "approved" } & SuccessPayload)
  | ({ status: "declined" | "failed" } & FailPayload);

export interface ChangePayload {
  brand: string | null;
  complete: boolean;
  errors: Record<string, string>;
}

export interface CheckoutOptions {
  /** The gateway terminal's Public ID. */
  publicId: string;
  /** The gateway's RSA key for the card cryptogram; or `publicKeyUrl`. */
  publicKey?: PublicKey;
  /** URL answering `{ Pem, Version }` (the gateway's or sandbox's /payments/publickey). */
  publicKeyUrl?: string;
  /** Merchant endpoint base; the widget POSTs `{endpoint}/pay`. */
  endpoint: string;
  /** The order number: sent to your server, shown to the shopper on approval. */
  invoiceId: string;
  /** Display only (the Pay button, the result): your server charges its own order's amount. */
  amount: number;
  /** ISO 4217 code, e.g. `"RUB"`. */
  currency: string;
  /** What is being paid for; shown under the merchant's name in the modal's header. */
  description?: string;
  /** The shop's name, the modal's heading (default: "Card payment"). */
  merchantName?: string;
  /** Where the approved screen's "Back to the shop" link goes; no link without it. */
  shopUrl?: string;
  accountId?: string;
  /** Fills the e-mail field (with `requireEmail`) or is sent as the receipt address. */
  email?: string;
  /** Shows an e-mail field for the receipt, required. */
  requireEmail?: boolean;
  /**
   * `false` hides the cardholder name field (many instant-issue cards carry no name); the gateway
   * still needs a name, so the widget then sends `CARDHOLDER`. Default: the field is shown and required.
   */
  requireName?: boolean;
  /** The row of accepted card brands above the number; `false` hides it. Default: shown. */
  showBrands?: boolean;
  scheme?: PaymentScheme;
  /** `"ru"` or `"en"`; default from `<html lang>`, then the browser. */
  language?: Language;
  /** Overrides for any text key (shared/i18n/form-texts.ts, late/i18n/late-texts.ts). */
  texts?: Partial<Record<string, string>>;
  /** Theme and appearance variables (`AppearanceVariables`). */
  appearance?: Appearance;
  /** 3-D Secure in a modal frame (default) or by sending the whole page to the bank. */
  threeDs?: ThreeDsMode;
  /** Nonce for the injected <style> under a strict CSP. */
  nonce?: string;
  /** Request timeout for `{endpoint}/pay`, ms (default 30000). */
  timeoutMs?: number;
  onReady?: () => void;
  onChange?: (change: ChangePayload) => void;
  onSuccess?: (payload: SuccessPayload) => void;
  onFail?: (payload: FailPayload) => void;
  onComplete?: (payload: CompletePayload) => void;
}

export type { PayDeclined };
