// The texts every widget draws before a payment has an answer, the card form's and hosted mode's
// alike: the Pay button, Close, Try again, the failures that need no answer, and the one brand name
// a language spells its own way (brandLabel; the saved cards' lists read it too). [en, ru] as the
// other tables (text-table.ts).
import type { TextTable } from "./text-table.ts";

export const commonTexts = {
  pay: ["Pay {amount}", "Оплатить {amount}"],
  close: ["Close", "Закрыть"],
  retry: ["Try again", "Попробовать снова"],
  failedTitle: ["Payment failed", "Не удалось провести платёж"],
  Status_Submitting: ["Processing the payment…", "Платёж обрабатывается…"],
  Status_Failed: ["Payment failed. {message}", "Не удалось провести платёж. {message}"],
  Error_Network: ["No connection. Check your internet and try again", "Нет связи. Проверьте интернет и попробуйте снова"],
  Error_Config: ["The payment form is set up incorrectly. Please tell the shop", "Форма оплаты настроена неверно. Сообщите об этом магазину"],
  Error_Unknown: ["Something went wrong. Try again", "Что-то пошло не так. Попробуйте снова"],
  Mir: ["Mir", "Мир"],
} satisfies TextTable<string>;

export type CommonTextKey = keyof typeof commonTexts;
