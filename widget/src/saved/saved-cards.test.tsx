// @vitest-environment jsdom
// The saved cards in the card family's widget (host/checkout-view.tsx + saved/): what the shopper
// sees and does with the list, through the real view and a fake payment controller; the endpoint's
// /saved-cards is a stubbed fetch.
import { cleanup, render, screen, waitFor, within } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SavedCardsResponse, SavedCardView } from "../../../server/contract.ts";
import { CardForm, defineCheckoutElement, mount, open } from "../host/index.ts";
import { CheckoutRoot } from "../host/checkout-root.tsx";
import { kebabCase } from "../host/options/index.ts";
import { CheckoutView } from "../host/checkout-view.tsx";
import { loadLate } from "../host/late.ts";
import { fakeController } from "../host/test-controller.ts";
import { useTestLate } from "../host/test-page.ts";
import type { CheckoutOptions } from "../shared/index.ts";

const OPTIONS: CheckoutOptions = {
  publicId: "pk_test",
  publicKeyUrl: "https://shop.example/api/publickey",
  endpoint: "https://shop.example/api/",
  invoiceId: "1001",
  amount: 1500,
  currency: "RUB",
  language: "en",
  savedCards: true,
};

const VISA: SavedCardView = { id: "card-visa", brand: "Visa", lastFour: "4242", expMonth: 12, expYear: 2030, expired: false };
const MC: SavedCardView = { id: "card-mc", brand: "MasterCard", lastFour: "4444", expMonth: 3, expYear: 2031, expired: false };
const OLD: SavedCardView = { id: "card-old", brand: "MIR", lastFour: "0000", expMonth: 5, expYear: 2020, expired: true };

interface Call {
  url: string;
  method: string;
  credentials: RequestCredentials | undefined;
}

let calls: Call[] = [];
let list: SavedCardsResponse | { status: number } = { cards: [], canSave: false };
let removeStatus = 204;
// The saved cards' code, counted as the late code loads it (late/pieces.ts: a dynamic import here).
const saved = vi.hoisted(() => ({ loads: 0 }));
vi.mock("./index.ts", async (importOriginal) => {
  saved.loads++;
  return importOriginal();
});

beforeAll(async () => {
  useTestLate();
  await loadLate();
});

