// npm component: a merchant's own Preact app imports the widget from the package and renders it.
import { render } from "preact";
import { CardForm } from "../../widget/src/index.ts";
import { startCheckout, widgetOptions } from "../pages/shop.ts";

void startCheckout((config, order) => {
  const target = document.getElementById("checkout");
  if (target) render(<CardForm {...widgetOptions(config, order)} />, target);
});
