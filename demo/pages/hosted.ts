// The Invoice and RBS pages: the widget's hosted mode (dist/checkout-widget-hosted.js) mounted by
// script tag. The widget starts the payment on the shop's endpoint (POST {endpoint}/pay without
// card data → `redirect`), opens the gateway's card page in its frame or sends the whole page
// there, and shows the outcome. The kit's returnUrl is one fixed address (/invoice, /rbs), so the
// order and language this tab left with are kept in its sessionStorage for the trip; the line under
// the widget is the shop's own record, asked with the kit's signed return link. RBS: the demo
// login, and for a logged-in shopper `savedCards: true`: the widget offers "Save this card" on a
// first payment and lists the saved cards (checkout-widget-hosted-saved.js), paid in one click.
import type { HostedHandle, HostedOptions } from "../../widget/src/hosted/index.ts";
import type { PaymentScheme } from "../../server/contract.ts";
import { DEFAULT_CART, logEvent, pageLanguage, pageTheme, reportStartupError, showOrder, text, tripStore, type CreatedOrder } from "./shop.ts";
import { hrefIn, SHOP_NAME } from "../merchant/demo-texts.ts";
import { isDemoTextKey } from "../merchant/demo-texts.ts";

interface HostedGlobal {
  mount(target: string | Element, options: HostedOptions): HostedHandle;
}

const root = document.getElementById("hosted");
const shop = root?.dataset.shop === "rbs" ? "rbs" : "invoice";
const endpoint = `/api/${shop}`;
const result = document.getElementById("result");
const trip = tripStore(`demo:hosted-order-${shop}`);
let order: CreatedOrder | null = null;
let widget: HostedHandle | null = null;
/** The demo login: a logged-in shopper gets the widget's saved cards. */
let loggedIn = false;

function widgetGlobal(): HostedGlobal {
  const global = (window as unknown as { CheckoutWidget?: HostedGlobal }).CheckoutWidget;
  if (!global) throw new Error("dist/checkout-widget-hosted.js did not load");
  return global;
}

function say(line: string): void {
  if (result) result.textContent = line;
}

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json().catch(() => ({}))) as T };
}

function scheme(): PaymentScheme {
  const checked = document.querySelector<HTMLInputElement>('input[name="scheme"]:checked');
  return checked?.value === "auth" ? "auth" : "charge";
}

function paymentPage(): "iframe" | "redirect" {
  return document.querySelector<HTMLInputElement>('input[name="page"]:checked')?.value === "redirect" ? "redirect" : "iframe";
}

function options(current: CreatedOrder): HostedOptions {
  const lang = pageLanguage();
  return {
    mode: "hosted",
    endpoint,
    invoiceId: current.invoiceId,
    amount: current.amount,
    currency: current.currency,
    description: current.description,
    merchantName: SHOP_NAME[lang],
    shopUrl: hrefIn("/", lang),
    language: lang,
    paymentPage: paymentPage(),
    savedCards: loggedIn,
    ...(pageTheme() === "dark" ? { appearance: { theme: "dark" } } : {}),
    onSuccess: (payload) => {
      logEvent("success", `payment ${payload.transactionId}, ${payload.amount} ${payload.currency}${payload.cardLastFour ? `, ${payload.cardType} •••• ${payload.cardLastFour}` : ""}${payload.unverified ? " (from the URL)" : ""}`);
    },
    onFail: (payload) => logEvent("fail", `${payload.kind} [${payload.code}]${payload.reasonCode !== undefined ? ` ${payload.reasonCode}` : ""}: ${payload.message}`),
    onComplete: (payload) => logEvent("complete", payload.status),
    onCancel: (payload) => logEvent("cancel", `${payload.stage}${payload.transactionId ? ` ${payload.transactionId}` : ""}: ${payload.message}`),
  };
}

/** The widget for this order; the page remembers the order for a trip to the gateway's page. */
function mountWidget(current: CreatedOrder): void {
  order = current;
  showOrder(current, pageLanguage());
  trip.save({ order: current, lang: pageLanguage() });
  widget?.unmount();
  widget = widgetGlobal().mount("#checkout", options(current));
}

async function newOrder(): Promise<void> {
  const created = await json<CreatedOrder>("/api/orders", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items: DEFAULT_CART, scheme: scheme(), gateway: shop, lang: pageLanguage() }),
  });
  if (created.status !== 201) throw new Error(`POST /api/orders: HTTP ${created.status}`);
  mountWidget(created.body);
}

function returningFromGateway(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has("status") && params.has("transactionId");
}

/** Back from the gateway at top level: the shop's record of the order, asked with the kit's signed link (the link alone proves nothing). */
async function showRecord(search: string, invoiceId: string): Promise<void> {
  const recorded = await json<{ status?: string; message?: string }>(`/api/return-status${search}`);
  const recordedStatus = recorded.body.status;
  const statusKey = `st_${recordedStatus ?? ""}`;
  const shown = isDemoTextKey(statusKey) ? text(statusKey) : (recordedStatus ?? recorded.body.message ?? text("unknownStatus"));
  const line = text("returned", { number: invoiceId, status: shown });
  logEvent("returned", line);
  say(line);
}

interface DemoSession {
  customer: string | null;
  customers: string[];
}

/** Who is logged in (the demo's session cookie), asked before the widget mounts: it decides `savedCards`. */
async function readSession(): Promise<DemoSession | null> {
  if (!document.getElementById("customer")) return null;
  const { body } = await json<DemoSession>("/api/demo/session");
  loggedIn = body.customer !== null;
  return body;
}

async function setUpLogin(body: DemoSession | null): Promise<void> {
  const select = document.getElementById("customer") as HTMLSelectElement | null;
  if (!select || !body) return;
  for (const customer of body.customers) {
    const option = document.createElement("option");
    option.value = customer;
    option.textContent = customer;
    select.append(option);
  }
  select.value = body.customer ?? "";
  select.addEventListener("change", () => {
    void fetch("/api/demo/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customer: select.value === "" ? null : select.value }),
    }).then(() => {
      loggedIn = select.value !== "";
      // The widget asks for the list as it mounts: mount it again for the shopper now logged in.
      if (order) mountWidget(order);
    });
  });
}

/** The gateway sends the shopper back without `?lang`: come back in the language they left in. */
function restoreLanguage(left: string | undefined): boolean {
  const url = new URL(location.href);
  if (left !== "en" || url.searchParams.has("lang")) return false;
  url.searchParams.set("lang", left);
  location.replace(url.href);
  return true;
}

async function main(): Promise<void> {
  const stored = trip.read();
  const returning = returningFromGateway();
  if (returning && restoreLanguage(stored?.lang)) return;
  try {
    const session = await readSession();
    if (returning && stored) {
      // The widget reads the outcome off the URL (once, this tab's trip only); the shop's record first.
      const search = location.search;
      mountWidget(stored.order);
      void showRecord(search, stored.order.invoiceId);
    } else {
      trip.forget();
      await newOrder();
    }
    await setUpLogin(session);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="scheme"]')) radio.addEventListener("change", () => void newOrder());
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="page"]')) radio.addEventListener("change", () => widget?.update({ paymentPage: paymentPage() }));
  } catch (error) {
    reportStartupError(error);
  }
}

void main();
