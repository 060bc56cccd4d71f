// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PayThreeDs } from "../../../server/contract.ts";
import type { CheckoutOptions } from "../shared/index.ts";
import { CheckoutView as CardForm } from "./checkout-view.tsx";
import { late, loadLate, setLateSource } from "./late.ts";
import { fakeController } from "./test-controller.ts";
import type { FakeController } from "./test-controller.ts";
import { useTestLate } from "./test-page.ts";

const acs = vi.hoisted(() => ({ calls: [] as Array<{ target: string; framed: boolean; challenge: unknown }> }));
vi.mock("../late/payment/index.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../late/payment/index.ts")>()),
  postToAcs: (challenge: unknown, target: string, doc: Document) => {
    // Records whether the named iframe was already in the document when the form was posted.
    acs.calls.push({ challenge, target, framed: doc.querySelector(`iframe[name="${target}"]`) !== null });
  },
}));

// The answers' views and texts are late code: here, as on a page, it has loaded by the time a
// payment has an answer. A view drawn before (the form, a failure) must not need it.
beforeAll(async () => {
  useTestLate();
  await loadLate();
});

afterEach(() => {
  cleanup();
  acs.calls.length = 0;
});

const OPTIONS: CheckoutOptions = {
  publicId: "pk_test",
  endpoint: "/api",
  invoiceId: "1001",
  amount: 1500,
  currency: "RUB",
  language: "ru",
};

function setup(options: Partial<CheckoutOptions> = {}, controller: FakeController = fakeController()) {
  const user = userEvent.setup();
  const view = render(<CardForm options={{ ...OPTIONS, ...options }} controller={controller} />);
  const en = options.language === "en";
  const field = (ru: string, english: string) => screen.getByLabelText(en ? english : ru) as HTMLInputElement;
  // Getters: a result screen has no fields, and the form may be rendered anew.
  return {
    user,
    controller,
    view,
    get number() {
      return field("Номер карты", "Card number");
    },
    get expiry() {
      return field("Срок действия", "Expiry date");
    },
    get cvc() {
      return field("CVC", "CVC");
    },
    get name() {
      return field("Имя на карте", "Name on card");
    },
    get pay() {
      return screen.getByRole("button", { name: en ? /Pay/ : /Оплатить/ }) as HTMLButtonElement;
    },
    live: screen.getByRole("status"),
  };
}

const spaces = (s: string | null | undefined) => (s ?? "").replace(/\s/g, " ");

async function fillValid(f: ReturnType<typeof setup>, number = "4242424242424242") {
  await f.user.type(f.number, number);
  await f.user.type(f.expiry, "1234");
  await f.user.type(f.cvc, "987");
  await f.user.type(f.name, "IVAN PETROV");
}

