// @vitest-environment jsdom
// Hosted mode's saved cards: the list request, paying with a saved card through the hosted flow
// (its request id kept on a retry, a 3-D Secure binding in the frame, its result message's checks),
// removal, and a card the endpoint no longer knows.
import { act, render, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HostedOptions } from "../shared/index.ts";
import { askSavedCards } from "../hosted/ask-saved-cards.ts";
import { createHostedFlow } from "../hosted/flow.ts";
import { HostedRoot } from "../hosted/hosted-root.tsx";
import { fakeWindow, settle } from "../hosted/test-kit.ts";
import * as api from "./index.ts";
import { readSavedPayAnswer, readThreeDsMessage } from "./saved-pay-answer.ts";

const RBS: HostedOptions = { mode: "hosted", endpoint: "/api/rbs", invoiceId: "2001", amount: 1500, currency: "RUB", language: "en", savedCards: true };
const VISA = { id: "card-1", brand: "Visa", lastFour: "4242", expMonth: 12, expYear: 2040, expired: false };
const MIR = { id: "card-2", brand: "MIR", lastFour: "0001", expMonth: 1, expYear: 2041, expired: false };
const APPROVED = { status: "approved", transactionId: "ord-1", amount: 1500, currency: "RUB", cardType: "Visa", cardLastFour: "4242", authCode: "" };
const THREE_DS = { status: "3ds", transactionId: "ord-9", acsUrl: "https://bank.test/acs", paReq: "PAREQ", termUrl: "https://bank.test/term", iframeAllowed: true, returnOrigin: "https://shop.test" };

