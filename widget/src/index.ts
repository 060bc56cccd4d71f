// npm entry (`import { CardForm, mount } from "checkout-widget"`). Side-effect free: importing it,
// on a server too, touches no window or document; the custom element is defined only on request.
// The late code (payment flow, node-forge, answer views) is a dynamic import: a bundler splits it
// off, so the app's first chunk carries what the script tag's critical path carries, no more.
import type { CardInput, CryptogramKey, CryptogramOptions } from "./cryptogram/index.ts";
import { loadLate, setLateSource } from "./host/index.ts";

setLateSource(() => import("./late/index.ts"));

export { CardForm, defineCheckoutElement, mount, open, version } from "./host/index.ts";
export type {
  CardFormProps,
  CheckoutEventMap,
  CheckoutHandle,
  CheckoutWidgetElement,
  OpenHandle,
  OptionProblem,
  OptionProblemCode,
} from "./host/index.ts";
export type { CardInput, CryptogramFormat, CryptogramKey, CryptogramOptions, CryptogramErrorCode } from "./cryptogram/index.ts";
export type { CardErrorCode, CardErrors } from "./shared/index.ts";
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
} from "./shared/index.ts";

/**
 * The CardCryptogramPacket for a card. Async here: node-forge (the heaviest part) stays in a lazily
 * loaded chunk until the first call, so importing this entry does not put it on the critical path.
 * Rejects with a CardValidationError (`.errors`: codes by field) or a CryptogramError (`.code`).
 */
export async function createCryptogram(card: CardInput, key: CryptogramKey, options?: CryptogramOptions): Promise<string> {
  return (await loadLate()).createCryptogram(card, key, options);
}

/** The CVV-only cryptogram for a saved-card payment (async, as createCryptogram). */
export async function createCvvCryptogram(cvv: string, key: Pick<CryptogramKey, "publicKeyPem" | "keyVersion">): Promise<string> {
  return (await loadLate()).createCvvCryptogram(cvv, key);
}
