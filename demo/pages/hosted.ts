// The Invoice and RBS pages, until the widget's hosted mode: create the order, start the payment
// on the shop's endpoint (POST {endpoint}/pay without card data → `redirect`), send the whole page
// to the gateway's card page, and, back here, show the shop's record of the order (never what
// the returning URL says). RBS: saved cards of the logged-in demo shopper, paid in one click.
import type { PayAnswer, SavedCardsResponse, SavedCardView } from "../../server/contract.ts";
import type { PaymentScheme } from "../../server/contract.ts";
import { DEFAULT_CART, formatAmount, logEvent, pageLanguage, reportStartupError, showOrder, text, type CreatedOrder } from "./shop.ts";
import { isDemoTextKey } from "../merchant/demo-texts.ts";

const root = document.getElementById("hosted");
const shop = root?.dataset.shop === "rbs" ? "rbs" : "invoice";
const endpoint = `/api/${shop}`;
const payButton = document.getElementById("pay") as HTMLButtonElement | null;
const result = document.getElementById("result");
let order: CreatedOrder | null = null;

function say(text: string): void {
  if (result) result.textContent = text;
}

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json().catch(() => ({}))) as T };
}

function scheme(): PaymentScheme {
  const checked = document.querySelector<HTMLInputElement>('input[name="scheme"]:checked');
  return checked?.value === "auth" ? "auth" : "charge";
}

async function newOrder(): Promise<void> {
  const created = await json<CreatedOrder>("/api/orders", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items: DEFAULT_CART, scheme: scheme(), gateway: shop, lang: pageLanguage() }),
  });
  if (created.status !== 201) throw new Error(`POST /api/orders: HTTP ${created.status}`);
  order = created.body;
  showOrder(order, pageLanguage());
  if (payButton) payButton.disabled = false;
}

/** Back from the gateway (top level): the kit redirected here with ?status=…&invoiceId=…; the shop's record says what happened. */
async function showReturn(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const invoiceId = params.get("invoiceId");
  const status = params.get("status");
  if (invoiceId === null || status === null) return;
  // The shop's record, asked with the kit's signed link (the link alone proves nothing).
  const recorded = await json<{ status?: string; message?: string }>(`/api/return-status${location.search}`);
  const recordedStatus = recorded.body.status;
  const statusKey = `st_${recordedStatus ?? ""}`;
  const shown = isDemoTextKey(statusKey) ? text(statusKey) : (recordedStatus ?? recorded.body.message ?? text("unknownStatus"));
  const line = text("returned", { number: invoiceId, status: shown });
  logEvent("returned", `${line}; the link said ${status}`);
  say(line);
  const clean = new URL(location.href);
  for (const name of ["status", "transactionId", "invoiceId", "amount", "currency", "cardType", "cardLastFour", "captured", "reasonCode", "code", "exp", "sig"]) clean.searchParams.delete(name);
  history.replaceState(history.state, "", clean.toString());
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

async function pay(body: Record<string, unknown>): Promise<void> {
  if (!order) return;
  if (payButton) payButton.disabled = true;
  say("…");
  const answer = await json<PayAnswer>(`${endpoint}/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Request-ID": crypto.randomUUID() },
    body: JSON.stringify({ invoiceId: order.invoiceId, language: pageLanguage(), ...body }),
  });
  const outcome = answer.body;
  logEvent("pay", `${answer.status} ${outcome.status}`);
  switch (outcome.status) {
    case "redirect":
      rememberLanguage();
      location.assign(outcome.url);
      return;
    case "3ds":
      rememberLanguage();
      goToBank(outcome);
      return;
    case "approved":
      say(text("paidLine", { amount: formatAmount(outcome.amount, outcome.currency), card: `${outcome.cardType} •••• ${outcome.cardLastFour}` }));
      return;
    case "declined":
      say(text("declinedLine", { reason: outcome.reason, code: outcome.reasonCode }));
      break;
    case "error":
      say(text("errorLine", { message: outcome.message }));
      break;
  }
  if (payButton) payButton.disabled = false;
}

function cardLine(card: SavedCardView): HTMLLIElement {
  const item = document.createElement("li");
  const label = `${card.brand} •••• ${card.lastFour}, ${String(card.expMonth).padStart(2, "0")}/${String(card.expYear).slice(-2)}${card.expired ? ` (${text("expired")})` : ""}`;
  const payWith = document.createElement("button");
  payWith.type = "button";
  payWith.textContent = text("payWith", { card: label });
  payWith.disabled = card.expired;
  payWith.addEventListener("click", () => void pay({ savedCardId: card.id }));
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
  const refresh = () => void loadCards();
  select.addEventListener("change", () => {
    void fetch("/api/demo/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customer: select.value === "" ? null : select.value }),
    }).then(refresh);
  });
  refresh();
}

// The gateway sends the shopper back to one fixed address without `?lang`: this tab remembers the
// language it left in (nothing else) and comes back in it.
const LANG_KEY = `demo-hosted-lang-${shop}`;

function rememberLanguage(): void {
  sessionStorage.setItem(LANG_KEY, pageLanguage());
}

function restoreLanguage(): boolean {
  const url = new URL(location.href);
  const left = sessionStorage.getItem(LANG_KEY);
  sessionStorage.removeItem(LANG_KEY);
  if (left !== "en" || url.searchParams.has("lang") || !url.searchParams.has("status")) return false;
  url.searchParams.set("lang", left);
  location.replace(url.href);
  return true;
}

async function main(): Promise<void> {
  if (restoreLanguage()) return;
  try {
    await showReturn();
    await Promise.all([newOrder(), setUpLogin()]);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="scheme"]')) radio.addEventListener("change", () => void newOrder());
    payButton?.addEventListener("click", () => {
      const save = document.getElementById("save-card") as HTMLInputElement | null;
      void pay(save?.checked ? { saveCard: true } : {});
    });
  } catch (error) {
    reportStartupError(error);
  }
}

void main();
