// Modal: the shop's own Buy button opens the widget as a dialog (CheckoutWidget.open).
import { startCheckout, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

void startCheckout((config, order) => {
  const buy = document.getElementById("buy");
  if (!(buy instanceof HTMLButtonElement)) return;
  buy.disabled = false;
  buy.addEventListener("click", () => {
    widgetGlobal().open(widgetOptions(config, order));
  });
});
