// The shopper texts of everything drawn before the late code arrives, ru and en: the card form,
// its errors (the checkout.js codes of shared/card), the modal, and the failure a chunk that does
// not load ends in. Kept flat and short: they ship on the critical path. Texts needed only once a
// payment has an answer are in late/i18n/late-texts.ts; a form-path view cannot name them
// (Translator<FormTextKey>).
import { commonTexts } from "./common-texts.ts";
import type { TextTable } from "./text-table.ts";
// Each key once, with its English and Russian text side by side: [en, ru] (translatorFor reads
// this table as it is; two dictionaries would name every key twice).

export const formTexts = {
  ...commonTexts,
  form: ["Card payment", "Оплата картой"],
  cardNumber: ["Card number", "Номер карты"],
  expiry: ["Expiry date", "Срок действия"],
  expiryPlaceholder: ["MM/YY", "ММ/ГГ"],
  cvc: ["CVC", "CVC"],
  cvcHint: ["3 digits on the back", "3 цифры на обороте"],
  cvcHintFront: ["4 digits on the front", "4 цифры на лицевой стороне"],
  cvcAgain: ["Enter the CVC again", "Введите CVC ещё раз"],
  name: ["Name on card", "Имя на карте"],
  email: ["Email for the receipt", "Эл. почта для чека"],
  nameLatin: ["Type the name in Latin letters, as on the card", "Введите имя латиницей, как на карте"],
  cardBrand: ["Card: {brand}", "Карта: {brand}"],
  acceptedBrands: ["Cards accepted: {brands}", "Принимаем карты: {brands}"],
  loading: ["Loading the payment form…", "Загружаем форму оплаты…"],


  CardNumber_Empty: ["Enter the card number", "Введите номер карты"],
  CardNumber_Incomplete: ["The card number is incomplete", "Номер карты введён не полностью"],
  CardNumber_Invalid: ["This is not a valid card number. Check it", "В номере карты ошибка. Проверьте его"],
  Cvv_Empty: ["Enter the CVC", "Введите CVC"],
  Cvv_Incomplete: ["Enter the 3 digits on the back of the card", "Введите 3 цифры с оборота карты"],
  Cvv_IncompleteFront: ["Enter the 4 digits on the front of the card", "Введите 4 цифры с лицевой стороны карты"],
  Cvv_Invalid: ["Check the CVC", "Проверьте CVC"],
  ExpDateMonthYear_Empty: ["Enter the expiry date", "Введите срок действия"],
  ExpDateMonthYear_Incomplete: ["Enter the month and year: MM/YY", "Введите месяц и год: ММ/ГГ"],
  ExpDateMonthYear_Expired: ["The card has expired", "Срок действия карты истёк"],
  ExpDateMonthYear_Invalid: ["Check the expiry date: MM/YY", "Проверьте срок действия: ММ/ГГ"],
  Name_Empty: ["Enter the name on the card", "Введите имя, как на карте"],
  Name_Invalid: ["Use Latin letters, as on the card", "Латинскими буквами, как на карте"],
  Name_TooLong: ["The name is too long", "Слишком длинное имя"],
  Name_TooShort: ["The name is too short", "Слишком короткое имя"],
  Email_Empty: ["Enter your email", "Введите эл. почту"],
  Email_Invalid: ["Check the email address", "Проверьте адрес эл. почты"],

} satisfies TextTable<string>;

export type FormTextKey = keyof typeof formTexts;
