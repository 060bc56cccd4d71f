// Redirect-mode 3-D Secure: the whole page goes to the bank's ACS, and the server kit's return
// handler sends the shopper back here with the outcome in the query; the widget shows it.
import { createOrder, loadConfig, pageLanguage, reportStartupError, showOrder, widgetOptions } from "./shop.ts";
import type { CreatedOrder } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

// The order id only (no card data) survives the trip to the bank and back.
const ORDER_KEY = "demo:redirect-order";

function returningFromBank(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has("status") && params.has("transactionId");
}

function storedOrder(): CreatedOrder | null {
  try {
    const raw = sessionStorage.getItem(ORDER_KEY);
    return raw ? (JSON.parse(raw) as CreatedOrder) : null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const config = await loadConfig();
  const returning = returningFromBank() ? storedOrder() : null;
  const order = returning ?? (await createOrder());
  sessionStorage.setItem(ORDER_KEY, JSON.stringify(order));
  showOrder(order, pageLanguage());
  widgetGlobal().mount("#checkout", widgetOptions(config, order, { threeDs: "redirect" }));
}

start().catch(reportStartupError);