describe("card number", () => {
  it("formats by gaps as you type and shows the brand that follows the digits", async () => {
    const f = setup();
    await f.user.type(f.number, "4");
    expect(screen.getByRole("img", { name: "Карта: Visa" })).toBeTruthy();
    await f.user.clear(f.number);
    await f.user.type(f.number, "2200");
    expect(screen.getByRole("img", { name: "Карта: Мир" })).toBeTruthy();
    await f.user.clear(f.number);
    await f.user.type(f.number, "378282246310005");
    expect(f.number.value).toBe("3782 822463 10005");
    expect(screen.getByRole("img", { name: "Карта: American Express" })).toBeTruthy();
    // Amex: a 4-digit CVC, and focus went on to the expiry
    expect(document.activeElement).toBe(f.expiry);
    await f.user.type(f.cvc, "12345");
    expect(f.cvc.value).toBe("1234");
    await f.user.clear(f.number);
    expect(screen.queryByRole("img", { name: /^Карта:/ })).toBeNull();
  });

  it("shows the accepted brands, the typed one stands out; a merchant may switch the row off", async () => {
    const f = setup({ language: "en" });
    const row = screen.getByRole("img", { name: /^Cards accepted: / });
    expect(row.getAttribute("aria-label")).toBe("Cards accepted: Visa, Mastercard, Mir, Maestro, UnionPay, JCB, American Express, Diners Club, Discover");
    expect(row.querySelectorAll("svg")).toHaveLength(9);
    expect(row.querySelectorAll(".cw-dim")).toHaveLength(0);
    await f.user.type(f.number, "2200");
    expect(row.querySelectorAll(".cw-dim")).toHaveLength(8);
    cleanup();
    setup({ showBrands: false });
    expect(screen.queryByRole("img", { name: /^Принимаем карты/ })).toBeNull();
  });

  it("keeps the caret where the shopper is typing", async () => {
    const f = setup();
    await f.user.type(f.number, "42424242");
    expect(f.number.value).toBe("4242 4242");
    await f.user.type(f.number, "1", { initialSelectionStart: 2, initialSelectionEnd: 2 });
    expect(f.number.value).toBe("4214 2424 2");
    expect(f.number.selectionStart).toBe(3);
    await f.user.keyboard("9");
    expect(f.number.value).toBe("4219 4242 42");
    expect(f.number.selectionStart).toBe(4);
  });

  it("Backspace after a gap deletes a digit, not only the space", async () => {
    const f = setup();
    await f.user.type(f.number, "42424");
    await f.user.type(f.number, "{Backspace}{Backspace}");
    expect(f.number.value).toBe("424");
  });

  it("cleans a pasted number", async () => {
    const f = setup();
    await f.user.click(f.number);
    await f.user.paste("5555-5555 5555 4444");
    expect(f.number.value).toBe("5555 5555 5555 4444");
    expect(document.activeElement).toBe(f.expiry);
  });
});

describe("expiry, CVC and name", () => {
  it("adds the slash after the month and removes it with Backspace", async () => {
    const f = setup();
    await f.user.type(f.expiry, "1");
    expect(f.expiry.value).toBe("1");
    await f.user.type(f.expiry, "2");
    expect(f.expiry.value).toBe("12/");
    await f.user.type(f.expiry, "{Backspace}");
    expect(f.expiry.value).toBe("12");
    await f.user.clear(f.expiry);
    await f.user.type(f.expiry, "4");
    expect(f.expiry.value).toBe("04/");
  });

  it("moves focus on when a field is complete", async () => {
    const f = setup();
    await f.user.type(f.number, "5555555555554444");
    expect(document.activeElement).toBe(f.expiry);
    await f.user.type(f.expiry, "1234");
    expect(f.expiry.value).toBe("12/34");
    expect(document.activeElement).toBe(f.cvc);
    await f.user.type(f.cvc, "9x87");
    expect(f.cvc.value).toBe("987");
    expect(document.activeElement).toBe(f.name);
  });

  it("moves on from a 19-digit card only after its last digit, though its first 16 pass Luhn", async () => {
    const f = setup();
    // A Mir card of 19 digits whose first 16 happen to be a valid number themselves.
    await f.user.type(f.number, "2200000000000004");
    expect(document.activeElement).toBe(f.number);
    await f.user.type(f.number, "006");
    expect(f.number.value).toBe("2200 0000 0000 0004 006");
    expect(document.activeElement).toBe(f.expiry);
    expect(f.expiry.value).toBe("");
  });

  it("does not move on from a complete but invalid number", async () => {
    const f = setup();
    await f.user.type(f.number, "4242424242424241");
    expect(document.activeElement).toBe(f.number);
  });

  it("hints to type the name in Latin letters when Cyrillic is typed", async () => {
    const f = setup({ language: "en" });
    await f.user.type(f.name, "Иван");
    const hint = screen.getByText("Type the name in Latin letters, as on the card", { selector: "p" });
    expect(f.name.getAttribute("aria-describedby")).toContain(hint.id);
    expect(f.live.textContent).toBe("Type the name in Latin letters, as on the card");
    await f.user.tab();
    // on blur the error takes over from the hint
    expect(screen.getByText("Use Latin letters, as on the card")).toBeTruthy();
    expect(screen.queryByText("Type the name in Latin letters, as on the card", { selector: "p" })).toBeNull();
    await f.user.clear(f.name);
    await f.user.type(f.name, "Ivan");
    expect(screen.queryByText("Type the name in Latin letters, as on the card", { selector: "p" })).toBeNull();
  });
});

