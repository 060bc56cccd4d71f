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
  shop: "Магазин",
  payment: "Платёж",
  refunds: "Возвраты",
  note: "Примечание",
  deposit: "Списать",
  reverse: "Отменить",
  releaseHold: "Снять блокировку",
  autopayment: "автоплатёж",
  staffNotice:
    "Служебная страница демо-магазина: здесь видны карты всех заказов и кнопки, которые двигают деньги. Настоящий магазин прячет её за входом для сотрудников; демо пускает того, кто открыл служебную ссылку, напечатанную при запуске.",
  autopayTitle: "Автоплатежи (по инициативе магазина)",
  autopayIntro:
    "Списать с сохранённой карты демо-покупателя новый заказ (чай × 1) без покупателя: chargeSavedCard из набора для сервера. Карта сохраняется, если оплатить, войдя в демо-аккаунт, с галочкой «Сохранить карту» (страница RBS или виджета).",
  customer: "Покупатель",
  chargeCol: "Списание",
  chargeAmount: "Списать {amount}",
  chargeTo: "Списать {amount} с карты {card} покупателя {customer}",
  autopayFor: "Автоплатёж для {customer}…",
  autopayDone: "Автоплатёж {number}: {result}",
  autopayFailed: "Автоплатёж: {message}",
  noSavedCards: "Сохранённых карт пока нет: войдите на странице RBS (или виджета) и оплатите с «Сохранить карту».",
  expired: "истекла",
  staffOnlyText: "Это служебная страница магазина: все заказы, карты, которыми их оплатили, и кнопки возврата денег. Она только для сотрудников.",
  staffOnlyHow: "Настоящий магазин прячет её за входом для сотрудников. Демо пускает того, кто открыл служебную ссылку, которую напечатал npm run demo при запуске (/orders?staff=…).",
  noOrders: "Заказов пока нет: заказ появляется, когда покупатель нажимает «Оплатить» на одной из страниц оплаты.",
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
  st_abandoned: "3-D Secure не пройден, можно оплатить",
  st_paid: "оплачен",
  st_authorized: "деньги заблокированы",
  st_confirmed: "подтверждён",
  st_voided: "отменён",
  st_refunded: "возвращён",
  st_declined: "отклонён",
  st_error: "ошибка",
  st_hosted: "на странице шлюза",
  st_cancelled: "покупатель ушёл без оплаты",
  demoLogin: "Демо-вход",
  guest: "Гость",
  nextOrder: "Следующий заказ",
  savedWidgetHint: "Войдите (alice или bob), оплатите с галочкой «Сохранить карту», затем нажмите «Следующий заказ»: виджет покажет сохранённую карту, оплата в один клик.",
  payOnInvoice: "Оплата на странице Invoice",
  payOnRBS: "Оплата на странице RBS",
  hostedNote:
    "Виджет в режиме платёжной страницы (checkout-widget-hosted.js): сервер магазина регистрирует платёж, покупатель вводит карту на странице шлюза в окне виджета или уходя на неё целиком.",
  pageLegend: "Страница шлюза",
  pageFrame: "В окне виджета",
  pageRedirect: "Переходом на неё (redirect)",
  invoiceHint: "Invoice не хранит карт: каждая оплата вводится на его странице. Тестовая карта из руководства Invoice:",
  invoiceCard: "01/22, CVC 852, код 123456.",
  schemeLegend: "Схема",
  oneStage: "Одностадийная (деньги списываются сразу)",
  twoStage: "Двухстадийная (блокировка; списание или отмена на /orders)",
  savedCards: "Ваши сохранённые карты",
  returned: "Заказ {number}: {status}",
  unknownStatus: "неизвестно",
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
  shop: "Shop",
  payment: "Payment",
  refunds: "Refunds",
  note: "Note",
  deposit: "Deposit",
  reverse: "Reverse",
  releaseHold: "Release hold",
  autopayment: "autopayment",
  staffNotice:
    "Staff view of the demo shop: it shows every order's card and moves money. A real shop keeps it behind its staff login; the demo lets in whoever opened the staff link it printed at start.",
  autopayTitle: "Autopayments (merchant-initiated)",
  autopayIntro:
    "Charge a demo customer's saved card for a new order (tea × 1), without the shopper: the kit's chargeSavedCard. Cards are saved by paying logged in, with \"Save this card\" (RBS page, or the widget).",
  customer: "Customer",
  chargeCol: "Charge",
  chargeAmount: "Charge {amount}",
  chargeTo: "Charge {amount} to {customer}'s {card}",
  autopayFor: "Autopayment for {customer}…",
  autopayDone: "Autopayment {number}: {result}",
  autopayFailed: "Autopayment: {message}",
  noSavedCards: "No saved cards yet: log in on the RBS page (or a widget page) and pay with \"Save this card\".",
  expired: "expired",
  staffOnlyText: "This is the shop's staff view: every order, the card that paid it, and the buttons that refund money. It is for the shop's staff only.",
  staffOnlyHow: "A real shop puts it behind its staff login. The demo lets in whoever opens the staff link npm run demo printed when it started (/orders?staff=…).",
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
  st_abandoned: "3-D Secure left, open for payment",
  st_paid: "paid",
  st_authorized: "money held",
  st_confirmed: "confirmed",
  st_voided: "voided",
  st_refunded: "refunded",
  st_declined: "declined",
  st_error: "error",
  st_hosted: "on the gateway's page",
  st_cancelled: "left without paying",
  demoLogin: "Demo login",
  guest: "Guest",
  nextOrder: "Next order",
  savedWidgetHint: "Log in (alice or bob), pay with \"Save this card\" ticked, then press \"Next order\": the widget lists the saved card, one click pays.",
  payOnInvoice: "Paying on Invoice's page",
  payOnRBS: "Paying on RBS's page",
  hostedNote:
    "The widget in hosted mode (checkout-widget-hosted.js): the shop's server registers the payment, and the shopper types the card on the gateway's page, in the widget's frame or by going there.",
  pageLegend: "The gateway's page",
  pageFrame: "In the widget's frame",
  pageRedirect: "By going there (redirect)",
  invoiceHint: "Invoice keeps no cards: every payment is typed on its page. Test card printed in Invoice's guide:",
  invoiceCard: "01/22, CVC 852, code 123456.",
  schemeLegend: "Scheme",
  oneStage: "One-stage (money taken at once)",
  twoStage: "Two-stage (held; deposit or reverse on /orders)",
  savedCards: "Your saved cards",
  returned: "Order {number}: {status}",
  unknownStatus: "unknown",
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
