// Script tag, one-stage: the page loads dist/checkout-widget.js, then mounts it into #checkout.
import { startCheckout, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";
import type { WidgetHandle } from "./widget-global.ts";

void startCheckout((config, order) => {
  const handle = widgetGlobal().mount("#checkout", widgetOptions(config, order));
  // The handle, for trying update() and unmount() from the console (the e2e heap test unmounts it).
  (window as { demoWidget?: WidgetHandle }).demoWidget = handle;
});
