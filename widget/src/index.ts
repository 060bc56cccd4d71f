// npm entry (`import { CardForm, mount } from "checkout-widget"`). Side-effect free: importing it,
// on a server too, touches no window or document; the custom element is defined only on request.
// The late code (payment flow, node-forge, answer views) is a dynamic import: a bundler splits it
// off, so the app's first chunk carries the code the script tag's critical path carries.
import { createElement } from "preact";
import type { CardInput, CryptogramKey, CryptogramOptions } from "./cryptogram/index.ts";
// Only the two error classes of cryptogram/ (no node-forge), for `instanceof` on a rejection.
export { CardValidationError } from "./cryptogram/card-validation-error.ts";
export { CryptogramError } from "./cryptogram/cryptogram-error.ts";
import {
  CardForm as CheckoutCardForm,
  defaultLateSource,
  defineCheckoutElement as defineElement,
  ELEMENT_NAME,
  loadLate,
  mount as mountWidget,
  open as openWidget,
} from "./host/index.ts";
import type { CardFormProps, CheckoutHandle, OpenHandle } from "./host/index.ts";
import type { CheckoutOptions } from "./shared/index.ts";

/** Every export below starts here: the late code is this package's dynamic import. */
function fromPackage(): void {
  defaultLateSource(() => import("./late/index.ts"));
}

export { version } from "./host/index.ts";
export type {
  CardFormProps,
  CheckoutEventMap,
  CheckoutHandle,
  CheckoutWidgetAttributes,
  CheckoutWidgetElement,
  CheckoutWidgetEventProps,
  OpenHandle,
  OptionProblem,
  OptionProblemCode,
} from "./host/index.ts";
export type { CardInput, CryptogramFormat, CryptogramKey, CryptogramOptions, CryptogramErrorCode } from "./cryptogram/index.ts";
export type { CardErrorCode, CardErrors } from "./shared/index.ts";
export type {
  Appearance,
  CancelPayload,
  CancelStage,
  ChangePayload,
  CheckoutOptions,
  CompletePayload,
  FailCode,
  FailPayload,
  Language,
  PublicKey,
  SuccessPayload,
  TextKey,
  Texts,
  ThreeDsMode,
} from "./shared/index.ts";

/** Renders the card form into `target` (a selector or an element). */
export function mount(target: string | Element, options: CheckoutOptions): CheckoutHandle {
  fromPackage();
  return mountWidget(target, options);
}

/** Shows the card form in an accessible modal dialog. */
export function open(options: CheckoutOptions): OpenHandle {
  fromPackage();
  return openWidget(options);
}

/** Registers `<checkout-widget>` (or `name`); call it in the browser. Returns the element class. */
export function defineCheckoutElement(name: string = ELEMENT_NAME): CustomElementConstructor {
  fromPackage();
  return defineElement(name);
}

/** The Preact component: `<CardForm publicId=… endpoint=… invoiceId=… amount={1500} currency="RUB" />`. */
export function CardForm(props: CardFormProps) {
  fromPackage();
  return createElement(CheckoutCardForm, props);
}

/**
 * The CardCryptogramPacket for a card. Async here: node-forge (the heaviest part) stays in a lazily
 * loaded chunk until the first call, so importing this entry does not put it on the critical path.
 * Rejects with a CardValidationError (`.errors`: codes by field) or a CryptogramError (`.code`).
 */
export async function createCryptogram(card: CardInput, key: CryptogramKey, options?: CryptogramOptions): Promise<string> {
  fromPackage();
  return (await loadLate()).createCryptogram(card, key, options);
}

/** The CVV-only cryptogram for a saved-card payment (async, as createCryptogram). */
export async function createCvvCryptogram(cvv: string, key: Pick<CryptogramKey, "publicKeyPem" | "keyVersion">): Promise<string> {
  fromPackage();
  return (await loadLate()).createCvvCryptogram(cvv, key);
}
