// The texts of a payment's answer that both families show (the card form's late code and hosted
// mode): approved, declined with the gateway's reason, already paid, the endpoint's failures, a
// page left without paying. [en, ru] as the other tables. Of the decline texts (`R_*`, grouped by
// reasons.ts) here are the groups every gateway's declines reach: Invoice's and RBS's arrive mapped
// by the kit (server/gateway/decline-codes.ts) onto these; the groups only CloudPayments' own codes
// reach are the card flow's (late-texts.ts).
import type { TextTable } from "../../shared/index.ts";

export const answerTexts = {
  cancel: ["Cancel", "Отменить"],
  approvedTitle: ["Payment successful", "Оплата прошла"],
  declinedTitle: ["Payment declined", "Платёж отклонён"],
  paidWith: ["{brand} •••• {last4}", "{brand} •••• {last4}"],
  orderNumber: ["Order {number}", "Заказ № {number}"],
  backToShop: ["Back to the shop", "Вернуться в магазин"],
  Error_Timeout: ["The server took too long to answer. Try again", "Сервер не ответил вовремя. Попробуйте снова"],
  Error_Server: ["The payment service is unavailable. Try again later", "Сервис оплаты временно недоступен. Попробуйте позже"],
  Error_BadRequest: ["The shop could not accept the payment. Please tell the shop", "Магазин не смог принять платёж. Сообщите об этом магазину"],
  Error_AlreadyPaid: ["This order is already paid", "Этот заказ уже оплачен"],
  Error_BadResponse: ["Unexpected answer from the server. Try again later", "Неожиданный ответ сервера. Попробуйте позже"],
  Error_Declined: ["The payment was declined. Use a different card or contact your bank", "Платёж отклонён. Воспользуйтесь другой картой или свяжитесь с банком"],
  // The gateway's CardHolderMessage texts (docs/cloudpayments.md, reason codes), with ё written as ё
  // like every other text here; the English ones say the same.
  R_Bank: ["Contact your bank or use a different card", "Свяжитесь с вашим банком или воспользуйтесь другой картой"],
  R_Check: ["Check the card details or use a different card", "Проверьте правильность введённых данных карты или воспользуйтесь другой картой"],
  R_Online: ["Use a different card or contact the bank that issued the card", "Воспользуйтесь другой картой или свяжитесь с банком, выпустившим карту"],
  R_Later: ["Try again later", "Повторите попытку позже"],
  R_Restricted: ["Payments with this card are not allowed. Try a different card", "Платежи для этой карты запрещены. Попробуйте другую карту"],
  R_Funds: ["Insufficient funds on the card", "Недостаточно средств на карте"],
  R_Fraud: ["Contact your bank or use a different card", "Свяжитесь с банком или воспользуйтесь другой картой"],
  R_Limit: ["The card's payment limit is exceeded. Change the limit or pay with a different card", "Превышение лимита оплаты по карте. Измените настройки лимита или оплатите другой картой"],
  R_LaterOther: ["Try again later or use a different card", "Повторите попытку позже или воспользуйтесь другой картой"],
  R_Auth: ["Contact your bank or use a different card", "Свяжитесь с вашим банком или воспользуйтесь другой картой"],
  Hosted_Cancelled: ["You left the payment page. If you did not pay there, you can pay again", "Вы ушли со страницы оплаты. Если вы там не оплатили, можно оплатить снова"],
  Error_InProgress: ["A payment for this order is already in progress. Wait a minute, then check the order", "Платёж по этому заказу уже выполняется. Подождите минуту и проверьте заказ"],
  Error_TooManyAttempts: ["Too many payment attempts. Try again later", "Слишком много попыток оплаты. Попробуйте позже"],
  Error_Unconfirmed: ["The payment could not be confirmed. Please contact the shop", "Не удалось подтвердить платёж. Свяжитесь с магазином"],
  paidTitle: ["This order is already paid", "Этот заказ уже оплачен"],
  paidText: ["The payment was received earlier: there is nothing more to pay", "Оплата уже получена, платить ещё раз не нужно"],
} satisfies TextTable<string>;

export type AnswerTextKey = keyof typeof answerTexts;