interface Call {
  url: string;
  method: string;
  requestId: string | null;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** The shop's endpoint: the list, `/pay` and DELETE answered from queues, every call recorded. */
function shop(list: unknown, pays: ({ status: number; body: unknown } | "network")[] = [], removals: number[] = []) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push({ url, method, requestId: new Headers(init.headers).get("X-Request-ID"), body: init.body ? JSON.parse(String(init.body)) : undefined, credentials: init.credentials });
    if (method === "GET") return new Response(JSON.stringify(list), { status: 200 });
    if (method === "DELETE") return new Response(null, { status: removals.shift() ?? 500 });
    const answer = pays.shift();
    if (!answer || answer === "network") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("the list request", () => {
  it("asks {endpoint}/saved-cards with the shop's cookies, and loads the list's code only for an answer with cards or canSave", async () => {
    const load = vi.fn(() => Promise.resolve(api));
    const guest = shop({ cards: [], canSave: false });
    expect(await askSavedCards("/api/rbs/", guest.fetch, load)).toBeUndefined();
    expect(guest.calls).toEqual([expect.objectContaining({ url: "/api/rbs/saved-cards", method: "GET", credentials: "include" })]);
    expect(await askSavedCards("/api/rbs", shop({ cards: [] }).fetch, load)).toBeUndefined();
    expect(await askSavedCards("/api/rbs", shop({ cards: [], canSave: "yes" }).fetch, load)).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    expect(typeof (await askSavedCards("/api/rbs", shop({ cards: [], canSave: true }).fetch, load))).toBe("function");
    load.mockClear();
    const failing = (() => Promise.reject(new TypeError("Failed to fetch"))) as unknown as typeof fetch;
    expect(await askSavedCards("/api/rbs", failing, load)).toBeUndefined();
    expect(typeof (await askSavedCards("/api/rbs", shop({ cards: [VISA], canSave: true }).fetch, load))).toBe("function");
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe("the 3-D Secure result message", () => {
  const message = (over: Record<string, unknown> = {}) => ({ type: "checkout-widget:3ds-result", version: 1, transactionId: "ord-9", result: { ...APPROVED, transactionId: "ord-9" }, ...over });
  it("is read only for this transaction, in its own format", () => {
    expect(readThreeDsMessage(message(), "ord-9")?.result.status).toBe("approved");
    expect(readThreeDsMessage(message({ transactionId: "ord-8" }), "ord-9")).toBeNull();
    expect(readThreeDsMessage(message({ type: "checkout-widget:hosted-result" }), "ord-9")).toBeNull();
    expect(readThreeDsMessage(message({ version: 2 }), "ord-9")).toBeNull();
    expect(readThreeDsMessage(message({ result: { ...APPROVED, transactionId: "ord-8" } }), "ord-9")).toBeNull();
    expect(readThreeDsMessage(message({ result: { status: "cancelled", paymentId: "ord-9", message: "" } }), "ord-9")).toBeNull();
  });

  it("a 3ds answer off the contract (no http ACS, a returnOrigin that is no origin) is a failure, never a page", () => {
    const read = (body: unknown) => readSavedPayAnswer({ kind: "response", status: 200, body: JSON.stringify(body) });
    expect(read({ ...THREE_DS, acsUrl: "javascript:alert(1)" })).toMatchObject({ kind: "failed", code: "bad_response" });
    expect(read({ ...THREE_DS, returnOrigin: "https://shop.test/path" })).toMatchObject({ kind: "failed" });
    expect(read(THREE_DS)).toMatchObject({ status: "redirect", paymentId: "ord-9", url: "https://bank.test/acs", returnOrigin: "https://shop.test", frameAllowed: true });
  });
});

describe("paying with a saved card through the hosted flow", () => {
  it("posts { invoiceId, savedCardId } with an X-Request-ID; after a 502 the retry sends the same id, and the approval reaches onSuccess", async () => {
    const endpoint = shop(null, [{ status: 502, body: { status: "error", code: "gateway_unavailable", message: "" } }, { status: 200, body: APPROVED }]);
    const onSuccess = vi.fn();
    let n = 0;
    const flow = createHostedFlow({ ...RBS, onSuccess }, { fetch: endpoint.fetch, randomId: () => `id-${++n}-abcdef`, win: fakeWindow().win });
    await flow.pay({ body: { invoiceId: "2001", savedCardId: "card-1" }, read: (exchange) => readSavedPayAnswer(exchange) });
    expect(flow.getState()).toMatchObject({ kind: "failed", retrySameRequest: true });
    await flow.retry();
    expect(endpoint.calls.map((call) => [call.requestId, call.body])).toEqual([
      ["id-1-abcdef", { invoiceId: "2001", savedCardId: "card-1" }],
      ["id-1-abcdef", { invoiceId: "2001", savedCardId: "card-1" }],
    ]);
    expect(flow.getState().kind).toBe("approved");
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ transactionId: "ord-1", invoiceId: "2001", cardLastFour: "4242" }));
  });

  it("a 3ds answer opens the bank's page by form post in the frame; only that frame's message from returnOrigin, naming the transaction, settles it", async () => {
    const endpoint = shop(null, [{ status: 200, body: THREE_DS }]);
    const page = fakeWindow();
    const posted: string[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      posted.push(`${this.target} ${this.action} ${new FormData(this).get("MD")} ${new FormData(this).get("PaReq")} ${new FormData(this).get("TermUrl")}`);
    });
    const flow = createHostedFlow(RBS, { fetch: endpoint.fetch, win: page.win });
    await flow.pay({ body: { invoiceId: "2001", savedCardId: "card-1" }, read: (exchange) => readSavedPayAnswer(exchange) });
    const state = flow.getState();
    if (state.kind !== "page") throw new Error(`expected the bank's page, got ${state.kind}`);
    state.page.post?.("cw-page");
    expect(posted).toEqual(["cw-page https://bank.test/acs ord-9 PAREQ https://bank.test/term"]);
    const frame = {};
    flow.attachFrame(frame as Window);
    const result = { type: "checkout-widget:3ds-result", version: 1, transactionId: "ord-9", result: { ...APPROVED, transactionId: "ord-9" } };
    page.post(result, {}, "https://shop.test");
    page.post(result, frame, "https://bank.test");
    page.post({ ...result, transactionId: "ord-8" }, frame, "https://shop.test");
    page.post({ type: "checkout-widget:hosted-result", version: 2, paymentId: "ord-9", result: result.result }, frame, "https://shop.test");
    expect(flow.getState().kind).toBe("page");
    page.post(result, frame, "https://shop.test");
    expect(flow.getState()).toMatchObject({ kind: "approved", result: { transactionId: "ord-9" } });
  });

  it("at top level (redirect mode) the form post goes to _self, with a ticket for the return URL", async () => {
    const endpoint = shop(null, [{ status: 200, body: THREE_DS }]);
    const targets: string[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      targets.push(this.target);
    });
    const storage = new Map<string, string>();
    const flow = createHostedFlow({ ...RBS, paymentPage: "redirect" }, { fetch: endpoint.fetch, win: fakeWindow().win, storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) } });
    await flow.pay({ body: { invoiceId: "2001", savedCardId: "card-1" }, read: (exchange) => readSavedPayAnswer(exchange) });
    expect(flow.getState().kind).toBe("leaving");
    expect(targets).toEqual(["_self"]);
    expect([...storage.values()].join()).toContain("ord-9");
  });
});

