// checkout.js compatibility: the merchant's own form, cp.Checkout makes the cryptogram, and the
// page posts it to its own endpoint. 3-D Secure here goes by a top-level form post to the ACS.
import type { PayResponse } from "../../server/contract.ts";
import { formatAmount, pageLanguage, startCheckout } from "./shop.ts";
import { cpCheckout } from "./widget-global.ts";
import type { CreatedOrder, ShopConfig } from "./shop.ts";

// The shop's own form speaks the page's language too.
const FIELD_MESSAGES: Record<"ru" | "en", Record<string, string>> = {
  ru: {
    CardNumber_Empty: "Введите номер карты",
    CardNumber_Invalid: "Проверьте номер карты",
    Cvv_Empty: "Введите CVC",
    Cvv_Invalid: "Проверьте CVC",
    ExpDateMonthYear_Empty: "Введите срок действия",
    ExpDateMonthYear_Invalid: "Проверьте срок действия",
    ExpDateMonth_Empty: "Введите месяц",
    ExpDateMonth_Invalid: "Проверьте месяц",
    ExpDateYear_Empty: "Введите год",
    ExpDateYear_Invalid: "Проверьте год",
    Name_Empty: "Введите имя",
    Name_Invalid: "Имя латинскими буквами, как на карте",
    Name_TooLong: "Слишком длинное имя",
    Name_TooShort: "Слишком короткое имя",
  },
  en: {
    CardNumber_Empty: "Enter the card number",
    CardNumber_Invalid: "Check the card number",
    Cvv_Empty: "Enter the CVC",
    Cvv_Invalid: "Check the CVC",
    ExpDateMonthYear_Empty: "Enter the expiry date",
    ExpDateMonthYear_Invalid: "Check the expiry date",
    ExpDateMonth_Empty: "Enter the month",
    ExpDateMonth_Invalid: "Check the month",
    ExpDateYear_Empty: "Enter the year",
    ExpDateYear_Invalid: "Check the year",
    Name_Empty: "Enter the name",
    Name_Invalid: "The name in Latin letters, as on the card",
    Name_TooLong: "The name is too long",
    Name_TooShort: "The name is too short",
  },
};

const ANSWERS = {
  ru: { paid: "Оплачено", declined: "Отказ", toBank: "Переход на страницу банка…", error: "Ошибка", order: "заказ", failed: "Не удалось отправить платёж" },
  en: { paid: "Paid", declined: "Declined", toBank: "Going to your bank's page…", error: "Error", order: "order", failed: "Could not send the payment" },
} as const;

function setText(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

function postToAcs(answer: Extract<PayResponse, { status: "3ds" }>): void {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = answer.acsUrl;
  for (const [name, value] of [
    ["MD", String(answer.transactionId)],
    ["PaReq", answer.paReq],
    ["TermUrl", answer.termUrl],
  ] as const) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

function showAnswer(answer: PayResponse, order: CreatedOrder): void {
  const words = ANSWERS[pageLanguage()];
  switch (answer.status) {
    case "approved":
      setText("result", `${words.paid}: ${formatAmount(answer.amount, answer.currency)}, ${answer.cardType} •••• ${answer.cardLastFour}`);
      return;
    case "declined":
      setText("result", `${words.declined}: ${answer.message}`);
      return;
    case "3ds":
      setText("result", words.toBank);
      postToAcs(answer);
      return;
    case "error":
      setText("result", `${words.error}: ${answer.message} (${words.order} ${order.invoiceId})`);
      return;
  }
}

function run(config: ShopConfig, order: CreatedOrder): void {
  const form = document.getElementById("card-form");
  if (!(form instanceof HTMLFormElement)) return;
  const Checkout = cpCheckout();
  const checkout = new Checkout({ publicId: config.publicId, container: form, publicKeyUrl: config.publicKeyUrl });
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) submit.disabled = false;
  const requestId = crypto.randomUUID();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (submit) submit.disabled = true;
    setText("form-errors", "");
    setText("result", "");
    checkout
      .createPaymentCryptogram()
      .then(async (cryptogram) => {
        const response = await fetch(`${config.endpoint}/pay`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Request-ID": requestId },
          body: JSON.stringify({ cryptogram, name: "DEMO SHOPPER", invoiceId: order.invoiceId }),
        });
        showAnswer((await response.json()) as PayResponse, order);
      })
      .catch((errors: unknown) => {
        const codes = typeof errors === "object" && errors !== null ? Object.values(errors as Record<string, unknown>) : [];
        const lang = pageLanguage();
        const messages = codes.map((code) => (typeof code === "string" ? FIELD_MESSAGES[lang][code] ?? code : ANSWERS[lang].error));
        setText("form-errors", messages.length > 0 ? messages.join(". ") : ANSWERS[lang].failed);
      })
      .finally(() => {
        if (submit) submit.disabled = false;
      });
  });
}

void startCheckout(run);