beforeEach(() => {
  calls = [];
  removeStatus = 204;
  // user-event walks a radio group with CSS.escape, which jsdom lacks.
  vi.stubGlobal("CSS", { escape: (value: string) => value });
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push({ url: String(input), method, credentials: init.credentials });
    if (method === "DELETE") return new Response(removeStatus === 204 ? null : JSON.stringify({ status: "error", code: "x" }), { status: removeStatus });
    if ("status" in list) return new Response("{}", { status: list.status });
    return new Response(JSON.stringify(list), { status: 200, headers: { "Content-Type": "application/json" } });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The whole widget (CheckoutRoot): it asks for the list through the late code. */
function mountRoot(options: Partial<CheckoutOptions> = {}) {
  render(<CheckoutRoot options={{ ...OPTIONS, ...options }} />);
}

/** The view as the root draws it once the list has answered, with a fake payment controller. */
async function setup(options: Partial<CheckoutOptions> = {}) {
  const controller = fakeController();
  const user = userEvent.setup();
  const saved = await (await loadLate()).savedCards(OPTIONS.endpoint);
  render(<CheckoutView options={{ ...OPTIONS, ...options }} controller={controller} saved={saved} />);
  return { controller, user };
}

const radios = () => screen.getAllByRole("radio") as HTMLInputElement[];

describe("asking for the saved cards", () => {
  it("a guest (no cards, canSave false) gets the card form and loads nothing of the saved cards", async () => {
    list = { cards: [], canSave: false };
    mountRoot();
    expect(await screen.findByLabelText("Card number")).toBeTruthy();
    expect(calls.filter((call) => call.url.endsWith("/saved-cards"))).toEqual([{ url: "https://shop.example/api/saved-cards", method: "GET", credentials: "include" }]);
    expect(saved.loads).toBe(0);
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("a shop without the route (404) gets the card form; without the option nothing is asked", async () => {
    list = { status: 404 };
    mountRoot();
    expect(await screen.findByLabelText("Card number")).toBeTruthy();
    expect(saved.loads).toBe(0);
    cleanup();
    calls = [];
    mountRoot({ savedCards: false });
    expect(screen.getByLabelText("Card number")).toBeTruthy();
    expect(calls.filter((call) => call.url.endsWith("/saved-cards"))).toEqual([]);
  });

  it("shows a skeleton, not the form, while the list is asked", async () => {
    list = { cards: [VISA], canSave: true };
    mountRoot();
    expect(screen.queryByLabelText("Card number")).toBeNull();
    expect(document.querySelector(".cw-skel")).not.toBeNull();
    expect(await screen.findByRole("radio", { name: /Visa •••• 4242/ })).toBeTruthy();
    expect(saved.loads).toBe(1);
  });
});

describe("the list", () => {
  it("lists every card, the first usable one chosen; an expired one shown but not selectable", async () => {
    list = { cards: [OLD, VISA, MC], canSave: true };
    await setup();
    await screen.findByRole("radiogroup", { name: "Your saved cards" }).catch(() => screen.findByRole("group", { name: "Your saved cards" }));
    const [old, visa, mc] = radios();
    expect(old?.disabled).toBe(true);
    expect(within(old?.closest("li") as HTMLElement).getByText("Expired 05/20")).toBeTruthy();
    expect(visa?.checked).toBe(true);
    expect(mc?.checked).toBe(false);
    expect(screen.getByRole("radio", { name: /Mastercard •••• 4444.*Expires 03\/31/ })).toBe(mc);
  });

  it("pays with the chosen card: the saved card's body through the payment controller", async () => {
    list = { cards: [VISA, MC], canSave: true };
    const { controller, user } = await setup({ email: "a@example.com" });
    await user.click(await screen.findByRole("radio", { name: /Mastercard/ }));
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    expect(controller.savedSubmitted).toEqual([
      { body: { invoiceId: "1001", savedCardId: "card-mc", email: "a@example.com" }, card: { brand: "MasterCard", lastFour: "4444" } },
    ]);
  });

  it("works by keyboard: arrow keys move the choice, Enter pays with it", async () => {
    list = { cards: [VISA, OLD, MC], canSave: false };
    const { controller, user } = await setup();
    const visa = await screen.findByRole("radio", { name: /Visa/ });
    visa.focus();
    await user.keyboard("{ArrowDown}");
    // The expired card is skipped.
    const mc = screen.getByRole("radio", { name: /Mastercard/ }) as HTMLInputElement;
    expect(mc.checked).toBe(true);
    expect(document.activeElement).toBe(mc);
    await user.keyboard("{Enter}");
    expect(controller.savedSubmitted).toEqual([{ body: { invoiceId: "1001", savedCardId: "card-mc" }, card: { brand: "MasterCard", lastFour: "4444" } }]);
  });

  it("a second Pay while paying sends nothing more", async () => {
    list = { cards: [VISA], canSave: false };
    const { controller, user } = await setup();
    await user.click(await screen.findByRole("button", { name: /^Pay ₽/ }));
    controller.emit({ kind: "submitting", requestId: "r1" });
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    expect(controller.savedSubmitted).toHaveLength(1);
    expect(screen.getByRole("button", { name: /^Pay ₽/ }).getAttribute("aria-disabled")).toBe("true");
  });

  it("Pay with another card opens the card form with Save this card; Back returns to the list", async () => {
    list = { cards: [VISA], canSave: true };
    const { user } = await setup();
    await user.click(await screen.findByRole("button", { name: "Pay with another card" }));
    const number = screen.getByLabelText("Card number");
    expect(document.activeElement).toBe(number);
    const save = screen.getByRole("checkbox", { name: "Save this card for next payments" }) as HTMLInputElement;
    expect(save.checked).toBe(false);
    await user.click(screen.getByRole("button", { name: /Back to saved cards/ }));
    expect(screen.queryByLabelText("Card number")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /Visa/ }));
  });

  it("the endpoint no longer knows the card (unknown_saved_card): it leaves the list, with a note", async () => {
    list = { cards: [VISA, MC], canSave: false };
    const { controller, user } = await setup();
    await user.click(await screen.findByRole("button", { name: /^Pay ₽/ }));
    controller.emit({ kind: "submitting", requestId: "r1" });
    controller.emit({ kind: "failed", code: "unknown_saved_card", messageKey: "Error_SavedCard", retrySameRequest: false });
    await waitFor(() => expect(radios()).toHaveLength(1));
    expect(screen.queryByRole("radio", { name: /Visa/ })).toBeNull();
    // Above the list and in the panel's live region (the view's says the failure's own text).
    expect(screen.getAllByText(/Choose another card or pay with a new one/)).toHaveLength(2);
    expect(controller.retries).toBe(1);
  });
});

describe("after an answer", () => {
  it("a declined saved card: Try again goes back to the list, focus on the chosen card", async () => {
    list = { cards: [VISA, MC], canSave: false };
    const { controller, user } = await setup();
    await user.click(await screen.findByRole("radio", { name: /Mastercard/ }));
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    controller.emit({ kind: "submitting", requestId: "r1" });
    controller.emit({ kind: "declined", reasonCode: 5051, message: "Error_Declined" });
    expect(await screen.findByRole("heading", { name: "Payment declined" })).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
    controller.emit({ kind: "idle" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("radio", { name: /Mastercard/ })));
  });
});

describe("in markup", () => {
  it("the saved-cards attribute (and data-saved-cards) is the savedCards option", async () => {
    const { optionsFromAttributes, optionsFromDataset } = await import("../host/options/index.ts");
    const element = document.createElement("checkout-widget");
    element.setAttribute("saved-cards", "");
    expect(optionsFromAttributes(element).savedCards).toBe(true);
    const host = document.createElement("div");
    host.dataset.savedCards = "false";
    expect(optionsFromDataset(host).savedCards).toBe(false);
  });
});

describe("removing a card", () => {
  async function askToRemove(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole("button", { name: "Remove Visa •••• 4242" }));
    return screen.getByRole("group", { name: "Remove Visa •••• 4242 from your saved cards?" });
  }

  it("asks once, inline; Keep it keeps the card and removes nothing", async () => {
    list = { cards: [VISA, MC], canSave: false };
    const { user } = await setup();
    const ask = await askToRemove(user);
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
    await user.click(within(ask).getByRole("button", { name: "Keep it" }));
    expect(radios()).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove Visa •••• 4242" }));
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);
  });

  it.each([204, 404])("confirmed and answered %i: the card leaves the list", async (status) => {
    removeStatus = status;
    list = { cards: [VISA, MC], canSave: false };
    const { user } = await setup();
    const ask = await askToRemove(user);
    await user.click(within(ask).getByRole("button", { name: "Yes, remove" }));
    await waitFor(() => expect(radios()).toHaveLength(1));
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([{ url: "https://shop.example/api/saved-cards/card-visa", method: "DELETE", credentials: "include" }]);
    expect(screen.getByRole("radio", { name: /Mastercard/ })).toHaveProperty("checked", true);
    await waitFor(() => expect(screen.getAllByRole("status").some((s) => /Visa •••• 4242 removed/.test(s.textContent ?? ""))).toBe(true));
  });

  it("answered 502: the card stays, with a localised error", async () => {
    removeStatus = 502;
    list = { cards: [VISA], canSave: false };
    const { user } = await setup({ language: "ru" });
    await user.click(await screen.findByRole("button", { name: "Удалить Visa •••• 4242" }));
    await user.click(screen.getByRole("button", { name: "Да, удалить" }));
    // Shown above the list, and said in the live region.
    expect(await screen.findAllByText("Не удалось удалить карту. Попробуйте позже")).toHaveLength(2);
    expect(radios()).toHaveLength(1);
  });

  it("the last card removed: the card form", async () => {
    list = { cards: [VISA], canSave: true };
    const { user } = await setup();
    const ask = await askToRemove(user);
    await user.click(within(ask).getByRole("button", { name: "Yes, remove" }));
    expect(await screen.findByLabelText("Card number")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Back to saved cards/ })).toBeNull();
  });
});

