// checkout.js compatibility: the merchant's own form, cp.Checkout makes the cryptogram, and the
// page posts it to its own endpoint. 3-D Secure here goes by a top-level form post to the ACS, and
// the shop sends the shopper back to this page (the order names it) with the kit's signed outcome.
// What the page shows then is the shop's record of the order (/api/return-status), never the URL's
// word; the order is kept in this tab's sessionStorage for the trip (never card data), so the page
// comes back to the same order, and a reload of the paid page offers no new payment.
import type { PayResponse } from "../../server/contract.ts";
import { hrefIn } from "../merchant/demo-texts.ts";
import { formatAmount, loadConfig, pageLanguage, reportStartupError, showOrder, startCheckout, tripStore } from "./shop.ts";
import { cpCheckout } from "./widget-global.ts";
import type { CreatedOrder, ShopConfig, TripContext } from "./shop.ts";

const trip = tripStore("demo:checkoutjs-order");

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
  ru: {
    paid: "Оплачено",
    declined: "Отказ",
    toBank: "Переход на страницу банка…",
    error: "Ошибка",
    order: "заказ",
    failed: "Не удалось отправить платёж",
    notPaid: "Заказ не оплачен: банк не подтвердил платёж. Можно оплатить снова",
    unknown: "Не удалось узнать, оплачен ли заказ. Не платите снова: обновите страницу позже",
    newOrder: "Новый заказ",
  },
  en: {
    paid: "Paid",
    declined: "Declined",
    toBank: "Going to your bank's page…",
    error: "Error",
    order: "order",
    failed: "Could not send the payment",
    notPaid: "The order is not paid: the bank did not confirm the payment. You can pay again",
    unknown: "Could not find out whether the order is paid. Do not pay again: reload the page later",
    newOrder: "New order",
  },
} as const;

/** The kit's signed outcome in the address, when the shop sent the shopper back from the bank. */
function returnQuery(): URLSearchParams | null {
  const params = new URLSearchParams(location.search);
  return params.has("status") && params.has("sig") && params.has("invoiceId") ? params : null;
}

function paidText(amount: number, currency: string, cardType: string, lastFour: string | null): string {
  return `${ANSWERS[pageLanguage()].paid}: ${formatAmount(amount, currency)}, ${cardType}${lastFour ? ` •••• ${lastFour}` : ""}`;
}

/** The thank-you state: the order, what was paid, a link to a new order; no form to pay again. */
function showPaid(context: TripContext): void {
  showOrder(context.order, context.lang);
  const form = document.getElementById("card-form");
  if (form) form.hidden = true;
  const result = document.getElementById("result");
  if (!result) return;
  const again = document.createElement("a");
  again.href = hrefIn("/checkoutjs", context.lang);
  again.textContent = ANSWERS[context.lang].newOrder;
  again.addEventListener("click", () => trip.forget());
  const note = document.createElement("span");
  note.className = "paid";
  note.textContent = `${context.paid ?? ""} `;
  result.replaceChildren(note, again);
}

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
    case "approved": {
      const paid = paidText(answer.amount, answer.currency, answer.cardType, answer.cardLastFour);
      trip.save({ order, lang: pageLanguage(), paid });
      showPaid({ order, lang: pageLanguage(), paid });
      return;
    }
    case "declined":
      setText("result", `${words.declined}: ${answer.message}`);
      return;
    case "3ds":
      setText("result", words.toBank);
      // The order goes on the trip in this tab, so the page comes back to it.
      trip.save({ order, lang: pageLanguage() });
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

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // One X-Request-ID per attempt: Pay pressed again after a decline is a new attempt.
    const requestId = crypto.randomUUID();
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

/** Back from the bank: the same order, and what the shop's record says of it. */
async function comeBack(query: URLSearchParams, stored: TripContext | null): Promise<boolean> {
  // The outcome leaves the address at once (a reload must not read it again), the language stays.
  history.replaceState(null, "", hrefIn("/checkoutjs", pageLanguage()));
  const order = stored?.order.invoiceId === query.get("invoiceId") ? stored.order : null;
  if (!order) return false;
  const words = ANSWERS[pageLanguage()];
  showOrder(order);
  let recorded: string | undefined;
  try {
    const answer = await fetch(`/api/return-status?${query.toString()}`);
    recorded = answer.ok ? ((await answer.json()) as { status?: string }).status : undefined;
  } catch {
    recorded = undefined;
  }
  if (recorded === "paid" || recorded === "authorized") {
    // The card facts are the kit's signed ones; that the order is paid is the shop's record.
    const paid = paidText(Number(query.get("amount")), query.get("currency") ?? order.currency, query.get("cardType") ?? "", query.get("cardLastFour"));
    const context: TripContext = { order, lang: pageLanguage(), paid };
    trip.save(context);
    showPaid(context);
    return true;
  }
  if (recorded === undefined || recorded === "3ds") {
    // Not known yet: never offer to pay what may be paid.
    const form = document.getElementById("card-form");
    if (form) form.hidden = true;
    setText("result", words.unknown);
    return true;
  }
  run(await loadConfig(), order);
  setText("result", words.notPaid);
  return true;
}

async function start(): Promise<void> {
  const stored = trip.read();
  const query = returnQuery();
  if (query && (await comeBack(query, stored))) return;
  // Reloading the thank-you page: still paid, nothing to pay.
  if (!query && stored?.paid && stored.lang === pageLanguage()) {
    showPaid(stored);
    return;
  }
  await startCheckout(run);
}

start().catch(reportStartupError);
