// The hosted card page's texts in Russian (the gateways' default) and English.
import type { HostedDecline } from "./outcome.ts";

export type HostedLang = "ru" | "en";

export interface HostedTexts {
  title: string;
  heading: string;
  sandboxNote: string;
  merchant: string;
  amount: string;
  description: string;
  cardNumber: string;
  expiry: string;
  expiryHint: string;
  cvc: string;
  cvcHint: string;
  holder: string;
  optional: string;
  /** "{amount}" is replaced by the formatted amount. */
  pay: string;
  paying: string;
  leave: string;
  otherLang: string;
  errorSummary: string;
  numberInvalid: string;
  expiryInvalid: string;
  expiryPast: string;
  cvcInvalid: string;
  holderInvalid: string;
  codeTitle: string;
  codeHeading: string;
  codeIntro: string;
  card: string;
  cardEnding: string;
  codeLabel: string;
  codeHint: string;
  codeInvalid: string;
  confirm: string;
  cancel: string;
  approvedHeading: string;
  approvedText: string;
  declinedHeading: string;
  declines: Record<HostedDecline, string>;
  paidHeading: string;
  paidText: string;
  failedHeading: string;
  failedText: string;
  closedHeading: string;
  closedText: string;
  expiredHeading: string;
  expiredText: string;
  leftHeading: string;
  leftText: string;
  notFoundHeading: string;
  notFoundText: string;
  sessionHeading: string;
  sessionText: string;
  badRequestHeading: string;
  badRequestText: string;
}

export const HOSTED_TEXTS: Record<HostedLang, HostedTexts> = {
  ru: {
    title: "Оплата картой — тестовый шлюз",
    heading: "Оплата картой",
    sandboxNote: "Тестовая страница оплаты песочницы: деньги не списываются.",
    merchant: "Магазин",
    amount: "Сумма",
    description: "Назначение",
    cardNumber: "Номер карты",
    expiry: "Срок действия",
    expiryHint: "ММ/ГГ",
    cvc: "CVC/CVV",
    cvcHint: "3 или 4 цифры на обороте карты",
    holder: "Имя владельца",
    optional: "необязательно",
    pay: "Оплатить {amount}",
    paying: "Оплачиваем…",
    leave: "Вернуться в магазин",
    otherLang: "English",
    errorSummary: "Проверьте данные карты:",
    numberInvalid: "Введите верный номер карты.",
    expiryInvalid: "Введите срок действия в виде ММ/ГГ.",
    expiryPast: "Срок действия карты истёк.",
    cvcInvalid: "Введите CVC: 3 или 4 цифры.",
    holderInvalid: "Имя владельца не длиннее 100 символов.",
    codeTitle: "Подтверждение платежа — тестовый банк",
    codeHeading: "Подтверждение платежа",
    codeIntro: "Банк просит подтвердить оплату одноразовым кодом.",
    card: "Карта",
    cardEnding: "заканчивается на",
    codeLabel: "Одноразовый код",
    codeHint: "Тестовый код: 123456. Любой другой код отклонит оплату.",
    codeInvalid: "Введите одноразовый код.",
    confirm: "Подтвердить",
    cancel: "Отменить",
    approvedHeading: "Оплата прошла",
    approvedText: "Спасибо! Платёж принят. Эту страницу можно закрыть.",
    declinedHeading: "Оплата не прошла",
    declines: {
      insufficient_funds: "Недостаточно средств на карте.",
      expired_card: "Срок действия карты истёк или указан неверно.",
      authentication_failed: "Платёж не подтверждён: неверные данные карты или код подтверждения.",
      invalid_card: "Такой карты нет. Проверьте номер.",
      do_not_honor: "Банк отклонил платёж. Свяжитесь с банком или оплатите другой картой.",
    },
    paidHeading: "Счёт уже оплачен",
    paidText: "Этот счёт уже оплачен. Повторно платить не нужно.",
    failedHeading: "Оплата не прошла",
    failedText: "Попытка оплаты этого счёта завершилась неудачей. Вернитесь в магазин и попробуйте снова.",
    closedHeading: "Счёт отменён",
    closedText: "Магазин отменил этот счёт. Оплатить его нельзя.",
    expiredHeading: "Время на оплату истекло",
    expiredText: "Срок оплаты этого счёта истёк. Вернитесь в магазин и начните оплату заново.",
    leftHeading: "Оплата не завершена",
    leftText: "Вы вернулись, не оплатив счёт.",
    notFoundHeading: "Счёт не найден",
    notFoundText: "Ссылка на оплату неверна или устарела.",
    sessionHeading: "Сеанс подтверждения истёк",
    sessionText: "Откройте страницу оплаты заново и введите данные карты ещё раз.",
    badRequestHeading: "Неверный запрос",
    badRequestText: "Страницу оплаты открыли с неверными данными.",
  },
  en: {
    title: "Card payment — test gateway",
    heading: "Pay by card",
    sandboxNote: "The sandbox's test payment page: no money is taken.",
    merchant: "Shop",
    amount: "Amount",
    description: "For",
    cardNumber: "Card number",
    expiry: "Expiry date",
    expiryHint: "MM/YY",
    cvc: "CVC/CVV",
    cvcHint: "3 or 4 digits on the back of the card",
    holder: "Name on card",
    optional: "optional",
    pay: "Pay {amount}",
    paying: "Paying…",
    leave: "Return to the shop",
    otherLang: "Русский",
    errorSummary: "Please check the card details:",
    numberInvalid: "Enter a valid card number.",
    expiryInvalid: "Enter the expiry date as MM/YY.",
    expiryPast: "The card has expired.",
    cvcInvalid: "Enter the CVC: 3 or 4 digits.",
    holderInvalid: "The name on the card must be at most 100 characters.",
    codeTitle: "Payment confirmation — test bank",
    codeHeading: "Confirm your payment",
    codeIntro: "Your bank asks you to confirm the payment with a one-time code.",
    card: "Card",
    cardEnding: "ending in",
    codeLabel: "One-time code",
    codeHint: "Test code: 123456. Any other code declines the payment.",
    codeInvalid: "Enter the one-time code.",
    confirm: "Confirm",
    cancel: "Cancel",
    approvedHeading: "Payment successful",
    approvedText: "Thank you! The payment went through. You can close this page.",
    declinedHeading: "Payment declined",
    declines: {
      insufficient_funds: "Insufficient funds on the card.",
      expired_card: "The card has expired or its expiry date is wrong.",
      authentication_failed: "The payment was not confirmed: wrong card details or confirmation code.",
      invalid_card: "No such card. Please check the number.",
      do_not_honor: "The bank declined the payment. Contact your bank or use another card.",
    },
    paidHeading: "Already paid",
    paidText: "This bill has already been paid. There is nothing more to pay.",
    failedHeading: "Payment declined",
    failedText: "The attempt to pay this bill failed. Return to the shop and try again.",
    closedHeading: "Bill cancelled",
    closedText: "The shop cancelled this bill. It can no longer be paid.",
    expiredHeading: "Time to pay has run out",
    expiredText: "This bill has expired. Return to the shop and start the payment again.",
    leftHeading: "Payment not completed",
    leftText: "You came back without paying.",
    notFoundHeading: "Bill not found",
    notFoundText: "The payment link is wrong or out of date.",
    sessionHeading: "The confirmation has expired",
    sessionText: "Open the payment page again and enter the card details once more.",
    badRequestHeading: "Bad request",
    badRequestText: "The payment page was opened with invalid data.",
  },
};
