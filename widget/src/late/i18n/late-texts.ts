// Shopper texts needed only once a payment has an answer: the answers both families show
// (answer-texts.ts), and the card flow's own: 3-D Secure's views and statuses, its errors, and the
// card codes only cp.Checkout produces. They ship with the late code, which is always there
// before an answer exists.
// Each key once, with its English and Russian text side by side: [en, ru], as form-texts.ts.
import type { TextTable } from "../../shared/index.ts";
import { answerTexts } from "./answer-texts.ts";

export const lateTexts = {
  ...answerTexts,
  // The live region's words for an answer, the wait after too many attempts in minutes, and the
  // decline groups only CloudPayments' own codes reach.
  Error_TooManyAttemptsIn: ["Too many payment attempts. Try again in {minutes}", "Слишком много попыток оплаты. Попробуйте снова через {minutes}"],
  Minutes_one: ["{n} minute", "{n} минуту"],
  Minutes_few: ["{n} minutes", "{n} минуты"],
  Minutes_many: ["{n} minutes", "{n} минут"],
  Minutes_other: ["{n} minutes", "{n} минуты"],
  Status_Approved: ["Payment successful", "Оплата прошла"],
  Status_Declined: ["Payment declined. {message}", "Платёж отклонён. {message}"],
  R_Amount: ["Check the amount", "Проверьте корректность суммы"],
  R_Other: ["Use a different card", "Воспользуйтесь другой картой"],
  R_Cvv: ["The CVC is incorrect", "Неверно указан код CVV"],
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
  Error_SavedCard: ["This card is no longer saved. Choose another way to pay", "Эта карта больше не сохранена. Выберите другой способ оплаты"],
  Status_Paid: ["This order is already paid", "Этот заказ уже оплачен"],
  threeDsTitle: ["Confirm the payment", "Подтверждение платежа"],
  threeDsFrame: ["Your bank's confirmation page", "Страница подтверждения вашего банка"],
  otherCard: ["Pay with another card", "Оплатить другой картой"],
  threeDsLoading: ["Loading your bank's page…", "Загружаем страницу банка…"],
  Status_ThreeDs: ["Confirm the payment on your bank's page", "Подтвердите платёж на странице банка"],
  Status_Redirect: ["Opening your bank's page…", "Открываем страницу банка…"],
  Error_ThreeDs: ["The bank could not confirm the payment. Try again", "Банк не смог подтвердить платёж. Попробуйте снова"],
  ThreeDs_Cancelled: ["You cancelled the confirmation with your bank. Nothing was charged: you can pay again", "Вы отменили подтверждение платежа в банке. Деньги не списаны, можно оплатить снова"],
  // The gateway refused the card data (a cryptogram it cannot read): the card flow's alone.
  Error_Rejected: ["The payment could not be processed. Check the card details or use a different card", "Не удалось провести платёж. Проверьте данные карты или воспользуйтесь другой картой"],
  Error_Crypto: ["Could not protect the card data. Reload the page and try again", "Не удалось защитить данные карты. Обновите страницу и попробуйте снова"],
  // cp.Checkout's codes for separate month and year inputs (it rejects with codes; the form never shows these).
  ExpDateMonth_Empty: ["Enter the month", "Введите месяц"],
  ExpDateMonth_Invalid: ["The month is invalid", "Неверный месяц"],
  ExpDateYear_Empty: ["Enter the year", "Введите год"],
  ExpDateYear_Invalid: ["The year is invalid", "Неверный год"],
} satisfies TextTable<string>;

export type LateTextKey = keyof typeof lateTexts;
