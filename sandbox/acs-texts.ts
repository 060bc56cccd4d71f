// The ACS page's texts in Russian (the gateway's default) and English.
export type AcsLang = "ru" | "en";

export interface AcsTexts {
  title: string;
  heading: string;
  intro: string;
  merchant: string;
  amount: string;
  card: string;
  /** Read by screen readers instead of the mask dots. */
  cardEnding: string;
  codeLabel: string;
  codeHint: string;
  confirm: string;
  cancel: string;
  returning: string;
  continue: string;
  returnFormLabel: string;
  badRequestTitle: string;
  badRequest: string;
}

export const ACS_TEXTS: Record<AcsLang, AcsTexts> = {
  ru: {
    title: "Подтверждение платежа — тестовый банк",
    heading: "Подтверждение платежа",
    intro: "Тестовый банк песочницы. Введите одноразовый код, чтобы подтвердить оплату.",
    merchant: "Магазин",
    amount: "Сумма",
    card: "Карта",
    cardEnding: "заканчивается на",
    codeLabel: "Одноразовый код",
    codeHint: "Тестовый код: 123456. Любой другой код отклонит оплату.",
    confirm: "Подтвердить",
    cancel: "Отменить",
    returning: "Возвращаемся в магазин…",
    continue: "Вернуться в магазин",
    returnFormLabel: "Возврат в магазин",
    badRequestTitle: "Неверный запрос",
    badRequest: "Страницу подтверждения открыли с неверными данными.",
  },
  en: {
    title: "Payment confirmation — test bank",
    heading: "Confirm your payment",
    intro: "The sandbox's test bank. Enter the one-time code to confirm the payment.",
    merchant: "Shop",
    amount: "Amount",
    card: "Card",
    cardEnding: "ending in",
    codeLabel: "One-time code",
    codeHint: "Test code: 123456. Any other code declines the payment.",
    confirm: "Confirm",
    cancel: "Cancel",
    returning: "Returning to the shop…",
    continue: "Return to the shop",
    returnFormLabel: "Return to the shop",
    badRequestTitle: "Bad request",
    badRequest: "The confirmation page was opened with invalid data.",
  },
};

/**
 * An explicit `lang` ("ru" | "en") wins; otherwise the first of ru/en in Accept-Language by
 * preference; otherwise Russian, the gateway's default culture.
 */
export function pickLang(hint: string | null | undefined, acceptLanguage: string | null | undefined): AcsLang {
  const h = hint?.trim().toLowerCase().slice(0, 2);
  if (h === "ru" || h === "en") return h;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) if (entry.primary === "ru" || entry.primary === "en") return entry.primary;
  return "ru";
}
