// Public face of host/: the main file's entries and the shell around the form — mount/open, the
// custom element, data-* hosts, cp.Checkout's constructor, the npm component — and the late slot.
export { mount, mountWith, open, openWith, resolveTarget } from "./mount.tsx";
export type { CheckoutHandle, MountExtras, OpenHandle } from "./mount.tsx";
export { CardForm } from "./card-form-component.tsx";
export type { CardFormProps } from "./card-form-component.tsx";
export { defineCheckoutElement, ELEMENT_NAME } from "./checkout-element.ts";
export type { CheckoutEventMap, CheckoutWidgetElement } from "./checkout-element.ts";
export type { CheckoutWidgetAttributes, CheckoutWidgetEventProps } from "./element-types.ts";
export { mountDataElementsWhenReady } from "./auto-mount.ts";
export { createCpCheckoutClass } from "./cp-checkout.ts";
export type { CpCheckoutConstructor } from "./cp-checkout.ts";
export { defaultLateSource, late, loadLate, onLate, setLateSource } from "./late.ts";
export type { LateApi } from "./late.ts";
export { LATE_FILE, LATE_GLOBAL, lateScriptSource } from "./late-script.ts";
export type { OptionProblem, OptionProblemCode } from "./options/index.ts";
export { version } from "./version.ts";
