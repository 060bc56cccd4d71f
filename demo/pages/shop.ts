// What every demo checkout page does: read the shop's config, create an order, log widget events.
import type { CancelPayload, CheckoutOptions, CompletePayload, FailPayload, Language, SuccessPayload } from "../../widget/src/index.ts";
import type { PaymentScheme } from "../../server/contract.ts";

export interface ShopConfig {
  publicId: string;
  publicKeyUrl: string;
  endpoint: string;
}

export interface CreatedOrder {
  invoiceId: string;
  amount: number;
  currency: string;
  description: string;
}

export interface CartItem {
  sku: string;
  qty: number;
}

export const DEFAULT_CART: readonly CartItem[] = [
  { sku: "tea", qty: 2 },
  { sku: "mug", qty: 1 },
];

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function loadConfig(): Promise<ShopConfig> {
  return getJson<ShopConfig>("/api/config");
}

export function createOrder(cart: readonly CartItem[] = DEFAULT_CART, scheme: PaymentScheme = "charge"): Promise<CreatedOrder> {
  return getJson<CreatedOrder>("/api/orders", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ items: cart, scheme }),
  });
}

/** `?lang=en` switches the widget (and these pages' own few words) to English. */
export function pageLanguage(): Language {
  return new URLSearchParams(location.search).get("lang") === "en" ? "en" : "ru";
}

export function formatAmount(amount: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "ru-RU", { style: "currency", currency }).format(amount);
}

export function showOrder(order: CreatedOrder, language: Language): void {
  const target = document.getElementById("order");
  if (!target) return;
  target.textContent = "";
  const title = document.createElement("strong");
  title.textContent = `№ ${order.invoiceId}`;
  const items = document.createElement("span");
  items.textContent = ` ${order.description}. `;
  const total = document.createElement("span");
  total.className = "total";
  total.textContent = `${language === "en" ? "Total" : "Итого"}: ${formatAmount(order.amount, order.currency, language)}`;
  target.append(title, items, total);
  target.dataset.invoiceId = order.invoiceId;
}

/** Appends one line to the page's event log (what the merchant's callbacks received). */
export function logEvent(name: string, detail: string): void {
  const list = document.getElementById("events");
  if (!list) return;
  const item = document.createElement("li");
  item.dataset.event = name;
  item.textContent = `${name}: ${detail}`;
  list.append(item);
}

export function describeSuccess(payload: SuccessPayload): string {
  return `transaction ${payload.transactionId}, ${payload.amount} ${payload.currency}, ${payload.cardType} •••• ${payload.cardLastFour}`;
}

/** `kind [code] reasonCode: message`: the stable code is what a merchant branches on. */
export function describeFail(payload: FailPayload): string {
  return `${payload.kind} [${payload.code}]${payload.reasonCode !== undefined ? ` ${payload.reasonCode}` : ""}: ${payload.message}`;
}

export function describeCancel(payload: CancelPayload): string {
  return `${payload.stage}${payload.transactionId !== undefined ? ` ${payload.transactionId}` : ""}: ${payload.message}`;
}

export function describeComplete(payload: CompletePayload): string {
  return payload.status === "approved" ? `approved ${payload.transactionId}` : `${payload.status}`;
}

/** Options every page shares; the page adds its own (scheme, threeDs, nonce…). */
export function widgetOptions(config: ShopConfig, order: CreatedOrder, extra: Partial<CheckoutOptions> = {}): CheckoutOptions {
  return {
    publicId: config.publicId,
    publicKeyUrl: config.publicKeyUrl,
    endpoint: config.endpoint,
    invoiceId: order.invoiceId,
    amount: order.amount,
    currency: order.currency,
    description: order.description,
    language: pageLanguage(),
    onSuccess: (payload) => logEvent("success", describeSuccess(payload)),
    onFail: (payload) => logEvent("fail", describeFail(payload)),
    onComplete: (payload) => logEvent("complete", describeComplete(payload)),
    onCancel: (payload) => logEvent("cancel", describeCancel(payload)),
    ...extra,
  };
}

export function reportStartupError(error: unknown): void {
  const target = document.getElementById("order");
  if (target) target.textContent = `Could not start the checkout: ${error instanceof Error ? error.message : String(error)}`;
}

/** Creates the order and loads config together, shows the order, hands both on. */
export async function startCheckout(
  run: (config: ShopConfig, order: CreatedOrder) => void | Promise<void>,
  cart: readonly CartItem[] = DEFAULT_CART,
  scheme: PaymentScheme = "charge",
): Promise<void> {
  try {
    const [config, order] = await Promise.all([loadConfig(), createOrder(cart, scheme)]);
    showOrder(order, pageLanguage());
    await run(config, order);
  } catch (error) {
    reportStartupError(error);
  }
}
