// <checkout-widget public-id=… endpoint=… invoice-id=… amount=… currency=…>: the same form, options
// as attributes (JSON for public-key, texts, appearance), outcomes as bubbling, composed DOM events.
// Light DOM on purpose: the stylesheet is document-level (one <style>, CSP nonce once), and browser
// autofill and password managers see card inputs in the light DOM reliably, not inside shadow roots.
import type { ChangePayload, CheckoutOptions, PaymentOutcomeEvent } from "../shared/index.ts";
import { mountWith } from "./mount.tsx";
import type { CheckoutHandle } from "./mount.tsx";
import { OBSERVED_ATTRIBUTES, optionsFromAttributes } from "./options/index.ts";

export const ELEMENT_NAME = "checkout-widget";

/**
 * DOM events fired by the element (and by data-checkout-widget hosts), bubbling and composed;
 * `detail` is the payload the matching callback gets (`checkout-success` ↔ `onSuccess`).
 */
export interface CheckoutEventMap {
  /** The form is on screen and usable (`onReady`). */
  "checkout-ready": CustomEvent<undefined>;
  /** The shopper edited a field (`onChange`). */
  "checkout-change": CustomEvent<ChangePayload>;
  /** The payment was approved (`onSuccess`). */
  "checkout-success": CustomEvent<Extract<PaymentOutcomeEvent, { type: "success" }>["payload"]>;
  /** The payment was declined or failed (`onFail`). */
  "checkout-fail": CustomEvent<Extract<PaymentOutcomeEvent, { type: "fail" }>["payload"]>;
  /** Every final outcome, after checkout-success / checkout-fail (`onComplete`). */
  "checkout-complete": CustomEvent<Extract<PaymentOutcomeEvent, { type: "complete" }>["payload"]>;
  "checkout-cancel": CustomEvent<Extract<PaymentOutcomeEvent, { type: "cancel" }>["payload"]>;
}

/**
 * `<checkout-widget>` once `defineCheckoutElement()` ran: `document.querySelector("checkout-widget")`
 * is typed as this, and its listeners get the typed events,
 * e.g. `el.addEventListener("checkout-success", (e) => e.detail.transactionId)`.
 */
export interface CheckoutWidgetElement extends HTMLElement {
  /** Submits the form as the pay button would (validation first). */
  submit(): void;
  addEventListener<K extends keyof CheckoutEventMap>(type: K, listener: (this: CheckoutWidgetElement, event: CheckoutEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CheckoutWidgetElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CheckoutEventMap>(type: K, listener: (this: CheckoutWidgetElement, event: CheckoutEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CheckoutWidgetElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

function emit(target: EventTarget, type: keyof CheckoutEventMap, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Callbacks that turn into DOM events on `host`. */
export function eventOptions(host: EventTarget): Pick<CheckoutOptions, "onReady" | "onChange"> {
  return {
    onReady: () => emit(host, "checkout-ready", undefined),
    onChange: (change) => emit(host, "checkout-change", change),
  };
}

export function outcomeToEvent(host: EventTarget): (event: PaymentOutcomeEvent) => void {
  return (event) => emit(host, `checkout-${event.type}`, event.payload);
}

/**
 * Defines <checkout-widget> (or `name`) once; returns the class. The class is created here, not at
 * module load, so that importing the npm entry on a server never touches HTMLElement.
 */
export function defineCheckoutElement(name: string = ELEMENT_NAME): CustomElementConstructor {
  const existing = customElements.get(name);
  if (existing) return existing;

  const options = (host: HTMLElement): CheckoutOptions =>
    ({ ...optionsFromAttributes(host), ...eventOptions(host) }) as CheckoutOptions;

  class CheckoutWidgetElementImpl extends HTMLElement implements CheckoutWidgetElement {
    static get observedAttributes(): string[] {
      return OBSERVED_ATTRIBUTES;
    }

    #handle: CheckoutHandle | null = null;
    #pending = false;

    connectedCallback(): void {
      this.#handle ??= mountWith(this, options(this), { onOutcome: outcomeToEvent(this) });
    }

    disconnectedCallback(): void {
      this.#handle?.unmount();
      this.#handle = null;
    }

    attributeChangedCallback(): void {
      if (!this.#handle || this.#pending) return;
      // Several attributes set in a row make one update.
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        this.#handle?.update(options(this));
      });
    }

    submit(): void {
      this.#handle?.submit();
    }
  }

  customElements.define(name, CheckoutWidgetElementImpl);
  return CheckoutWidgetElementImpl;
}
