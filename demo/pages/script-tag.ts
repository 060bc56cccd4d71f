// Script tag, one-stage: the page loads dist/checkout-widget.js, then mounts it into #checkout.
import { startCheckout, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

void startCheckout((config, order) => {
  widgetGlobal().mount("#checkout", widgetOptions(config, order));
});
