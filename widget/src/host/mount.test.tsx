// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mount as mountWith, open as openWith } from "./mount.tsx";
import { TEST_OPTIONS, countListeners, useTestLate } from "./test-page.ts";
import type { ListenerCounter } from "./test-page.ts";

let listeners: ListenerCounter;
beforeEach(() => {
  listeners = countListeners();
  document.body.innerHTML = `<main><p id="keep">shop content</p><div id="checkout"><span id="fallback">loading</span></div></main>`;
});
afterEach(() => {
  listeners.restore();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

const input = (autocomplete: string) => document.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);

describe("mount", () => {
  it("renders the form beside the target's own content and unmount takes away only what it added", () => {
    const before = document.body.innerHTML;
    const late = useTestLate();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", TEST_OPTIONS);
    });
    expect(input("cc-number")).not.toBeNull();
    expect(document.querySelector("#checkout #fallback")).not.toBeNull();
    expect(document.head.querySelectorAll("style[data-checkout-widget]")).toHaveLength(1);
    act(() => handle.unmount());
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.querySelectorAll("style")).toHaveLength(0);
  });

  it("calls onReady once, after mount() has returned its handle, and not at all if unmounted first", async () => {
    const seen: string[] = [];
    let handle: ReturnType<typeof mountWith> | undefined;
    act(() => {
      handle = mountWith("#checkout", { ...TEST_OPTIONS, onReady: () => seen.push(handle ? "with handle" : "inside mount") });
    });
    expect(seen).toEqual([]);
    await waitFor(() => expect(seen).toEqual(["with handle"]));
    act(() => handle?.unmount());

    const early = vi.fn();
    act(() => mountWith("#checkout", { ...TEST_OPTIONS, onReady: early }).unmount());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(early).not.toHaveBeenCalled();
  });

  it("leaves no nodes, styles or listeners after 50 mounts and unmounts", () => {
    const bodyBefore = document.body.innerHTML;
    const headBefore = document.head.innerHTML;
    const listenersBefore = listeners.active();
    const late = useTestLate();
    for (let i = 0; i < 50; i++) {
      let handle!: ReturnType<typeof mountWith>;
      act(() => {
        handle = mountWith(document.getElementById("checkout")!, { ...TEST_OPTIONS, invoiceId: `inv-${i}` });
      });
      act(() => input("cc-number")!.focus());
      act(() => handle.unmount());
    }
    expect(document.body.innerHTML).toBe(bodyBefore);
    expect(document.head.innerHTML).toBe(headBefore);
    expect(listeners.active()).toEqual(listenersBefore);
  });

  it("fails loudly for wrong options: console errors naming the option and an error box instead of the form", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const late = useTestLate();
    const { endpoint: _dropped, ...withoutEndpoint } = TEST_OPTIONS;
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", { ...withoutEndpoint, amount: -1 } as typeof TEST_OPTIONS);
    });
    // The developer's texts come with the late code, a moment later.
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    const messages = error.mock.calls.map((call) => String(call[0]));
    expect(messages).toContain("checkout-widget: option `endpoint` is required; expected your server's checkout endpoint base URL, e.g. \"/api/checkout\"");
    expect(messages.some((m) => m.startsWith("checkout-widget: option `amount` is invalid"))).toBe(true);
    expect(input("cc-number")).toBeNull();
    // The shopper reads one line in their language; the integrator's English is in the console only.
    const alert = screen.getByRole("alert");
    expect(["The payment form is set up incorrectly. Please tell the shop", "Форма оплаты настроена неверно. Сообщите об этом магазину"]).toContain(alert.textContent);
    expect(alert.getAttribute("data-config-error")).toBe("endpoint amount");

    // Fixing the options through update() brings the form.
    act(() => handle.update({ endpoint: "/api", amount: 15 }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(input("cc-number")).not.toBeNull();
    act(() => handle.unmount());
  });

  it("unmount() leaves no card data in elements a page script still holds: values cleared, no handlers", async () => {
    useTestLate();
    const user = userEvent.setup();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", TEST_OPTIONS);
    });
    await user.type(input("cc-number")!, "4242424242424242");
    await user.type(input("cc-csc")!, "047");
    const held = Array.from(document.querySelectorAll("#checkout *"));
    const fields = held.filter((el): el is HTMLInputElement => el instanceof HTMLInputElement);
    expect(fields.map((el) => el.value)).toContain("4242 4242 4242 4242");
    // Preact keeps handlers on the element: each reaches the form and its values.
    expect(held.some((el) => "l" in el || "__e" in el)).toBe(true);
    act(() => handle.unmount());
    expect(fields.every((el) => el.value === "")).toBe(true);
    expect(held.filter((el) => "l" in el || "__e" in el)).toEqual([]);
    // An event on a held element reaches nothing, and throws nothing.
    expect(() => fields[0]!.dispatchEvent(new Event("input", { bubbles: true }))).not.toThrow();
  });

  it("throws for a target that does not exist", () => {
    const late = useTestLate();
    expect(() => mountWith("#nope", TEST_OPTIONS)).toThrow(/#nope/);
  });

  it("starts loading the late code on first focus, before the shopper submits", () => {
    const late = useTestLate();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", TEST_OPTIONS);
    });
    expect(late.load).not.toHaveBeenCalled();
    act(() => input("cc-number")!.focus());
    expect(late.load).toHaveBeenCalled();
    act(() => handle.unmount());
  });

  it("update() re-renders with merged options", async () => {
    const late = useTestLate();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", TEST_OPTIONS);
    });
    const pay = () => document.querySelector<HTMLButtonElement>("button[type=submit]")!.textContent ?? "";
    // The amount joins the label a task after the first render (see CardForm).
    await vi.waitFor(() => expect(pay()).toContain("15.00"));
    act(() => handle.update({ amount: 20 }));
    await vi.waitFor(() => expect(pay()).toContain("20.00"));
    expect(pay()).toContain("$");
    act(() => handle.unmount());
  });

  it("submit() pays with the typed card: the endpoint gets the cryptogram, never the card", async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      new Response(
        JSON.stringify({ status: "approved", transactionId: 7, amount: 15, currency: "USD", cardType: "Visa", cardLastFour: "4242", authCode: "A1" }),
        { status: 200, headers: { "Content-Type": "application/json" } },
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    const onSuccess = vi.fn();
    useTestLate();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", { ...TEST_OPTIONS, onSuccess });
    });
    const user = userEvent.setup();
    await user.type(input("cc-number")!, "4242424242424242");
    await user.type(input("cc-exp")!, "1234");
    await user.type(input("cc-csc")!, "123");
    await user.type(input("cc-name")!, "IVAN PETROV");
    await act(async () => handle.submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/pay");
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ cryptogram: "CRYPTOGRAM", invoiceId: "1001", name: "IVAN PETROV" });
    expect(JSON.stringify(body)).not.toContain("4242424242424242");
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ transactionId: 7, invoiceId: "1001" });
    act(() => handle.unmount());
  });

  it("submit() on an empty form shows the errors instead of paying", async () => {
    const late = useTestLate();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#checkout", TEST_OPTIONS);
    });
    await act(async () => handle.submit());
    expect(input("cc-number")!.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input("cc-number"));
    act(() => handle.unmount());
  });
});

describe("open", () => {
  it("shows the form in a modal; Escape closes it, focus returns, nothing is left", async () => {
    const opener = document.createElement("button");
    opener.textContent = "Buy";
    document.body.appendChild(opener);
    opener.focus();
    const bodyBefore = document.body.innerHTML;
    const listenersBefore = listeners.active();
    const late = useTestLate();
    act(() => {
      openWith(TEST_OPTIONS);
    });
    const dialog = screen.getByRole("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.contains(input("cc-number"))).toBe(true);
    expect(dialog.contains(document.activeElement)).toBe(true);

    const user = userEvent.setup();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(document.body.innerHTML).toBe(bodyBefore);
    expect(document.head.querySelectorAll("style")).toHaveLength(0);
    expect(listeners.active()).toEqual(listenersBefore);
  });

  it("close() removes the dialog", () => {
    const late = useTestLate();
    let handle!: ReturnType<typeof openWith>;
    act(() => {
      handle = openWith(TEST_OPTIONS);
    });
    expect(screen.getByRole("dialog")).toBeTruthy();
    act(() => handle.close());
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.body.children).toHaveLength(1);
  });
});
