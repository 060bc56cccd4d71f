// Redirect-mode 3-D Secure: the whole page goes to the bank's ACS, and the server kit's return
// handler sends the shopper back here with the outcome in the query; the widget shows it.
// The kit's returnUrl is one fixed address, so what the page was (its order, its language, that it
// was paid) is kept in this tab's sessionStorage for the trip: never card data.
import { createOrder, loadConfig, pageLanguage, reportStartupError, showOrder, tripStore, widgetOptions } from "./shop.ts";
import type { TripContext } from "./shop.ts";
import { widgetGlobal } from "./widget-global.ts";

const trip = tripStore("demo:redirect-order");

function returningFromBank(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has("status") && params.has("transactionId");
}

/** The bank sends the shopper back without `?lang`: come back in the language they left in. */
function restoreLanguage(context: TripContext | null): boolean {
  const url = new URL(location.href);
  if (!context || url.searchParams.has("lang") || context.lang === "ru") return false;
  url.searchParams.set("lang", context.lang);
  location.replace(url.href);
  return true;
}

function showPaid(context: TripContext): void {
  showOrder(context.order, context.lang);
  const target = document.getElementById("checkout");
  if (!target) return;
  const note = document.createElement("p");
  note.className = "paid";
  note.textContent = context.lang === "en" ? `Paid: ${context.paid}` : `Оплачено: ${context.paid}`;
  const again = document.createElement("a");
  again.href = context.lang === "en" ? "/redirect?lang=en" : "/redirect";
  again.textContent = context.lang === "en" ? "New order" : "Новый заказ";
  again.addEventListener("click", () => trip.forget());
  target.replaceChildren(note, again);
}

async function start(): Promise<void> {
  const stored = trip.read();
  const returning = returningFromBank();
  if (returning && restoreLanguage(stored)) return;
  // Reloading the thank-you page (the widget cleaned the outcome off the URL): still paid.
  if (!returning && stored?.paid && stored.lang === pageLanguage()) {
    showPaid(stored);
    return;
  }
  const config = await loadConfig();
  const order = (returning ? stored?.order : undefined) ?? (await createOrder());
  const context: TripContext = { order, lang: pageLanguage() };
  trip.save(context);
  showOrder(order, context.lang);
  const options = widgetOptions(config, order, { threeDs: "redirect" });
  widgetGlobal().mount("#checkout", {
    ...options,
    onSuccess: (payload) => {
      trip.save({ ...context, paid: `${payload.amount} ${payload.currency}, ${payload.cardType} •••• ${payload.cardLastFour}` });
      options.onSuccess?.(payload);
    },
  });
}

start().catch(reportStartupError);
