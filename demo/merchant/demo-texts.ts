// The demo shop's own words, in the two languages a page can be in (`?lang=en`, Russian by
// default). The server fills the layout and fragments with them (`{{t.key}}`), the page scripts
// read the same table, so one page is in one language from its title to its last button.
export type DemoLang = "ru" | "en";

/** A text in both languages, or one text for both (a page that has not been translated yet). */
export type Localized = string | Readonly<Record<DemoLang, string>>;

export function local(text: Localized, lang: DemoLang): string {
  return typeof text === "string" ? text : text[lang];
}

/** The `lang` query parameter's value: "en" → English; anything else, or none → Russian. */
export function langOf(value: string | null | undefined): DemoLang {
  return value === "en" ? "en" : "ru";
}

/** A link to `path` in the page's language (Russian needs no parameter). */
export function hrefIn(path: string, lang: DemoLang): string {
  return lang === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path;
}

export const SHOP_NAME: Readonly<Record<DemoLang, string>> = { ru: "Чайная лавка «Байкал»", en: "Baikal Tea House" };

const RU = {
  site: "Демо-магазин",
  pagesNav: "Страницы демо",
  languageNav: "Язык",
  order: "Ваш заказ",
  creatingOrder: "Собираем заказ…",
  total: "Итого",
  orderNumber: "Заказ № {number}",
  payByCard: "Оплата картой",
  payOrder: "Оплатить заказ",
  events: "События виджета",
  eventsHint: "Что получили обработчики магазина (onSuccess, onFail, onComplete).",
  startFailed: "Не удалось начать оплату: {message}",
  testCards: "Тестовые карты песочницы",
  testCardsIntro: "Срок действия: любой в будущем (например, {expiry}). CVC: любые 3 цифры. Код 3-D Secure: {code} (любой другой не проходит).",
  cardNumber: "Номер карты",
  brand: "Платёжная система",
  threeDs: "3-D Secure",
  result: "Результат",
  yes: "да",
  no: "нет",
  approved: "одобрен",
  insufficientFunds: "недостаточно средств",
  intro:
    "Небольшой магазин чая и кружек, который принимает оплату через офлайн-песочницу шлюза CloudPayments. Каждая страница ниже показывает один способ встроить виджет. Настоящие деньги не списываются.",
  ownForm: "Форма магазина",
  month: "Месяц",
  year: "Год",
  holder: "Имя держателя",
  pay: "Оплатить",
  ordersCaption: "Заказы, сначала новые",
  refresh: "Обновить",
  invoice: "Заказ",
  items: "Товары",
  amount: "Сумма",
  scheme: "Схема",
  status: "Статус",
  transaction: "Транзакция",
  card: "Карта",
  actions: "Действия",
  noOrders: "Заказов пока нет: заказ появляется, когда покупатель нажимает «Оплатить».",
  loading: "Загружаем…",
  confirm: "Подтвердить",
  void: "Отменить",
  refund: "Вернуть",
  confirmAsk: "Списать {amount} по заказу {number}?",
  voidAsk: "Отменить блокировку {amount} по заказу {number}? Деньги вернутся покупателю.",
  refundAsk: "Вернуть покупателю {amount} по заказу {number}?",
  yesDo: "Да, {action}",
  keep: "Не нужно",
  working: "{action}: заказ {number}…",
  done: "{action}: заказ {number} — готово",
  failedAction: "{action}: заказ {number} — {message}",
  charge: "одностадийная",
  auth: "двухстадийная",
  st_new: "новый",
  st_3ds: "ждёт 3-D Secure",
  st_paid: "оплачен",
  st_authorized: "деньги заблокированы",
  st_confirmed: "подтверждён",
  st_voided: "отменён",
  st_refunded: "возвращён",
  st_declined: "отклонён",
  st_error: "ошибка",
  themesIntro: "Одни и те же переменные оформления (appearance.variables) — четыре вида. Скопируйте настройки под формой.",
  theme_light: "Светлая (по умолчанию)",
  theme_dark: "Тёмная",
  theme_forest: "Лес",
  theme_ink: "Чернила",
};

export type DemoTextKey = keyof typeof RU;

const EN: Record<DemoTextKey, string> = {
  site: "Demo shop",
  pagesNav: "Demo pages",
  languageNav: "Language",
  order: "Your order",
  creatingOrder: "Putting your order together…",
  total: "Total",
  orderNumber: "Order {number}",
  payByCard: "Card payment",
  payOrder: "Pay for the order",
  events: "Widget events",
  eventsHint: "What the shop's callbacks received (onSuccess, onFail, onComplete).",
  startFailed: "Could not start the checkout: {message}",
  testCards: "Sandbox test cards",
  testCardsIntro: "Expiry: any future date (e.g. {expiry}). CVC: any 3 digits. 3-D Secure code: {code} (anything else fails).",
  cardNumber: "Card number",
  brand: "Brand",
  threeDs: "3-D Secure",
  result: "Result",
  yes: "yes",
  no: "no",
  approved: "approved",
  insufficientFunds: "insufficient funds",
  intro:
    "A small shop selling tea and mugs, paying through an offline sandbox of the CloudPayments gateway. Each page below shows one way to embed the widget. Nothing real is charged.",
  ownForm: "The shop's own form",
  month: "Month",
  year: "Year",
  holder: "Cardholder",
  pay: "Pay",
  ordersCaption: "Orders, newest first",
  refresh: "Refresh",
  invoice: "Order",
  items: "Items",
  amount: "Amount",
  scheme: "Scheme",
  status: "Status",
  transaction: "Transaction",
  card: "Card",
  actions: "Actions",
  noOrders: "No orders yet: an order appears when a shopper presses Pay.",
  loading: "Loading…",
  confirm: "Confirm",
  void: "Void",
  refund: "Refund",
  confirmAsk: "Take {amount} for order {number}?",
  voidAsk: "Release the {amount} held for order {number}? The shopper gets the money back.",
  refundAsk: "Refund {amount} of order {number} to the shopper?",
  yesDo: "Yes, {action}",
  keep: "Cancel",
  working: "{action}: order {number}…",
  done: "{action}: order {number} — done",
  failedAction: "{action}: order {number} — {message}",
  charge: "one-stage",
  auth: "two-stage",
  st_new: "new",
  st_3ds: "awaiting 3-D Secure",
  st_paid: "paid",
  st_authorized: "money held",
  st_confirmed: "confirmed",
  st_voided: "voided",
  st_refunded: "refunded",
  st_declined: "declined",
  st_error: "error",
  themesIntro: "The same appearance variables (appearance.variables), four looks. The settings are under each form, ready to copy.",
  theme_light: "Light (the default)",
  theme_dark: "Dark",
  theme_forest: "Forest",
  theme_ink: "Ink",
};

const TEXTS: Readonly<Record<DemoLang, Readonly<Record<DemoTextKey, string>>>> = { ru: RU, en: EN };

/** The demo's text for `key`, `{name}` placeholders filled. */
export function demoText(lang: DemoLang, key: DemoTextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

export function isDemoTextKey(key: string): key is DemoTextKey {
  return key in RU;
}

/** Amounts as the widget shows them: `1 950,00 ₽` in Russian, `₽1,950.00` in English. */
export function formatMoney(amount: number, currency: string, lang: DemoLang): string {
  try {
    return new Intl.NumberFormat(lang, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
