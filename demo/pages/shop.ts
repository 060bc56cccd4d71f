// What every demo checkout page does: read the shop's config, price the cart (a draft order, placed
// when the shopper pays), log widget events; all in the page's one language.
import type { CancelPayload, CheckoutOptions, CompletePayload, FailPayload, Language, SuccessPayload } from "../../widget/src/index.ts";
import type { PaymentScheme } from "../../server/contract.ts";
import { demoText, formatMoney, hrefIn, langOf, SHOP_NAME } from "../merchant/demo-texts.ts";
import type { DemoTextKey } from "../merchant/demo-texts.ts";

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
  items?: { name: string; qty: number; amount: number }[];
}

/** What a page keeps across the shopper's top-level trip to the bank. */
export interface TripContext {
  order: CreatedOrder;
  lang: Language;
  /** What was paid, once known: a reload of the thank-you page shows it, not a new order. */
  paid?: string;
}

/** The page's trip context in sessionStorage under `key` (the tab's own, gone when it closes). */
export function tripStore(key: string): { read(): TripContext | null; save(context: TripContext): void; forget(): void } {
  return {
    read() {
      try {
        const raw = sessionStorage.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as Partial<TripContext>) : null;
        return parsed?.order && (parsed.lang === "ru" || parsed.lang === "en") ? (parsed as TripContext) : null;
      } catch {
        return null;
      }
    },
    save: (context) => sessionStorage.setItem(key, JSON.stringify(context)),
    forget: () => sessionStorage.removeItem(key),
  };
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

/** Prices the cart: an invoice number and the amount; the order itself is placed when the shopper pays. */
export function createOrder(cart: readonly CartItem[] = DEFAULT_CART, scheme: PaymentScheme = "charge"): Promise<CreatedOrder> {
  return getJson<CreatedOrder>("/api/orders", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    // `page`: where a top-level trip to the bank comes back to (the shop allows its own pages only).
    body: JSON.stringify({ items: cart, scheme, lang: pageLanguage(), page: location.pathname }),
  });
}

/** `?lang=en` switches the page and the widget to English (the server renders the page so). */
export function pageLanguage(): Language {
  return langOf(new URLSearchParams(location.search).get("lang"));
}

/** `?theme=dark` shows the page and the widget dark (the screenshots use it). */
export function pageTheme(): "light" | "dark" {
  return new URLSearchParams(location.search).get("theme") === "dark" ? "dark" : "light";
}

if (typeof document !== "undefined" && pageTheme() === "dark") document.documentElement.dataset.theme = "dark";

/** The page's own words, in its language. */
export function text(key: DemoTextKey, params?: Record<string, string | number>): string {
  return demoText(pageLanguage(), key, params);
}

/** One currency format on every page, the widget's: `1 950,00 ₽`, `₽1,950.00`. */
export function formatAmount(amount: number, currency: string, language: Language = pageLanguage()): string {
  return formatMoney(amount, currency, language);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

export function showOrder(order: CreatedOrder, language: Language = pageLanguage()): void {
  const target = document.getElementById("order");
  if (!target) return;
  target.textContent = "";
  target.append(element("p", demoText(language, "orderNumber", { number: order.invoiceId }), "number"));
  const list = document.createElement("ul");
  list.className = "items";
  for (const item of order.items ?? [{ name: order.description, qty: 1, amount: order.amount }]) {
    const line = document.createElement("li");
    line.append(element("span", `${item.name} × ${item.qty}`), element("span", formatAmount(item.amount, order.currency, language)));
    list.append(line);
  }
  const total = document.createElement("p");
  total.className = "total";
  total.append(element("span", demoText(language, "total")), element("span", formatAmount(order.amount, order.currency, language)));
  target.append(list, total);
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
    merchantName: SHOP_NAME[pageLanguage()],
    shopUrl: hrefIn("/", pageLanguage()),
    language: pageLanguage(),
    ...(pageTheme() === "dark" ? { appearance: { theme: "dark" } } : {}),
    onSuccess: (payload) => logEvent("success", describeSuccess(payload)),
    onFail: (payload) => logEvent("fail", describeFail(payload)),
    onComplete: (payload) => logEvent("complete", describeComplete(payload)),
    onCancel: (payload) => logEvent("cancel", describeCancel(payload)),
    ...extra,
  };
}

export function reportStartupError(error: unknown): void {
  const target = document.getElementById("order");
  if (target) target.textContent = text("startFailed", { message: error instanceof Error ? error.message : String(error) });
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
