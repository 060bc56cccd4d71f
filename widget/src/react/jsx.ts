// `<checkout-widget>` in React's JSX (React 18 and 19 types): the element's attributes and, for
// React 19, its events as `oncheckout-success` props. Most React apps want <CheckoutWidget> instead.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { CheckoutWidgetAttributes, CheckoutWidgetElement, CheckoutWidgetEventProps } from "../index.ts";

/** The props of `<checkout-widget>` in React: attributes (kebab case), events (React 19), and React's own (`ref`, `className`…). */
export type CheckoutWidgetElementProps = CheckoutWidgetAttributes & CheckoutWidgetEventProps & DetailedHTMLProps<HTMLAttributes<CheckoutWidgetElement>, CheckoutWidgetElement>;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      /** The checkout form as a custom element; call `defineCheckoutElement()` once first. */
      "checkout-widget": CheckoutWidgetElementProps;
    }
  }
}
