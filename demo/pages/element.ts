// Custom element: <checkout-widget> configured by attributes; outcomes arrive as DOM events.
import { describeComplete, describeFail, describeSuccess, logEvent, pageLanguage, startCheckout, widgetOptions } from "./shop.ts";
import type { CompletePayload, FailPayload, SuccessPayload } from "../../widget/src/index.ts";

void startCheckout((config, order) => {
  const element = document.createElement("checkout-widget");
  const shared = widgetOptions(config, order);
  const attributes: Record<string, string> = {
    "public-id": config.publicId,
    "public-key-url": config.publicKeyUrl,
    endpoint: config.endpoint,
    "invoice-id": order.invoiceId,
    amount: String(order.amount),
    currency: order.currency,
    description: order.description,
    "merchant-name": shared.merchantName ?? "",
    "shop-url": shared.shopUrl ?? "",
    language: pageLanguage(),
  };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.addEventListener("checkout-success", (event) =>
    logEvent("success", describeSuccess((event as CustomEvent<SuccessPayload>).detail)),
  );
  element.addEventListener("checkout-fail", (event) =>
    logEvent("fail", describeFail((event as CustomEvent<FailPayload>).detail)),
  );
  element.addEventListener("checkout-complete", (event) =>
    logEvent("complete", describeComplete((event as CustomEvent<CompletePayload>).detail)),
  );
  document.getElementById("checkout")?.append(element);
});
