// Shopper texts needed only once a payment has an answer: result and 3-D Secure views, their
// statuses, the gateway's decline messages (`R_*`, shared by several ReasonCodes, see reasons.ts),
// the errors the payment flow reports, and the card codes only cp.Checkout produces. They ship
// with the late code, which is always there before an answer exists.
//
// Each key once, its English and Russian text side by side: [en, ru]. (Two dictionaries named
// every key twice, and the late file's bytes are what the shopper waits for.)

const TEXTS = {
  threeDsTitle: ["Confirm the payment", "Подтверждение платежа"],
  cancel: ["Cancel", "Отменить"],
  threeDsFrame: ["Your bank's confirmation page", "Страница подтверждения вашего банка"],
  approvedTitle: ["Payment successful", "Оплата прошла"],
  declinedTitle: ["Payment declined", "Платёж отклонён"],
  paidWith: ["{brand} •••• {last4}", "{brand} •••• {last4}"],
  orderNumber: ["Order {number}", "Заказ № {number}"],
  backToShop: ["Back to the shop", "Вернуться в магазин"],
  otherCard: ["Pay with another card", "Оплатить другой картой"],
  threeDsLoading: ["Loading your bank's page…", "Загружаем страницу банка…"],
  Status_ThreeDs: ["Confirm the payment on your bank's page", "Подтвердите платёж на странице банка"],
  Status_Redirect: ["Opening your bank's page…", "Открываем страницу банка…"],
  Status_Approved: ["Payment successful", "Оплата прошла"],
  Status_Declined: ["Payment declined. {message}", "Платёж отклонён. {message}"],
  Error_Timeout: ["The server took too long to answer. Try again", "Сервер не ответил вовремя. Попробуйте снова"],
  Error_Server: ["The payment service is unavailable. Try again later", "Сервис оплаты временно недоступен. Попробуйте позже"],
  Error_BadRequest: ["The shop could not accept the payment. Please tell the shop", "Магазин не смог принять платёж. Сообщите об этом магазину"],
  Error_AlreadyPaid: ["This order is already paid", "Этот заказ уже оплачен"],
  Error_BadResponse: ["Unexpected answer from the server. Try again later", "Неожиданный ответ сервера. Попробуйте позже"],
  Error_ThreeDs: ["The bank could not confirm the payment. Try again", "Банк не смог подтвердить платёж. Попробуйте снова"],
  Error_Declined: ["The payment was declined. Use a different card or contact your bank", "Платёж отклонён. Воспользуйтесь другой картой или свяжитесь с банком"],
  ThreeDs_Cancelled: ["You cancelled the confirmation with your bank. Nothing was charged: you can pay again", "Вы отменили подтверждение платежа в банке. Деньги не списаны, можно оплатить снова"],
  Error_Crypto: ["Could not protect the card data. Reload the page and try again", "Не удалось защитить данные карты. Обновите страницу и попробуйте снова"],
  // The gateway's CardHolderMessage texts (docs/cloudpayments.md, reason codes), with ё written as ё
  // like every other text here; the English ones say the same.
  R_Bank: ["Contact your bank or use a different card", "Свяжитесь с вашим банком или воспользуйтесь другой картой"],
  R_Check: ["Check the card details or use a different card", "Проверьте правильность введённых данных карты или воспользуйтесь другой картой"],
  R_Online: ["Use a different card or contact the bank that issued the card", "Воспользуйтесь другой картой или свяжитесь с банком, выпустившим карту"],
  R_Amount: ["Check the amount", "Проверьте корректность суммы"],
  R_Other: ["Use a different card", "Воспользуйтесь другой картой"],
  R_Later: ["Try again later", "Повторите попытку позже"],
  R_Restricted: ["Payments with this card are not allowed. Try a different card", "Платежи для этой карты запрещены. Попробуйте другую карту"],
  R_Funds: ["Insufficient funds on the card", "Недостаточно средств на карте"],
  R_Fraud: ["Contact your bank or use a different card", "Свяжитесь с банком или воспользуйтесь другой картой"],
  R_Limit: ["The card's payment limit is exceeded. Change the limit or pay with a different card", "Превышение лимита оплаты по карте. Измените настройки лимита или оплатите другой картой"],
  R_Cvv: ["The CVC is incorrect", "Неверно указан код CVV"],
  R_LaterOther: ["Try again later or use a different card", "Повторите попытку позже или воспользуйтесь другой картой"],
  R_Auth: ["Contact your bank or use a different card", "Свяжитесь с вашим банком или воспользуйтесь другой картой"],
  R_Unable: ["The payment cannot be made", "Невозможно провести оплату"],
  R_Support: ["Contact the shop's support", "Обратитесь в поддержку сайта"],
  R_Payout: ["The payout cannot be made", "Невозможно провести выплату"],
  R_Order: ["Invalid order number", "Неверный номер заказа"],
  R_Account: ["Invalid payer ID", "Некорректный идентификатор плательщика"],
  R_Sum: ["Invalid amount", "Неверная сумма"],
  R_Expired: ["The payment has expired", "Платёж просрочен"],
  R_NotAccepted: ["The payment cannot be accepted", "Платёж не может быть принят"],
  R_Unavailable: ["The service is unavailable", "Сервис недоступен"],
  R_Connection: ["Connection error", "Ошибка соединения"],
  // cp.Checkout's codes for separate month and year inputs (it rejects with codes; the form never shows these).
  ExpDateMonth_Empty: ["Enter the month", "Введите месяц"],
  ExpDateMonth_Invalid: ["The month is invalid", "Неверный месяц"],
  ExpDateYear_Empty: ["Enter the year", "Введите год"],
  ExpDateYear_Invalid: ["The year is invalid", "Неверный год"],
  // The payment flow's outcomes (docs/outcomes.md).
  Hosted_Cancelled: ["You left the payment page. Nothing was charged: you can pay again", "Вы ушли со страницы оплаты. Деньги не списаны, можно оплатить снова"],
  Error_InProgress: ["A payment for this order is already in progress. Wait a minute, then check the order", "Платёж по этому заказу уже выполняется. Подождите минуту и проверьте заказ"],
  Error_TooManyAttempts: ["Too many payment attempts. Try again later", "Слишком много попыток оплаты. Попробуйте позже"],
  Error_TooManyAttemptsIn: ["Too many payment attempts. Try again in {minutes}", "Слишком много попыток оплаты. Попробуйте снова через {minutes}"],
  Minutes_one: ["{n} minute", "{n} минуту"],
  Minutes_few: ["{n} minutes", "{n} минуты"],
  Minutes_many: ["{n} minutes", "{n} минут"],
  Minutes_other: ["{n} minutes", "{n} минуты"],
  Error_Rejected: ["The payment could not be processed. Check the card details or use a different card", "Не удалось провести платёж. Проверьте данные карты или воспользуйтесь другой картой"],
  Error_SavedCard: ["This card is no longer saved. Choose another way to pay", "Эта карта больше не сохранена. Выберите другой способ оплаты"],
  Error_Unconfirmed: ["The payment could not be confirmed. Please contact the shop", "Не удалось подтвердить платёж. Свяжитесь с магазином"],
  paidTitle: ["This order is already paid", "Этот заказ уже оплачен"],
  paidText: ["The payment was received earlier: there is nothing more to pay", "Оплата уже получена, платить ещё раз не нужно"],
  Status_Paid: ["This order is already paid", "Этот заказ уже оплачен"],
} satisfies Record<string, readonly [en: string, ru: string]>;

export type LateTextKey = keyof typeof TEXTS;

function dictionary(at: 0 | 1): Record<LateTextKey, string> {
  return Object.fromEntries(Object.entries(TEXTS).map(([key, texts]) => [key, texts[at]])) as Record<LateTextKey, string>;
}

export const lateEn = dictionary(0);
export const lateRu = dictionary(1);
