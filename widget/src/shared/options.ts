// One options type for every entry: npm component, mount(), script tag, data-*, custom element.
import type { PayApproved, PayDeclined, PaymentScheme } from "../../../server/contract.ts";

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
}

export type { PayDeclined };
