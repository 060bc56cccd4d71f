// The Invoice and RBS pages: the widget's hosted mode (dist/checkout-widget-hosted.js) mounted by
// script tag. The widget starts the payment on the shop's endpoint (POST {endpoint}/pay without
// card data → `redirect`), opens the gateway's card page in its frame or sends the whole page
// there, and shows the outcome. The kit's returnUrl is one fixed address (/invoice, /rbs), so the
// order and language this tab left with are kept in its sessionStorage for the trip; the line under
// the widget is the shop's own record, asked with the kit's signed return link. RBS: the demo
// login, "save this card", and the logged-in shopper's saved cards paid in one click (hand-written
// here until saved cards join the widget).
import type { HostedHandle, HostedOptions } from "../../widget/src/hosted/index.ts";
import type { PayAnswer, SavedCardsResponse, SavedCardView } from "../../server/contract.ts";
import type { PaymentScheme } from "../../server/contract.ts";
import { DEFAULT_CART, formatAmount, logEvent, pageLanguage, pageTheme, reportStartupError, showOrder, text, tripStore, type CreatedOrder } from "./shop.ts";
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

function saveCard(): boolean {
  const save = document.getElementById("save-card") as HTMLInputElement | null;
  return save?.checked === true && save.closest("[hidden]") === null;
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
    saveCard: saveCard(),
    ...(pageTheme() === "dark" ? { appearance: { theme: "dark" } } : {}),
    onSuccess: (payload) => {
      logEvent("success", `payment ${payload.transactionId}, ${payload.amount} ${payload.currency}${payload.cardLastFour ? `, ${payload.cardType} •••• ${payload.cardLastFour}` : ""}${payload.unverified ? " (from the URL)" : ""}`);
      void loadCards();
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

/** The classic 3-D Secure hand-off for a saved card: a top-level form post of MD, PaReq and TermUrl to the bank. */
function goToBank(challenge: Extract<PayAnswer, { status: "3ds" }>): void {
  const form = document.createElement("form");
  form.method = "post";
  form.action = challenge.acsUrl;
  const fields: [string, string][] = [
    ["MD", String(challenge.transactionId)],
    ["PaReq", challenge.paReq],
    ["TermUrl", challenge.termUrl],
  ];
  for (const [name, value] of fields) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/** A saved RBS card, paid in one click (until saved cards join the widget: issue 12). */
async function payWithSaved(card: SavedCardView): Promise<void> {
  if (!order) return;
  say("…");
  const answer = await json<PayAnswer>(`${endpoint}/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Request-ID": crypto.randomUUID() },
    body: JSON.stringify({ invoiceId: order.invoiceId, savedCardId: card.id }),
  });
  const outcome = answer.body;
  logEvent("pay", `${answer.status} ${outcome.status}`);
  if (outcome.status === "3ds") {
    trip.save({ order, lang: pageLanguage() });
    goToBank(outcome);
  } else if (outcome.status === "approved") say(text("paidLine", { amount: formatAmount(outcome.amount, outcome.currency), card: `${outcome.cardType} •••• ${outcome.cardLastFour}` }));
  else if (outcome.status === "declined") say(text("declinedLine", { reason: outcome.reason, code: outcome.reasonCode }));
  else if (outcome.status === "error") say(text("errorLine", { message: outcome.message }));
}

function cardLine(card: SavedCardView): HTMLLIElement {
  const item = document.createElement("li");
  const label = `${card.brand} •••• ${card.lastFour}, ${String(card.expMonth).padStart(2, "0")}/${String(card.expYear).slice(-2)}${card.expired ? ` (${text("expired")})` : ""}`;
  const payWith = document.createElement("button");
  payWith.type = "button";
  payWith.textContent = text("payWith", { card: label });
  payWith.disabled = card.expired;
  payWith.addEventListener("click", () => void payWithSaved(card));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = text("removeCard");
  remove.setAttribute("aria-label", text("removeCardLabel", { card: label }));
  remove.addEventListener("click", () => {
    if (!confirm(text("removeAsk", { card: label }))) return;
    void fetch(`${endpoint}/saved-cards/${encodeURIComponent(card.id)}`, { method: "DELETE" }).then(() => loadCards());
  });
  item.append(payWith, " ", remove);
  return item;
}

async function loadCards(): Promise<void> {
  const section = document.getElementById("saved");
  const list = document.getElementById("saved-cards");
  if (!section || !list) return;
  const { body } = await json<SavedCardsResponse>(`${endpoint}/saved-cards`);
  // The shop's server says whether this shopper may save a card here.
  const saveRow = document.getElementById("save-row");
  if (saveRow) saveRow.hidden = body.canSave !== true;
  widget?.update({ saveCard: saveCard() });
  list.textContent = "";
  for (const card of body.cards ?? []) list.append(cardLine(card));
  section.hidden = (body.cards ?? []).length === 0;
}

async function setUpLogin(): Promise<void> {
  const select = document.getElementById("customer") as HTMLSelectElement | null;
  if (!select) return;
  const { body } = await json<{ customer: string | null; customers: string[] }>("/api/demo/session");
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
    }).then(() => loadCards());
  });
  await loadCards();
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
    if (returning && stored) {
      // The widget reads the outcome off the URL (once, this tab's trip only); the shop's record first.
      const search = location.search;
      mountWidget(stored.order);
      void showRecord(search, stored.order.invoiceId);
    } else {
      trip.forget();
      await newOrder();
    }
    await setUpLogin();
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="scheme"]')) radio.addEventListener("change", () => void newOrder());
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="page"]')) radio.addEventListener("change", () => widget?.update({ paymentPage: paymentPage() }));
    document.getElementById("save-card")?.addEventListener("change", () => widget?.update({ saveCard: saveCard() }));
  } catch (error) {
    reportStartupError(error);
  }
}

void main();
