// The globals the script-tag bundle (dist/checkout-widget.js) defines, as the demo pages use them.
// Typed by a cast, not `declare global`, so the widget's own declarations stay the only ones.
import type { CheckoutOptions } from "../../widget/src/index.ts";

export interface WidgetHandle {
  unmount?(): void;
  close?(): void;
}

export interface CheckoutWidgetGlobal {
  mount(target: string | Element, options: CheckoutOptions): WidgetHandle;
  open(options: CheckoutOptions): WidgetHandle;
}

export interface CpCheckoutInstance {
  createPaymentCryptogram(fieldValues?: Record<string, string>): Promise<string>;
}

export type CpCheckoutConstructor = new (options: {
  publicId: string;
  container?: Element | null;
  publicKeyUrl?: string;
}) => CpCheckoutInstance;

interface DemoWindow {
  CheckoutWidget?: CheckoutWidgetGlobal;
  cp?: { Checkout?: CpCheckoutConstructor };
}

const host = window as unknown as DemoWindow;

export function widgetGlobal(): CheckoutWidgetGlobal {
  if (!host.CheckoutWidget) throw new Error("dist/checkout-widget.js did not load");
  return host.CheckoutWidget;
}

export function cpCheckout(): CpCheckoutConstructor {
  if (!host.cp?.Checkout) throw new Error("dist/checkout-widget.js did not define cp.Checkout");
  return host.cp.Checkout;
}
