// Shopper texts needed only once a payment has an answer: the answers both families show
// (answer-texts.ts), and the card flow's own: 3-D Secure's views and statuses, its errors, and the
// card codes only cp.Checkout produces. They ship with the late code, which is always there
// before an answer exists.
// Each key once, with its English and Russian text side by side: [en, ru], as form-texts.ts.
import type { TextTable } from "../../shared/index.ts";
import { answerTexts } from "./answer-texts.ts";

export const lateTexts = {
  ...answerTexts,
  threeDsTitle: ["Confirm the payment", "Подтверждение платежа"],
  threeDsFrame: ["Your bank's confirmation page", "Страница подтверждения вашего банка"],
  otherCard: ["Pay with another card", "Оплатить другой картой"],
  threeDsLoading: ["Loading your bank's page…", "Загружаем страницу банка…"],
  Status_ThreeDs: ["Confirm the payment on your bank's page", "Подтвердите платёж на странице банка"],
  Status_Redirect: ["Opening your bank's page…", "Открываем страницу банка…"],
  Error_ThreeDs: ["The bank could not confirm the payment. Try again", "Банк не смог подтвердить платёж. Попробуйте снова"],
  ThreeDs_Cancelled: ["You cancelled the confirmation with your bank. Nothing was charged: you can pay again", "Вы отменили подтверждение платежа в банке. Деньги не списаны, можно оплатить снова"],
  Error_Crypto: ["Could not protect the card data. Reload the page and try again", "Не удалось защитить данные карты. Обновите страницу и попробуйте снова"],
  // cp.Checkout's codes for separate month and year inputs (it rejects with codes; the form never shows these).
  ExpDateMonth_Empty: ["Enter the month", "Введите месяц"],
  ExpDateMonth_Invalid: ["The month is invalid", "Неверный месяц"],
  ExpDateYear_Empty: ["Enter the year", "Введите год"],
  ExpDateYear_Invalid: ["The year is invalid", "Неверный год"],
} satisfies TextTable<string>;

export type LateTextKey = keyof typeof lateTexts;
