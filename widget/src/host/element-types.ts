// Types for `<checkout-widget>` in markup: its attributes (the options in kebab case), its events,
// and the element in Preact's JSX and in `document.querySelector`. React's JSX is in react/jsx.ts.
// Derived from CheckoutOptions, so a new option is an attribute here without a change.
import type { CheckoutOptions } from "../shared/index.ts";
import type { CheckoutEventMap, CheckoutWidgetElement } from "./checkout-element.ts";
import type { MarkupOption } from "./options/index.ts";

/** `publicKeyUrl` → `public-key-url`. */
type Kebab<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `-${Lowercase<C>}`}${Kebab<Rest>}` : "";

/** How an option is written as an attribute: strings as they are, numbers as numbers or digits, `true`/`false`, objects as JSON. */
type AttributeValue<T> = [T] extends [string] ? T : [T] extends [number] ? number | `${number}` : [T] extends [boolean] ? boolean | "true" | "false" : string;

/**
 * The element's attributes: every option but the callbacks, in kebab case (`invoice-id`,
 * `public-key-url`); `public-key`, `texts` and `appearance` take JSON. See CheckoutOptions for each.
 *
 * @example <checkout-widget public-id="pk_…" endpoint="/api" invoice-id="1001" amount="1500" currency="RUB" public-key-url="/api/publickey" />
 */
export type CheckoutWidgetAttributes = {
  [K in MarkupOption as Kebab<K>]?: AttributeValue<NonNullable<CheckoutOptions[K]>>;
};

/**
 * The element's events as JSX props, `on` + the event name: `oncheckout-success={(e) => e.detail}`
 * (Preact, React 19; React 18 passes no function to a custom element: add listeners on a ref).
 */
export type CheckoutWidgetEventProps = {
  [E in keyof CheckoutEventMap as `on${E}`]?: (event: CheckoutEventMap[E]) => void;
};

// From the package root (Preact 11 has it there only, not on JSX), written as an import type: tsc
// drops a named import that only an augmentation uses from the declarations it emits.
type PreactHTMLAttributes<T extends EventTarget> = import("preact").HTMLAttributes<T>;

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      /** The checkout form as a custom element; call `defineCheckoutElement()` once first. */
      "checkout-widget": CheckoutWidgetAttributes & CheckoutWidgetEventProps & PreactHTMLAttributes<CheckoutWidgetElement>;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "checkout-widget": CheckoutWidgetElement;
  }
}
