// The shopper texts of everything drawn before the late code arrives, ru and en: the card form,
// its errors (the checkout.js codes of shared/card), the modal, and the failure a chunk that does
// not load ends in. Kept flat and short: they ship on the critical path. Texts needed only once a
// payment has an answer are in late/i18n/late-texts.ts; a form-path view cannot name them
// (Translator<FormTextKey>).

export const formEn = {
  form: "Card payment",
  cardNumber: "Card number",
  expiry: "Expiry date",
  expiryPlaceholder: "MM/YY",
  cvc: "CVC",
  name: "Name on card",
  email: "Email for the receipt",
  pay: "Pay {amount}",
  nameLatin: "Type the name in Latin letters, as on the card",
  cardBrand: "Card: {brand}",
  close: "Close",
  retry: "Try again",
  failedTitle: "Payment failed",

  Status_Submitting: "Processing the payment…",
  Status_Failed: "Payment failed: {message}",

  CardNumber_Empty: "Enter the card number",
  CardNumber_Invalid: "The card number is invalid",
  Cvv_Empty: "Enter the CVC",
  Cvv_Invalid: "The CVC is invalid",
  ExpDateMonthYear_Empty: "Enter the expiry date",
  ExpDateMonthYear_Invalid: "The expiry date is invalid",
  Name_Empty: "Enter the name on the card",
  Name_Invalid: "Use Latin letters, as on the card",
  Name_TooLong: "The name is too long",
  Name_TooShort: "The name is too short",
  Email_Empty: "Enter your email",
  Email_Invalid: "The email is invalid",

  Error_Network: "No connection. Check your internet and try again",
  Error_Config: "The payment form is set up incorrectly. Please tell the shop",
  Error_Unknown: "Something went wrong. Try again",
};

export type FormTextKey = keyof typeof formEn;

export const formRu: Record<FormTextKey, string> = {
  form: "Оплата картой",
  cardNumber: "Номер карты",
  expiry: "Срок действия",
  expiryPlaceholder: "ММ/ГГ",
  cvc: "CVC",
  name: "Имя на карте",
  email: "Эл. почта для чека",
  pay: "Оплатить {amount}",
  nameLatin: "Введите имя латиницей, как на карте",
  cardBrand: "Карта: {brand}",
  close: "Закрыть",
  retry: "Попробовать снова",
  failedTitle: "Не удалось провести платёж",

  Status_Submitting: "Платёж обрабатывается…",
  Status_Failed: "Не удалось провести платёж: {message}",

  CardNumber_Empty: "Введите номер карты",
  CardNumber_Invalid: "Неверный номер карты",
  Cvv_Empty: "Введите CVC",
  Cvv_Invalid: "Неверный CVC",
  ExpDateMonthYear_Empty: "Введите срок действия",
  ExpDateMonthYear_Invalid: "Неверный срок действия",
  Name_Empty: "Введите имя, как на карте",
  Name_Invalid: "Латинскими буквами, как на карте",
  Name_TooLong: "Слишком длинное имя",
  Name_TooShort: "Слишком короткое имя",
  Email_Empty: "Введите эл. почту",
  Email_Invalid: "Неверный адрес эл. почты",

  Error_Network: "Нет связи. Проверьте интернет и попробуйте снова",
  Error_Config: "Форма оплаты настроена неверно. Сообщите об этом магазину",
  Error_Unknown: "Что-то пошло не так. Попробуйте снова",
};
