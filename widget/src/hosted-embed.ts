// Script-tag entry of hosted mode: dist/checkout-widget-hosted.js, one classic script with its own
// Preact and no other file to load (no card form, no node-forge). Defines the global
// CheckoutWidget (mount, open, version) unless checkout-widget.js did first.
import { mount, open, version } from "./hosted/index.ts";
import type { HostedHandle, HostedOpenHandle, HostedOptions } from "./hosted/index.ts";

/** `window.CheckoutWidget` of checkout-widget-hosted.js. */
export interface HostedWidgetGlobal {
  mount(target: string | Element, options: HostedOptions): HostedHandle;
  open(options: HostedOptions): HostedOpenHandle;
  version: string;
}

const host = window as unknown as { CheckoutWidget?: unknown };
if (host.CheckoutWidget) console.warn("checkout-widget: CheckoutWidget exists already; checkout-widget-hosted.js kept it");
else host.CheckoutWidget = { mount, open, version } satisfies HostedWidgetGlobal;
