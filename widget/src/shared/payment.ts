// The payment flow as both files see it (types only): the state of one payment, owned by the
// controller in late/payment and rendered by the views; idle -> submitting -> (threeDs ->)
// approved | declined | failed; declined and failed may retry.
import type { PayApproved, PayThreeDs, SavedCardPayRequestBody } from "../../../server/contract.ts";
import type { CancelPayload, CancelStage, CompletePayload, FailCode, FailPayload, SuccessPayload } from "./options.ts";

export interface CardSummary {
  brand: string | null;
  /** Last four digits only; the full number never enters payment state. */
  lastFour: string;
}

export type PaymentState =
  | {
      kind: "idle";
      /** The shopper came back from a page they left without paying (the form shows a neutral note). */
      cancelled?: CancelStage;
    }
  | { kind: "submitting"; requestId: string }
  | {
      kind: "threeDs";
      transactionId: number;
      mode: "iframe" | "redirect";
      challenge: PayThreeDs;
      /** Name of the iframe the ACS form is posted into (iframe mode). */
      frameName: string;
    }
  | { kind: "approved"; result: PayApproved; card: CardSummary; unverified?: boolean }
  | {
      kind: "declined";
      transactionId?: number;
      reasonCode: number;
      /** A text key (late/i18n) resolved by the view. */
      message: string;
      unverified?: boolean;
    }
  | {
      kind: "failed";
      code: FailCode;
      /** i18n key for a shopper-safe message (e.g. "Error_Network", "Error_Timeout"). */
      messageKey: string;
      /** True when a retry will reuse the same X-Request-ID (the first may have arrived). */
      retrySameRequest: boolean;
      /** too_many_attempts: seconds until the endpoint takes a new attempt. */
      retryAfter?: number;
      unverified?: boolean;
    }
  | {
      /**
       * The order is paid already (the endpoint said `already_paid`: another tab, another device,
       * or this page's own earlier payment): nothing to pay, no way to pay again.
       */
      kind: "paid";
      unverified?: boolean;
    };

export type PaymentStateKind = PaymentState["kind"];

/** What the form hands to the payment flow on submit. Lives only in memory, only until encrypted. */
export interface CardInput {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  name: string;
  email?: string;
  /** The shopper ticked "Save this card" (offered only when `{endpoint}/saved-cards` said `canSave`). */
  saveCard?: boolean;
}

/** A payment with one of the shopper's saved cards: its `/pay` body, and what the answer screens show of it. */
export interface SavedCardChoice {
  body: SavedCardPayRequestBody;
  card: CardSummary;
}

/**
 * One payment's controller. The UI subscribes and renders; it calls these on shopper actions.
 * Implemented in late/payment (createPaymentController).
 */
export interface PaymentController {
  getState(): PaymentState;
  subscribe(listener: (state: PaymentState) => void): () => void;
  /**
   * Encrypts, posts to `{endpoint}/pay`; ignored unless idle (a double click pays once). A saved
   * card posts its body as given (`{ invoiceId, savedCardId, email? }`): no cryptogram.
   */
  submit(card: CardInput | SavedCardChoice): Promise<void>;
  /**
   * failed (transport) -> re-posts the same cryptogram with the same X-Request-ID;
   * declined -> idle, so the shopper can try again (a new attempt gets a new id).
   */
  retry(): Promise<void>;
  /**
   * The shopper closed the 3-D Secure dialog: back to the form (idle, `cancelled: "threeDs"`),
   * onCancel fires; nothing was charged. The bank's page is left unfinished.
   */
  cancelThreeDs(): void;
  /**
   * The 3-D Secure dialog's frame (iframe mode), once it is in the document: the result is
   * accepted only from this window (`event.source`), never from another frame or the page.
   */
  attachThreeDsFrame(frame: Window): void;
  /** Removes listeners and timers; the controller does nothing afterwards. */
  destroy(): void;
}

/** The states a payment rests in once it is over (retry aside). */
export type FinalPaymentState = Extract<PaymentState, { kind: "approved" | "declined" | "failed" | "paid" }>;

export type PaymentOutcomeEvent =
  | { type: "success"; payload: SuccessPayload }
  | { type: "fail"; payload: FailPayload }
  | { type: "complete"; payload: CompletePayload }
  | { type: "cancel"; payload: CancelPayload };

export interface PaymentFlowController extends PaymentController {
  /**
   * Outcome events, the same payloads as onSuccess/onFail/onComplete/onCancel and at the same
   * moment ("success" or "fail", then "complete"; or "cancel"), for hosts that re-emit them.
   */
  onOutcome(listener: (event: PaymentOutcomeEvent) => void): () => void;
  /** Starts loading what a payment needs (the cryptogram code, the public key) ahead of submit. */
  preload(): void;
}
