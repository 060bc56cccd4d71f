// Two-stage (auth): the bank holds the money; the merchant confirms or voids it on /orders.
import { logEvent, startCheckout, widgetOptions } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

void startCheckout(
  (config, order) => {
    widgetGlobal().mount(
      "#checkout",
      widgetOptions(config, order, {
        scheme: "auth",
        onSuccess: (payload) => logEvent("success", `authorized ${payload.transactionId}; confirm it on /orders`),
      }),
    );
  },
  undefined,
  "auth",
);
