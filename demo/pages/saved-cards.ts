// Saved cards on CloudPayments: the script-tag widget with `savedCards: true` and the demo login
// switch (a cookie session, as a shop's own). A logged-in shopper ticks "Save this card" on a first
// payment; "Next order" prices a new cart and mounts the widget again, which lists the saved card.
import { createOrder, loadConfig, reportStartupError, showOrder, widgetOptions } from "./shop.ts";
import type { CreatedOrder, ShopConfig } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";
import type { WidgetHandle } from "./widget-global.ts";

let handle: WidgetHandle | undefined;

function mountFor(config: ShopConfig, order: CreatedOrder): void {
  handle?.unmount?.();
  handle = widgetGlobal().mount("#checkout", widgetOptions(config, order, { savedCards: true }));
  (window as { demoWidget?: WidgetHandle }).demoWidget = handle;
}

async function setUpLogin(onChange: () => void): Promise<void> {
  const select = document.getElementById("customer") as HTMLSelectElement | null;
  if (!select) return;
  const session = (await (await fetch("/api/demo/session")).json()) as { customer: string | null; customers: string[] };
  for (const customer of session.customers) {
    const option = document.createElement("option");
    option.value = customer;
    option.textContent = customer;
    select.append(option);
  }
  select.value = session.customer ?? "";
  select.addEventListener("change", () => {
    void fetch("/api/demo/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customer: select.value === "" ? null : select.value }),
    }).then(onChange);
  });
}

async function start(): Promise<void> {
  try {
    const [config, first] = await Promise.all([loadConfig(), createOrder()]);
    let order = first;
    showOrder(order);
    // Logging in or out: the same order, asked again for this shopper's cards.
    await setUpLogin(() => mountFor(config, order));
    mountFor(config, order);
    document.getElementById("next-order")?.addEventListener("click", () => {
      void createOrder().then((next) => {
        order = next;
        showOrder(order);
        mountFor(config, order);
      }, reportStartupError);
    });
  } catch (error) {
    reportStartupError(error);
  }
}

void start();