describe("validation", () => {
  it("shows an error on blur, not while typing, and clears it once the field is right", async () => {
    const f = setup();
    await f.user.type(f.number, "42424242");
    expect(f.number.getAttribute("aria-invalid")).toBe("false");
    expect(screen.queryByText("Номер карты введён не полностью")).toBeNull();
    await f.user.tab();
    const error = screen.getByText("Номер карты введён не полностью");
    expect(f.number.getAttribute("aria-invalid")).toBe("true");
    expect(f.number.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    expect(f.live.textContent).toBe("Номер карты: Номер карты введён не полностью");
    await f.user.type(f.number, "42424242");
    expect(f.number.getAttribute("aria-invalid")).toBe("false");
    expect(screen.queryByText("Номер карты введён не полностью")).toBeNull();
  });

  it("does not flag an untouched field when tabbing through", async () => {
    const f = setup();
    await f.user.tab();
    await f.user.tab();
    expect(f.number.getAttribute("aria-invalid")).toBe("false");
    expect(f.live.textContent).toBe("");
  });

  it("on submit shows every error in Russian and focuses the first invalid field", async () => {
    const f = setup();
    await f.user.type(f.number, "4242424242424242");
    await f.user.click(f.pay);
    expect(f.controller.submitted).toHaveLength(0);
    expect(screen.getByText("Введите срок действия")).toBeTruthy();
    expect(screen.getByText("Введите CVC")).toBeTruthy();
    expect(screen.getByText("Введите имя, как на карте")).toBeTruthy();
    expect(f.number.getAttribute("aria-invalid")).toBe("false");
    expect(document.activeElement).toBe(f.expiry);
    expect(f.live.textContent).toBe("Срок действия: Введите срок действия");
  });

  it("speaks English when asked", async () => {
    const f = setup({ language: "en" });
    await f.user.type(f.expiry, "13");
    await f.user.type(f.number, "4242424242424241");
    await f.user.click(f.pay);
    expect(screen.getByText("This is not a valid card number. Check it")).toBeTruthy();
    expect(screen.getByText("Enter the CVC")).toBeTruthy();
    expect(document.activeElement).toBe(f.number);
  });

  it("says what is wrong: an unfinished number, an unfinished date, a short CVC", async () => {
    const f = setup();
    await f.user.type(f.number, "220000000000");
    await f.user.type(f.expiry, "1");
    await f.user.type(f.cvc, "12");
    await f.user.click(f.pay);
    expect(screen.getByText("Номер карты введён не полностью")).toBeTruthy();
    expect(screen.getByText("Введите месяц и год: ММ/ГГ")).toBeTruthy();
    expect(screen.getByText("Введите 3 цифры с оборота карты")).toBeTruthy();
  });

  it("flags an expired date and a CVC too short for Amex", async () => {
    const f = setup({ language: "en" });
    await f.user.type(f.number, "378282246310005");
    await f.user.type(f.expiry, "0120");
    await f.user.type(f.cvc, "123");
    await f.user.tab();
    await f.user.click(f.pay);
    expect(screen.getByText("The card has expired")).toBeTruthy();
    expect(screen.getByText("Enter the 4 digits on the front of the card")).toBeTruthy();
  });

  it("tells where the CVC is, on the front for American Express", async () => {
    const f = setup({ language: "en" });
    const hint = () => document.getElementById(f.cvc.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(hint()).toBe("3 digits on the back");
    expect(f.cvc.getAttribute("placeholder")).toBeNull();
    await f.user.type(f.number, "37");
    expect(hint()).toBe("4 digits on the front");
  });

  it("asks for an e-mail when requireEmail is set", async () => {
    const f = setup({ language: "en", requireEmail: true });
    const email = screen.getByLabelText("Email for the receipt") as HTMLInputElement;
    expect(email.getAttribute("autocomplete")).toBe("email");
    await fillValid(f);
    await f.user.type(email, "nobody");
    await f.user.click(f.pay);
    expect(screen.getByText("Check the email address")).toBeTruthy();
    expect(document.activeElement).toBe(email);
    await f.user.type(email, "@example.com");
    await f.user.click(f.pay);
    expect(f.controller.submitted[0]?.email).toBe("nobody@example.com");
  });
});

describe("paying", () => {
  it("hands the card to the controller once, even on a double click, and keeps focus on the busy button", async () => {
    const f = setup();
    await fillValid(f);
    await f.user.dblClick(f.pay);
    expect(f.controller.submitted).toEqual([
      { cardNumber: "4242424242424242", expDateMonthYear: "12/34", cvv: "987", name: "IVAN PETROV", saveCard: false },
    ]);
    // aria-disabled, not disabled: focus stays on the button rather than dropping to <body>.
    expect(f.pay.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(f.pay);
    expect(f.number.readOnly).toBe(true);
    act(() => f.controller.emit({ kind: "submitting", requestId: "r1" }));
    await f.user.click(f.pay);
    await f.user.keyboard("{Enter}");
    expect(f.controller.submitted).toHaveLength(1);
    expect(f.live.textContent).toBe("Платёж обрабатывается…");
    // Seen as well as heard.
    expect(f.view.container.querySelector(".cw-wait")?.textContent).toBe("Платёж обрабатывается…");
  });

  it("pays once for two clicks in the same task, before the button is re-rendered disabled", async () => {
    const f = setup();
    await fillValid(f);
    const pay = f.pay;
    act(() => {
      pay.click();
      pay.click();
    });
    expect(f.controller.submitted).toHaveLength(1);
    // Once the flow has finished with the attempt (still idle in this fake), Pay works again.
    await act(async () => f.controller.finishSubmit());
    expect(f.pay.hasAttribute("aria-disabled")).toBe(false);
  });

  it("can be used with the keyboard alone", async () => {
    const f = setup({ language: "en" });
    await f.user.tab();
    expect(document.activeElement).toBe(f.number);
    // A 16-digit Visa may have 19 digits: the shopper moves on (Enter goes to the next field).
    await f.user.keyboard("4242424242424242{Enter}");
    expect(document.activeElement).toBe(f.expiry);
    expect(f.controller.submitted).toHaveLength(0);
    await f.user.keyboard("1234");
    await f.user.keyboard("987");
    await f.user.keyboard("Jane Doe");
    expect(f.name.getAttribute("enterkeyhint")).toBe("done");
    expect(f.number.getAttribute("enterkeyhint")).toBe("next");
    await f.user.keyboard("{Enter}");
    expect(f.controller.submitted.map((c) => c.name)).toEqual(["JANE DOE"]);
  });

  it("without the name field (requireName: false) sends the name the gateway requires", async () => {
    const f = setup({ requireName: false });
    expect(screen.queryByLabelText("Имя на карте")).toBeNull();
    await f.user.type(f.number, "2200000000000004");
    await f.user.tab();
    await f.user.type(f.expiry, "1234");
    await f.user.type(f.cvc, "987");
    expect(f.cvc.getAttribute("enterkeyhint")).toBe("done");
    await f.user.keyboard("{Enter}");
    expect(f.controller.submitted).toEqual([{ cardNumber: "2200000000000004", expDateMonthYear: "12/34", cvv: "987", name: "CARDHOLDER", saveCard: false }]);
  });

  it("marks every field required and names the form", () => {
    const f = setup();
    for (const input of [f.number, f.expiry, f.cvc, f.name]) expect(input.getAttribute("aria-required")).toBe("true");
    expect(screen.getByRole("form", { name: "Оплата картой" })).toBeTruthy();
  });

  it("shows the amount in the language's format on the button", async () => {
    const ru = setup().pay;
    await waitFor(() => expect(spaces(ru.textContent)).toBe("Оплатить 1 500,00 ₽"));
    cleanup();
    const en = setup({ language: "en", amount: 15, currency: "USD" }).pay;
    await waitFor(() => expect(en.textContent).toBe("Pay $15.00"));
  });

  it("never writes card data into the DOM's attributes", async () => {
    const f = setup();
    await fillValid(f, "4000056655665556");
    const html = f.view.container.outerHTML;
    for (const secret of ["4000", "5556", "987", "12/34"]) expect(html).not.toContain(secret);
    for (const input of [f.number, f.expiry, f.cvc, f.name]) expect(input.hasAttribute("name")).toBe(false);
    expect(f.number.value).toBe("4000 0566 5566 5556");
  });

  it("has autocomplete and inputmode on every input and unique ids per instance", () => {
    const f = setup();
    expect([f.number, f.expiry, f.cvc, f.name].map((i) => i.getAttribute("autocomplete"))).toEqual([
      "cc-number",
      "cc-exp",
      "cc-csc",
      "cc-name",
    ]);
    expect([f.number, f.expiry, f.cvc].map((i) => i.getAttribute("inputmode"))).toEqual(["numeric", "numeric", "numeric"]);
    render(<CardForm options={OPTIONS} controller={fakeController()} />);
    const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
    expect(ids.length).toBeGreaterThan(7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(screen.getAllByLabelText("Номер карты")).toHaveLength(2);
  });

  it("reports changes with the brand and error codes but no card data", async () => {
    const onChange = vi.fn();
    const f = setup({ onChange });
    await f.user.type(f.number, "4242");
    await f.user.tab();
    const last = onChange.mock.calls.at(-1)?.[0];
    expect(last).toEqual({ brand: "visa", complete: false, errors: { cardNumber: "CardNumber_Invalid" } });
    expect(JSON.stringify(onChange.mock.calls)).not.toContain("4242");
  });
});

const APPROVED = {
  kind: "approved" as const,
  result: {
    status: "approved" as const,
    transactionId: 7,
    amount: 1500,
    currency: "RUB",
    cardType: "Visa",
    cardLastFour: "4242",
    authCode: "A1",
  },
  card: { brand: "visa", lastFour: "4242" },
};

describe("results", () => {
  it("keeps one live region through every state and announces each", async () => {
    const f = setup();
    const live = f.live;
    expect(live.getAttribute("aria-live")).toBe("polite");
    act(() => f.controller.emit({ kind: "submitting", requestId: "r" }));
    expect(live.textContent).toBe("Платёж обрабатывается…");
    act(() => f.controller.emit({ kind: "declined", reasonCode: 5051, message: "Insufficient" }));
    expect(screen.getByRole("status")).toBe(live);
    expect(live.textContent).toBe("Платёж отклонён. Недостаточно средств на карте");
    act(() => f.controller.emit({ kind: "idle" }));
    act(() => f.controller.emit(APPROVED));
    expect(screen.getByRole("status")).toBe(live);
    expect(live.textContent).toBe("Оплата прошла");
  });

  it("shows the amount, the masked card and the order number when approved, and no way back without a shop URL", () => {
    setup({}, fakeController(APPROVED));
    expect(screen.getByRole("heading", { name: "Оплата прошла" })).toBeTruthy();
    expect(spaces(screen.getByText(/₽/).textContent)).toBe("1 500,00 ₽");
    expect(screen.getByText("Visa •••• 4242")).toBeTruthy();
    expect(screen.getByText("Заказ № 1001")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
    expect(document.activeElement?.className).toBe("cw-result");
  });

  it("names the brand one way whatever the gateway calls it, and links back to the shop", () => {
    const result = { ...APPROVED.result, cardType: "MasterCard", cardLastFour: "4444" };
    setup({ language: "en", shopUrl: "/shop/thanks" }, fakeController({ ...APPROVED, result, card: { brand: "mastercard", lastFour: "4444" } }));
    expect(screen.getByText("Mastercard •••• 4444")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to the shop" }).getAttribute("href")).toBe("/shop/thanks");
    cleanup();
    const mir = { ...APPROVED.result, cardType: "MIR", cardLastFour: "0004" };
    setup({}, fakeController({ ...APPROVED, result: mir, card: { brand: "mir", lastFour: "0004" } }));
    expect(screen.getByText("Мир •••• 0004")).toBeTruthy();
  });

  it("shows the decline message for 5051 in Russian and English, and Try again retries", async () => {
    const declined = { kind: "declined" as const, reasonCode: 5051, message: "Gateway text" };
    setup({}, fakeController(declined));
    expect(screen.getByText("Недостаточно средств на карте")).toBeTruthy();
    cleanup();
    const f = setup({ language: "en" }, fakeController(declined));
    expect(screen.getByRole("heading", { name: "Payment declined" })).toBeTruthy();
    expect(screen.getByText("Insufficient funds on the card")).toBeTruthy();
    await f.user.click(screen.getByRole("button", { name: "Try again" }));
    expect(f.controller.retries).toBe(1);
  });

  it("a cancelled 3-D Secure is the form again, with a neutral note: no decline, no Try again", async () => {
    const f = setup({ language: "en" }, fakeController({ kind: "threeDs", transactionId: 42, mode: "iframe", challenge: CHALLENGE, frameName: "cw-3ds-x" }));
    act(() => f.controller.emit({ kind: "idle", cancelled: "threeDs" }));
    const note = "You cancelled the confirmation with your bank. Nothing was charged: you can pay again";
    expect(document.querySelector(".cw-note")?.textContent).toBe(note);
    expect(f.live.textContent).toBe(note);
    expect(f.number).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Payment declined" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    // The note goes with the next attempt.
    act(() => f.controller.emit({ kind: "submitting", requestId: "r2" }));
    expect(document.querySelector(".cw-note")).toBeNull();
  });

  it("an order paid already shows as paid, with nothing to press", () => {
    setup({ language: "en" }, fakeController({ kind: "paid" }));
    expect(screen.getByRole("heading", { name: "This order is already paid" })).toBeTruthy();
    expect(screen.getByText("The payment was received earlier: there is nothing more to pay")).toBeTruthy();
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByLabelText("Card number")).toBeNull();
  });

  it("shows a safe message for a failed payment, and a generic one for an unknown key", async () => {
    const f = setup({ language: "en" }, fakeController({ kind: "failed", code: "network", messageKey: "Error_Network", retrySameRequest: true }));
    expect(screen.getByText("No connection. Check your internet and try again")).toBeTruthy();
    await f.user.click(screen.getByRole("button", { name: "Try again" }));
    expect(f.controller.retries).toBe(1);
    act(() => f.controller.emit({ kind: "failed", code: "card_invalid", messageKey: "Something_Else", retrySameRequest: false }));
    expect(screen.getByText("Something went wrong. Try again")).toBeTruthy();
  });

  it("says how long to wait after too many attempts, and a payment in progress apart from 'already paid'", () => {
    const f = setup({ language: "ru" }, fakeController({ kind: "failed", code: "too_many_attempts", messageKey: "Error_TooManyAttempts", retrySameRequest: false, retryAfter: 600 }));
    expect(screen.getByText("Слишком много попыток оплаты. Попробуйте снова через 10 минут")).toBeTruthy();
    act(() => f.controller.emit({ kind: "failed", code: "payment_in_progress", messageKey: "Error_InProgress", retrySameRequest: false }));
    expect(screen.getByText("Платёж по этому заказу уже выполняется. Подождите минуту и проверьте заказ")).toBeTruthy();
  });

  it("after a decline, onChange and the next Pay see the cleared CVC, not the one typed before", async () => {
    const onChange = vi.fn();
    const f = setup({ onChange });
    await fillValid(f);
    await f.user.click(f.pay);
    await act(async () => f.controller.finishSubmit());
    act(() => f.controller.emit({ kind: "declined", reasonCode: 5051, message: "" }));
    await act(async () => f.controller.emit({ kind: "idle" }));
    await f.user.click(f.pay);
    expect(f.controller.submitted).toHaveLength(1);
    expect(document.activeElement).toBe(f.cvc);
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual({ brand: "visa", complete: false, errors: { cvv: "Cvv_Empty" } });
  });

  it("after Try again on a decline, the form returns with the card, the CVC empty, focused and asked for again", async () => {
    const f = setup();
    await fillValid(f);
    await f.user.click(f.pay);
    await act(async () => f.controller.finishSubmit());
    act(() => f.controller.emit({ kind: "declined", reasonCode: 5051, message: "" }));
    expect(screen.queryByLabelText("Номер карты")).toBeNull();
    await f.user.click(screen.getByRole("button", { name: "Попробовать снова" }));
    expect(f.controller.retries).toBe(1);
    await act(async () => f.controller.emit({ kind: "idle" }));
    const number = screen.getByLabelText("Номер карты") as HTMLInputElement;
    const cvc = screen.getByLabelText("CVC") as HTMLInputElement;
    expect(number.value).toBe("4242 4242 4242 4242");
    expect(cvc.value).toBe("");
    expect(document.activeElement).toBe(cvc);
    const hint = document.getElementById(cvc.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("Введите CVC ещё раз");
    // It stays until the shopper has typed the code (a re-render does not lose it).
    act(() => f.controller.emit({ kind: "idle" }));
    expect(document.getElementById(cvc.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Введите CVC ещё раз");
    await f.user.type(cvc, "1");
    expect(document.getElementById(cvc.getAttribute("aria-describedby") ?? "")?.textContent).toBe("3 цифры на обороте");
  });

  it("Pay with another card is its own action: back to an empty form, on the number", async () => {
    const f = setup({ email: "kept@shop.test", requireEmail: true });
    await fillValid(f);
    await f.user.type(screen.getByLabelText("Эл. почта для чека"), "{Control>}a{/Control}kept@shop.test");
    act(() => f.controller.emit({ kind: "declined", reasonCode: 5051, message: "" }));
    await f.user.click(screen.getByRole("button", { name: "Оплатить другой картой" }));
    expect(f.controller.retries).toBe(1);
    await act(async () => f.controller.emit({ kind: "idle" }));
    expect(f.number.value).toBe("");
    expect(f.expiry.value).toBe("");
    expect(f.name.value).toBe("");
    expect((screen.getByLabelText("Эл. почта для чека") as HTMLInputElement).value).toBe("kept@shop.test");
    expect(document.activeElement).toBe(f.number);
  });
});

const CHALLENGE: PayThreeDs = {
  status: "3ds",
  transactionId: 42,
  acsUrl: "https://acs.example/pay",
  paReq: "PAREQ",
  termUrl: "https://shop.example/3ds",
  iframeAllowed: true,
  frameWidth: 400,
  frameHeight: 520,
};

describe("3-D Secure", () => {
  const threeDs = { kind: "threeDs" as const, transactionId: 42, mode: "iframe" as const, challenge: CHALLENGE, frameName: "cw-3ds-x" };

  it("opens a dialog with the named frame, posts the challenge into it, and Cancel cancels", async () => {
    const f = setup({ language: "en" });
    act(() => f.controller.emit(threeDs));
    const dialog = screen.getByRole("dialog", { name: "Confirm the payment" });
    const frame = dialog.querySelector("iframe") as HTMLIFrameElement;
    expect(frame.name).toBe("cw-3ds-x");
    expect(frame.title).toBe("Your bank's confirmation page");
    expect(dialog.style.getPropertyValue("--cw-frame-w")).toBe("400px");
    expect(dialog.style.getPropertyValue("--cw-frame-h")).toBe("520px");
    expect(acs.calls).toEqual([{ challenge: CHALLENGE, target: "cw-3ds-x", framed: true }]);
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(f.live.textContent).toBe("Confirm the payment on your bank's page");
    // Only this frame may end the challenge: the dialog tells the controller which window it is.
    expect(f.controller.frames).toEqual([frame.contentWindow]);
    await f.user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(f.controller.cancels).toBe(1);
  });

  it("Escape cancels too, and the dialog goes with the state", async () => {
    const f = setup({ language: "en" });
    act(() => f.controller.emit(threeDs));
    await f.user.keyboard("{Escape}");
    expect(f.controller.cancels).toBe(1);
    act(() => f.controller.emit(APPROVED));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("a cancelled challenge gives focus back to the form's first field, not to <body>", async () => {
    const f = setup({ language: "en" });
    act(() => f.controller.emit(threeDs));
    expect(screen.getByRole("dialog").contains(document.activeElement)).toBe(true);
    act(() => f.controller.emit({ kind: "idle", cancelled: "threeDs" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/^card number/i));
  });

  it("shows no dialog in redirect mode", () => {
    const f = setup({ language: "en" });
    act(() => f.controller.emit({ ...threeDs, mode: "redirect", frameName: "_top" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(acs.calls).toHaveLength(0);
    expect(f.live.textContent).toBe("Opening your bank's page…");
  });
});

describe("styles and theme", () => {
  it("injects one stylesheet with the nonce, removed after the last form unmounts", () => {
    const a = render(<CardForm options={{ ...OPTIONS, nonce: "n0nce" }} controller={fakeController()} />);
    const b = render(<CardForm options={{ ...OPTIONS, nonce: "n0nce" }} controller={fakeController()} />);
    const styles = document.querySelectorAll("style[data-checkout-widget]");
    expect(styles).toHaveLength(1);
    expect(styles[0]?.getAttribute("nonce")).toBe("n0nce");
    a.unmount();
    expect(document.querySelectorAll("style[data-checkout-widget]")).toHaveLength(1);
    b.unmount();
    expect(document.querySelectorAll("style[data-checkout-widget]")).toHaveLength(0);
  });

  it("applies the theme and the merchant's variables through CSSOM", () => {
    const f = setup({ appearance: { theme: "dark", variables: { "color-primary": "#0a7", "border-radius": "2px" } } });
    const root = f.view.container.firstElementChild as HTMLElement;
    expect(root.getAttribute("data-theme")).toBe("dark");
    expect(root.style.getPropertyValue("--cw-color-primary")).toBe("#0a7");
    expect(root.style.getPropertyValue("--cw-border-radius")).toBe("2px");
    expect(root.getAttribute("lang")).toBe("ru");
  });
});

describe("before the late code has loaded", () => {
  it("shows a failure (the late code did not load) in the form's own texts, never a raw key", async () => {
    setLateSource(() => Promise.reject(new Error("blocked")));
    expect(late()).toBeUndefined();
    const f = setup({ language: "en" }, fakeController({ kind: "failed", code: "script_unavailable", messageKey: "Error_Config", retrySameRequest: false }));
    expect(screen.getByRole("heading", { name: "Payment failed" })).toBeTruthy();
    expect(screen.getByText("The payment form is set up incorrectly. Please tell the shop")).toBeTruthy();
    await waitFor(() => expect(f.live.textContent).toBe("Payment failed. The payment form is set up incorrectly. Please tell the shop"));
    // A key only the late texts hold: the generic text, not "Error_Timeout".
    act(() => f.controller.emit({ kind: "failed", code: "timeout", messageKey: "Error_Timeout", retrySameRequest: true }));
    expect(screen.getByText("Something went wrong. Try again")).toBeTruthy();
    expect(document.body.textContent).not.toContain("Error_Timeout");
  });
});
