// What the RBS API answers: JSON with `errorCode` (a string, "0" = none) and `errorMessage` in the
// request's `language`, always HTTP 200, as the platform does. Handlers throw an RbsRefusal; the
// route turns it into the answer.

export type RbsLang = "ru" | "en";

/** The platform's error codes the sandbox answers (see docs/rbs.md). */
export type RbsErrorCode = "1" | "2" | "3" | "4" | "5" | "6" | "7";

export type RbsAnswer = Record<string, unknown>;

/** A message in both languages; the route picks one. */
export type Texts = Readonly<Record<RbsLang, string>>;

export class RbsRefusal extends Error {
  constructor(
    readonly errorCode: RbsErrorCode,
    readonly texts: Texts,
  ) {
    super(texts.en);
    this.name = "RbsRefusal";
  }
}

export const SUCCESS: Texts = { ru: "Успешно", en: "Success" };

export const refusals = {
  accessDenied: () => new RbsRefusal("5", { ru: "Доступ запрещён", en: "Access denied" }),
  missing: (name: string) =>
    new RbsRefusal("4", { ru: `Не указан обязательный параметр ${name}`, en: `Required parameter ${name} is missing` }),
  invalid: (name: string, why?: Texts) =>
    new RbsRefusal("5", {
      ru: `Неверное значение параметра ${name}${why ? `: ${why.ru}` : ""}`,
      en: `Invalid value of parameter ${name}${why ? `: ${why.en}` : ""}`,
    }),
  orderNumberUsed: () =>
    new RbsRefusal("1", { ru: "Заказ с таким номером уже обработан", en: "An order with this orderNumber is already registered" }),
  unknownCurrency: () => new RbsRefusal("3", { ru: "Неизвестная валюта", en: "Unknown currency" }),
  orderNotFound: () => new RbsRefusal("6", { ru: "Заказ не найден", en: "Order not found" }),
  wrongState: (why: Texts) =>
    new RbsRefusal("7", { ru: `Заказ в неверном состоянии: ${why.ru}`, en: `The order is in the wrong state: ${why.en}` }),
  bindingNotFound: () => new RbsRefusal("2", { ru: "Связка не найдена", en: "Binding not found" }),
  bindingInactive: () => new RbsRefusal("2", { ru: "Связка неактивна", en: "Binding is not active" }),
  noBindings: () => new RbsRefusal("2", { ru: "Информация о связках не найдена", en: "No bindings found" }),
  notForm: () =>
    new RbsRefusal("4", {
      ru: "Параметры передаются в форме (application/x-www-form-urlencoded) или в строке запроса",
      en: "Send the parameters form-encoded (application/x-www-form-urlencoded) or in the query string",
    }),
  system: () => new RbsRefusal("7", { ru: "Системная ошибка", en: "System error" }),
};

export function errorAnswer(refusal: RbsRefusal, lang: RbsLang): RbsAnswer {
  return { errorCode: refusal.errorCode, errorMessage: refusal.texts[lang] };
}

export function successAnswer(lang: RbsLang, fields: RbsAnswer = {}): RbsAnswer {
  return { errorCode: "0", errorMessage: SUCCESS[lang], ...fields };
}