describe("the list on the Pay screen", () => {
  const load = () => Promise.resolve(api);
  // The list handed in (beforePay): the root does not ask again.
  const LISTED: HostedOptions = { ...RBS, savedCards: false };

  it("shows the cards first with one chosen; Pay pays with it; 'Pay with another card' opens the gateway's page", async () => {
    const endpoint = shop({ cards: [VISA, MIR], canSave: true }, [{ status: 200, body: APPROVED }]);
    vi.stubGlobal("fetch", endpoint.fetch);
    const user = userEvent.setup();
    const ask = () => askSavedCards(RBS.endpoint, endpoint.fetch, load);
    const saved = await ask();
    render(<HostedRoot options={LISTED} beforePay={saved} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    const visa = screen.getByRole("radio", { name: /Visa •••• 4242/ }) as HTMLInputElement;
    expect(visa.checked).toBe(true);
    expect(screen.getAllByRole("button", { name: /^Pay ₽/ })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Pay with another card" })).toBeTruthy();
    // Each card's brand mark is drawn (the file brings the marks), and no "you will enter your card" hint.
    expect([...document.querySelectorAll(".cw-mark-svg")].map((svg) => svg.querySelectorAll("path").length > 0)).toEqual([true, true]);
    expect(document.body.textContent).not.toContain("secure page");
    await user.click(screen.getByRole("radio", { name: /•••• 0001/ }));
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    await screen.findByRole("heading", { name: "Payment successful" });
    expect(endpoint.calls.at(-1)).toMatchObject({ method: "POST", body: { invoiceId: "2001", savedCardId: "card-2" } });
  });

  it("Remove asks once; 204 drops the card, 502 keeps it with an error; the last card gone leaves the gateway's Pay button", async () => {
    const endpoint = shop({ cards: [VISA], canSave: true }, [], [502, 204]);
    const user = userEvent.setup();
    const saved = api.savedCardsFor({ cards: [VISA] }, endpoint.fetch);
    render(<HostedRoot options={LISTED} beforePay={saved} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    await user.click(screen.getByRole("button", { name: "Remove Visa •••• 4242" }));
    expect(endpoint.calls).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Yes, remove" }));
    expect(await screen.findAllByText("The card could not be removed. Try again later")).not.toHaveLength(0);
    expect(screen.getByRole("radio", { name: /Visa •••• 4242/ })).toBeTruthy();
    // The question is still open: one more confirm tries again.
    await user.click(screen.getByRole("button", { name: "Yes, remove" }));
    await waitFor(() => expect(screen.queryByRole("radio")).toBeNull());
    expect(endpoint.calls.map((call) => `${call.method} ${call.url}`)).toEqual(["DELETE /api/rbs/saved-cards/card-1", "DELETE /api/rbs/saved-cards/card-1"]);
    // The keyboard is on the Pay button that took the list's place, not on <body>.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Pay ₽/ }));
    expect(screen.getAllByRole("status").map((region) => region.textContent).join()).toContain("Visa •••• 4242 removed");
  });

  it("unknown_saved_card: onFail hears it, the card leaves the list with a note, and the list is back", async () => {
    const endpoint = shop(null, [{ status: 404, body: { status: "error", code: "unknown_saved_card", message: "" } }]);
    const onFail = vi.fn();
    const user = userEvent.setup();
    const saved = api.savedCardsFor({ cards: [VISA, MIR] }, endpoint.fetch);
    render(<HostedRoot options={{ ...LISTED, onFail }} beforePay={saved} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    await waitFor(() => expect(document.body.textContent).toContain("This card is no longer saved. Choose another card or pay with a new one"), { onTimeout: (error) => new Error(`${error.message}\n${document.body.textContent}`) });
    expect(screen.queryByRole("radio", { name: /Visa/ })).toBeNull();
    expect((screen.getByRole("radio", { name: /0001/ }) as HTMLInputElement).checked).toBe(true);
    expect(onFail).toHaveBeenCalledWith(expect.objectContaining({ code: "unknown_saved_card" }));
  });

  it("canSave without cards: 'Save this card' (off by default) above the Pay button; ticked, the gateway's page is asked to save it", async () => {
    const endpoint = shop(null, [
      { status: 200, body: { status: "redirect", paymentId: "ord-1", url: "https://gw.test/pay", returnOrigin: "https://shop.test", frameAllowed: true } },
      { status: 200, body: { status: "redirect", paymentId: "ord-2", url: "https://gw.test/pay", returnOrigin: "https://shop.test", frameAllowed: true } },
    ]);
    const user = userEvent.setup();
    const saved = api.savedCardsFor({ cards: [], canSave: true }, endpoint.fetch);
    const view = render(<HostedRoot options={{ ...LISTED, email: "a@b.test" }} beforePay={saved} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    const box = screen.getByRole("checkbox", { name: "Save this card for next payments" }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryByRole("radio")).toBeNull();
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    await screen.findByRole("dialog");
    expect(endpoint.calls.at(-1)?.body).toEqual({ invoiceId: "2001", language: "en", email: "a@b.test" });
    // Cancel on the gateway's page: back to Pay, the box as the shopper left it; ticked, Pay asks to save.
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await user.click(screen.getByRole("checkbox", { name: "Save this card for next payments" }));
    await user.click(screen.getByRole("button", { name: /^Pay ₽/ }));
    await screen.findByRole("dialog");
    expect(endpoint.calls.at(-1)?.body).toEqual({ invoiceId: "2001", language: "en", email: "a@b.test", saveCard: true });
    view.unmount();
  });

  it("no 'Save this card' while cards are listed, nor for a shop that keeps none (canSave false)", () => {
    const endpoint = shop(null);
    render(<HostedRoot options={LISTED} beforePay={api.savedCardsFor({ cards: [VISA], canSave: true }, endpoint.fetch)} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    expect(screen.getByRole("radio", { name: /Visa •••• 4242/ })).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
    document.body.innerHTML = "";
    render(<HostedRoot options={LISTED} beforePay={api.savedCardsFor({ cards: [], canSave: false }, endpoint.fetch)} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.getByRole("button", { name: /^Pay ₽/ })).toBeTruthy();
  });

  it("with savedCards: true the root asks the endpoint itself and draws nothing more for a guest", async () => {
    const endpoint = shop({ cards: [], canSave: false });
    render(<HostedRoot options={RBS} deps={{ fetch: endpoint.fetch, win: fakeWindow().win }} />);
    await act(async () => void (await settle()));
    expect(endpoint.calls).toEqual([expect.objectContaining({ url: "/api/rbs/saved-cards", credentials: "include" })]);
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.getByRole("button", { name: /^Pay ₽/ })).toBeTruthy();
  });
});
