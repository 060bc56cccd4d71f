// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { countListeners } from "../host/test-page.ts";
import type { ListenerCounter } from "../host/test-page.ts";
import type { HostedOptions } from "../shared/index.ts";
import { mount, open } from "./mount.tsx";
import { fakeEndpoint, OPTIONS, PAGE } from "./test-kit.ts";

let listeners: ListenerCounter;
beforeEach(() => {
  listeners = countListeners();
  document.body.innerHTML = `<main><p>shop</p><div id="checkout"></div></main>`;
});
afterEach(() => {
  listeners.restore();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

const pay = () => screen.getByRole("button", { name: /^Pay/ });

describe("hosted mount", () => {
  it("shows the order and Pay; Pay opens the gateway's page in a labelled dialog with a loading state; Escape goes back to Pay with a note", async () => {
    const endpoint = fakeEndpoint([{ status: 200, body: PAGE }]);
    vi.stubGlobal("fetch", endpoint.fetch);
    const onCancel = vi.fn();
    const user = userEvent.setup();
    let handle!: ReturnType<typeof mount>;
    act(() => {
      handle = mount("#checkout", { ...OPTIONS, description: "Order 1001", onCancel });
    });
    expect(screen.getByText("Order 1001")).toBeTruthy();
    expect(pay().textContent).toBe("Pay ₽1,500.00");
    await user.click(pay());
    const dialog = await screen.findByRole("dialog", { name: "Card payment page" });
    const frame = dialog.querySelector("iframe");
    expect(frame?.getAttribute("src")).toBe(PAGE.url);
    expect(frame?.title).toBe("The payment service's page");
    expect(screen.getAllByText("Loading the payment page…").length).toBeGreaterThan(0);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByText("You left the payment page. If you did not pay there, you can pay again")).toBeTruthy();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(endpoint.sent).toHaveLength(1);
    act(() => handle.unmount());
  });

  it("unmount leaves nothing: nodes, stylesheet, listeners, also with the page open", async () => {
    vi.stubGlobal("fetch", fakeEndpoint([{ status: 200, body: PAGE }]).fetch);
    const body = document.body.innerHTML;
    const before = listeners.active();
    expect(document.head.querySelectorAll("style")).toHaveLength(0);
    let handle!: ReturnType<typeof mount>;
    act(() => {
      handle = mount("#checkout", OPTIONS);
    });
    await userEvent.setup().click(pay());
    await screen.findByRole("dialog");
    expect(document.head.querySelectorAll("style[data-checkout-widget]")).toHaveLength(1);
    act(() => handle.unmount());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(document.body.innerHTML).toBe(body);
    expect(document.head.querySelectorAll("style")).toHaveLength(0);
    expect(listeners.active()).toEqual(before);
    expect(document.documentElement.style.overflow).toBe("");
  });

  it("calls onReady once, after mount() has returned its handle, and not at all if unmounted first", async () => {
    const seen: string[] = [];
    let handle: ReturnType<typeof mount> | undefined;
    act(() => {
      handle = mount("#checkout", { ...OPTIONS, onReady: () => seen.push(handle ? "with handle" : "inside mount") });
    });
    await waitFor(() => expect(seen).toEqual(["with handle"]));
    act(() => handle?.unmount());
    const early = vi.fn();
    act(() => mount("#checkout", { ...OPTIONS, onReady: early }).unmount());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(early).not.toHaveBeenCalled();
  });

  it("open() shows the Pay screen in a modal; close() removes it", () => {
    let handle!: ReturnType<typeof open>;
    act(() => {
      handle = open({ ...OPTIONS, merchantName: "Demo shop" });
    });
    expect(screen.getByRole("dialog", { name: "Demo shop" })).toBeTruthy();
    expect(pay()).toBeTruthy();
    act(() => handle.close());
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.body.children).toHaveLength(1);
  });

  it("card options in hosted mode, or required ones missing: one localised line, the console names each, no Pay button", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const mixed = { ...OPTIONS, language: "ru", publicId: "pk_test" } as unknown as HostedOptions;
    let handle!: ReturnType<typeof mount>;
    act(() => {
      handle = mount("#checkout", mixed);
    });
    expect(screen.getByRole("alert").textContent).toBe("Форма оплаты настроена неверно. Сообщите об этом магазину");
    expect(screen.queryByRole("button")).toBeNull();
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^checkout-widget: option publicId is a card-form option \(checkout-widget\.js\)/)]);
    act(() => handle.unmount());
    error.mockClear();
    act(() => void mount("#checkout", { ...OPTIONS, amount: -1, currency: "rub" }).unmount());
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/option amount is missing or invalid/),
      expect.stringMatching(/option currency is missing or invalid/),
    ]);
  });
});
