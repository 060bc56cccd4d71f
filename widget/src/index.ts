// npm entry (`import { CardForm, mount } from "checkout-widget"`). Side-effect free: importing it,
// on a server too, touches no window or document; the custom element is defined only on request.
import type { CardInput, CryptogramKey, CryptogramOptions } from "./cryptogram/index.ts";
import type { CheckoutOptions } from "./options.ts";
import { defineCheckoutElementWith, ELEMENT_NAME } from "./entries/checkout-element.ts";
import { mountWith, openWith } from "./entries/mount.tsx";
import type { CheckoutHandle, OpenHandle } from "./entries/mount.tsx";
import { loadCryptoModule, npmDeps } from "./entries/npm-crypto.ts";

export { CardForm } from "./entries/card-form-component.tsx";
export type { CardFormProps } from "./entries/card-form-component.tsx";
export type { CardInput, CryptogramFormat, CryptogramKey, CryptogramOptions, CryptogramErrorCode } from "./cryptogram/index.ts";
export type { CardErrorCode, CardErrors } from "./card/index.ts";
export type {
  Appearance,
  ChangePayload,
  CheckoutOptions,
  CompletePayload,
  FailPayload,
  Language,
  PublicKey,
  SuccessPayload,
  ThreeDsMode,
} from "./options.ts";
export type { CheckoutHandle, OpenHandle } from "./entries/mount.tsx";
export type { CheckoutEventMap, CheckoutWidgetElement } from "./entries/checkout-element.ts";
export type { OptionProblem, OptionProblemCode } from "./entries/option-problems.ts";
export { version } from "./entries/version.ts";

/** Renders the card form into `target` (a selector or an element). */
export function mount(target: string | Element, options: CheckoutOptions): CheckoutHandle {
  return mountWith(npmDeps, target, options);
}

/** Shows the card form in an accessible modal dialog. */
export function open(options: CheckoutOptions): OpenHandle {
  return openWith(npmDeps, options);
}

/** Registers `<checkout-widget>` (or `name`); call it in the browser. Returns the element class. */
export function defineCheckoutElement(name: string = ELEMENT_NAME): CustomElementConstructor {
  return defineCheckoutElementWith(npmDeps, name);
}

/**
 * The CardCryptogramPacket for a card. Async here: node-forge (the heaviest part) stays in a lazily
 * loaded chunk until the first call, so importing this entry does not put it on the critical path.
 * Rejects with a CardValidationError (`.errors`: codes by field) or a CryptogramError (`.code`).
 */
export async function createCryptogram(card: CardInput, key: CryptogramKey, options?: CryptogramOptions): Promise<string> {
  const crypto = await loadCryptoModule();
  return crypto.createCryptogram(card, key, options);
}

/** The CVV-only cryptogram for a saved-card payment (async, as createCryptogram). */
export async function createCvvCryptogram(cvv: string, key: Pick<CryptogramKey, "publicKeyPem" | "keyVersion">): Promise<string> {
  const crypto = await loadCryptoModule();
  return crypto.createCvvCryptogram(cvv, key);
}
