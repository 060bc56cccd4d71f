// checkout.js compatibility: the merchant's own form, cp.Checkout makes the cryptogram, and the
// page posts it to its own endpoint. 3-D Secure here goes by a top-level form post to the ACS.
import type { PayResponse } from "../../server/contract.ts";
import { formatAmount, startCheckout } from "./shop.ts";
import { cpCheckout } from "./widget-global.ts";
import type { CreatedOrder, ShopConfig } from "./shop.ts";

const FIELD_MESSAGES: Record<string, string> = {
  CardNumber_Empty: "Введите номер карты",
  CardNumber_Invalid: "Некорректный номер карты",
  Cvv_Empty: "Введите CVC",
  Cvv_Invalid: "Некорректный CVC",
  ExpDateMonthYear_Empty: "Введите срок действия",
  ExpDateMonthYear_Invalid: "Некорректный срок действия",
  ExpDateMonth_Empty: "Введите месяц",
  ExpDateMonth_Invalid: "Некорректный месяц",
  ExpDateYear_Empty: "Введите год",
  ExpDateYear_Invalid: "Некорректный год",
  Name_Empty: "Введите имя",
  Name_Invalid: "Некорректное имя",
  Name_TooLong: "Слишком длинное имя",
  Name_TooShort: "Слишком короткое имя",
};

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
  switch (answer.status) {
    case "approved":
      setText("result", `Оплачено: ${formatAmount(answer.amount, answer.currency, "ru")}, ${answer.cardType} •••• ${answer.cardLastFour}`);
      return;
    case "declined":
      setText("result", `Отказ: ${answer.message}`);
      return;
    case "3ds":
      setText("result", "Переход на страницу банка…");
      postToAcs(answer);
      return;
    case "error":
      setText("result", `Ошибка: ${answer.message} (заказ ${order.invoiceId})`);
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
        const messages = codes.map((code) => (typeof code === "string" ? FIELD_MESSAGES[code] ?? code : "Ошибка"));
        setText("form-errors", messages.length > 0 ? messages.join(". ") : "Не удалось отправить платёж");
      })
      .finally(() => {
        if (submit) submit.disabled = false;
      });
  });
}

void startCheckout(run);