describe("Save this card", () => {
  async function payWithNewCard(user: ReturnType<typeof userEvent.setup>, tick: boolean) {
    await user.type(screen.getByLabelText("Card number"), "4242424242424242");
    await user.type(screen.getByLabelText("Expiry date"), "1234");
    await user.type(screen.getByLabelText("CVC"), "987");
    await user.type(screen.getByLabelText("Name on card"), "IVAN PETROV");
    if (tick) await user.click(screen.getByRole("checkbox", { name: /Save this card/ }));
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
  }

  it("shown when the list says canSave (no cards yet): ticked sends saveCard", async () => {
    list = { cards: [], canSave: true };
    const { controller, user } = await setup();
    expect(await screen.findByRole("checkbox", { name: /Save this card/ })).toHaveProperty("checked", false);
    await payWithNewCard(user, true);
    expect(controller.submitted[0]).toMatchObject({ cardNumber: "4242424242424242", saveCard: true });
  });

  it("left clear: no saveCard", async () => {
    list = { cards: [], canSave: true };
    const { controller, user } = await setup();
    await screen.findByRole("checkbox", { name: /Save this card/ });
    await payWithNewCard(user, false);
    expect(controller.submitted[0]).toMatchObject({ saveCard: false });
  });

  it("not offered when canSave is false", async () => {
    list = { cards: [VISA], canSave: false };
    const { user } = await setup();
    await user.click(await screen.findByRole("button", { name: "Pay with another card" }));
    expect(screen.getByLabelText("Card number")).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});

describe("every entry", () => {
  // The option reaches CheckoutRoot the same way from each: the list is asked and drawn.
  const entries: Array<[string, (options: CheckoutOptions) => () => void]> = [
    [
      "mount()",
      (options) => {
        const host = document.body.appendChild(document.createElement("div"));
        const handle = mount(host, options);
        return () => handle.unmount();
      },
    ],
    ["open() (the modal)", (options) => open(options).close],
    [
      "<checkout-widget saved-cards>",
      (options) => {
        defineCheckoutElement();
        const element = document.createElement("checkout-widget");
        for (const [name, value] of Object.entries(options)) element.setAttribute(kebabCase(name), value === true ? "" : String(value));
        document.body.append(element);
        return () => element.remove();
      },
    ],
    [
      "<CardForm savedCards>",
      (options) => {
        const view = render(<CardForm {...options} />);
        return () => view.unmount();
      },
    ],
  ];

  it.each(entries)("%s shows the saved cards", async (_name, start) => {
    list = { cards: [VISA], canSave: true };
    const stop = start({ ...OPTIONS });
    expect(await screen.findByRole("radio", { name: /Visa •••• 4242/ })).toBeTruthy();
    expect(calls.filter((call) => call.url.endsWith("/saved-cards"))).toHaveLength(1);
    stop();
    expect(screen.queryByRole("radio")).toBeNull();
  });
});
