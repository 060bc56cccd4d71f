// The saved cards' texts, [en, ru] as the other tables (shared/i18n/form-texts.ts). They ship in
// the saved-cards file only: a shopper without saved cards never downloads them. A merchant's
// `texts` option overrides them by key as any other text.
import { commonTexts, translatorFor } from "../shared/index.ts";
import type { CommonTextKey, TextTable, Translator } from "../shared/index.ts";

export const savedTexts = {
  savedTitle: ["Your saved cards", "Сохранённые карты"],
  savedCard: ["{brand} •••• {last4}", "{brand} •••• {last4}"],
  savedExpiry: ["Expires {date}", "Действует до {date}"],
  savedExpired: ["Expired {date}", "Истёк срок {date}"],
  savedAnother: ["Pay with another card", "Оплатить другой картой"],
  savedBack: ["Back to saved cards", "К сохранённым картам"],
  savedRemove: ["Remove", "Удалить"],
  savedRemoveCard: ["Remove {card}", "Удалить {card}"],
  savedRemoveAsk: ["Remove {card} from your saved cards?", "Удалить {card} из сохранённых карт?"],
  savedRemoveYes: ["Yes, remove", "Да, удалить"],
  savedRemoveNo: ["Keep it", "Оставить"],
  savedRemoving: ["Removing…", "Удаляем…"],
  savedRemoved: ["{card} removed", "{card} удалена"],
  savedRemoveFailed: ["The card could not be removed. Try again later", "Не удалось удалить карту. Попробуйте позже"],
  savedGone: ["This card is no longer saved. Choose another card or pay with a new one", "Эта карта больше не сохранена. Выберите другую карту или оплатите новой"],
  savedGoneLast: ["This card is no longer saved. Pay with a new card", "Эта карта больше не сохранена. Оплатите новой картой"],
  savedNoneValid: ["Your saved cards have expired: pay with another card", "Срок действия сохранённых карт истёк: оплатите другой картой"],
  saveCard: ["Save this card for next payments", "Сохранить карту для следующих оплат"],
  savedUnknownBrand: ["Card", "Карта"],
} satisfies TextTable<string>;

export type SavedTextKey = keyof typeof savedTexts;
/** The common texts too: Pay, and the brand name brandLabel reads ("Мир"); none of the card form's. */
export type SavedTranslator = Translator<SavedTextKey | CommonTextKey>;

export const createSavedTranslator = /* @__PURE__ */ translatorFor<SavedTextKey | CommonTextKey>({ ...commonTexts, ...savedTexts });
