// One options type for every entry: npm component, mount(), script tag, data-*, custom element.
import type { PayApproved, PayDeclined, PayErrorCode, PaymentScheme } from "../../../server/contract.ts";

export type Language = "ru" | "en";
export type ThreeDsMode = "iframe" | "redirect";

export interface PublicKey {
  pem: string;
  version: number;
}

export interface Appearance {
  theme?: "light" | "dark" | "auto";
  /** CSS custom properties without the leading `--cw-`, e.g. `{ "color-primary": "#0a7" }`. */
  variables?: Record<string, string>;
}

/**
 * Outcome payloads handed to callbacks and DOM events (docs/outcomes.md). Never carry card data.
 * `unverified: true` marks an outcome read from the page URL after a redirect (3-D Secure by
 * redirect): the browser's word, shown to the shopper; check it on your server before you act.
 */
export type SuccessPayload = Omit<PayApproved, "status"> & { invoiceId: string; unverified?: boolean };

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

export interface FailPayload {
  invoiceId: string;
  kind: "declined" | "failed";
  /** Stable: branch on this, never on the message. */
  code: FailCode;
  transactionId?: number;
  /** The gateway's ReasonCode (declines). */
  reasonCode?: number;
  /** For the shopper, in the widget's language (the `texts` option applies). */
  message: string;
  /** too_many_attempts: seconds until the endpoint takes a new attempt (its Retry-After). */
  retryAfter?: number;
  unverified?: boolean;
}
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

export interface ChangePayload {
  brand: string | null;
  complete: boolean;
  errors: Record<string, string>;
}

export interface CheckoutOptions {
  publicId: string;
  publicKey?: PublicKey;
  /** URL answering `{ Pem, Version }` (the gateway's or sandbox's /payments/publickey). */
  publicKeyUrl?: string;
  /** Merchant endpoint base; the widget POSTs `{endpoint}/pay`. */
  endpoint: string;
  invoiceId: string;
  amount: number;
  currency: string;
  description?: string;
  accountId?: string;
  email?: string;
  requireEmail?: boolean;
  scheme?: PaymentScheme;
  language?: Language;
  /** Overrides for any text key (shared/i18n/form-texts.ts, late/i18n/late-texts.ts). */
  texts?: Partial<Record<string, string>>;
  appearance?: Appearance;
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
  /** The shopper left 3-D Secure (or the hosted page) without paying; see CancelPayload. */
  onCancel?: (payload: CancelPayload) => void;
}

export type { PayDeclined };
