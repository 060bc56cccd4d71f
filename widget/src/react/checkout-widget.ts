// <CheckoutWidget …options />: the checkout form as a React component (React 18 and 19).
import { createElement, forwardRef, useImperativeHandle, useRef, type CSSProperties } from "react";
import type { CheckoutOptions } from "../index.ts";
import { useCheckoutWidget, type CheckoutWidgetControls } from "./use-checkout-widget.ts";

export interface CheckoutWidgetProps extends CheckoutOptions {
  /** On the element the widget is mounted in. */
  className?: string;
  style?: CSSProperties;
  id?: string;
}

/** What a ref to `<CheckoutWidget>` gives: `ref.current.submit()`. */
export type CheckoutWidgetHandle = CheckoutWidgetControls;

/**
 * The card form. Every prop but `className`, `style` and `id` is a widget option; changing one
 * updates the mounted widget in place (what the shopper typed stays), and callbacks always run
 * the latest prop. On a server it renders its empty `<div>`; the form appears after hydration.
 */
export const CheckoutWidget = forwardRef<CheckoutWidgetHandle, CheckoutWidgetProps>(function CheckoutWidget(props, ref) {
  const { className, style, id, children: _children, ...options } = props as CheckoutWidgetProps & { children?: unknown };
  const element = useRef<HTMLDivElement | null>(null);
  const controls = useCheckoutWidget(element, options);
  useImperativeHandle(ref, () => controls, [controls]);
  return createElement("div", { ref: element, className, style, id });
});
