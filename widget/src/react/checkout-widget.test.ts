// @vitest-environment jsdom
// <CheckoutWidget> in React 19 (react-dom/client), over the real npm entry in jsdom.
import userEvent from "@testing-library/user-event";
import { generateKeyPairSync } from "node:crypto";
import { StrictMode, act, createElement, createRef, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CheckoutOptions } from "../index.ts";
import { CheckoutWidget, type CheckoutWidgetHandle, type CheckoutWidgetProps } from "./index.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let publicKeyPem = "";
beforeAll(() => {
  publicKeyPem = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
});

const options = (): CheckoutOptions => ({
  publicId: "pk_test",
  publicKey: { pem: publicKeyPem, version: 1 },
  endpoint: "/api",
  invoiceId: "1001",
  amount: 15,
  currency: "USD",
  language: "en",
});

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.createElement("div");
  host.id = "app";
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(async () => {
  await act(async () => root.unmount());
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

async function render(element: ReactElement, strict = false): Promise<void> {
  await act(async () => root.render(strict ? createElement(StrictMode, null, element) : element));
}

const widget = (props: CheckoutWidgetProps & { ref?: React.Ref<CheckoutWidgetHandle> }) => createElement(CheckoutWidget, props);
const input = (autocomplete: string) => host.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);
const payButton = () => [...host.querySelectorAll("button")].find((b) => /^pay/i.test(b.textContent ?? ""));

describe("<CheckoutWidget>", () => {
  it("mounts the card form once in its element, even under StrictMode's double mount", async () => {
    const onReady = vi.fn();
    await render(widget({ ...options(), className: "checkout", id: "pay-box", onReady }), true);
    const element = host.querySelector<HTMLElement>("div#pay-box.checkout");
    expect(element).not.toBeNull();
    expect(element?.querySelectorAll("form")).toHaveLength(1);
    expect(document.head.querySelectorAll("style[data-checkout-widget]")).toHaveLength(1);
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("under StrictMode, the first widget still shows a 3-D Secure redirect outcome (taken once per page)", async () => {
    window.history.replaceState(null, "", "/shop?status=approved&transactionId=55&amount=15&currency=USD&cardLastFour=4242");
    vi.resetModules(); // a fresh page: the outcome has not been taken yet
    // This tab began that redirect: only then is the outcome in the URL its own.
    const { issueTicket } = await import("../late/payment/redirect-ticket.ts");
    // An order of its own: the page remembers what it saw paid, and later tests pay 1001.
    issueTicket(sessionStorage, "1055", 55, "nonce");
    const fresh = await import("./index.ts");
    const onSuccess = vi.fn();
    await render(createElement(fresh.CheckoutWidget, { ...options(), invoiceId: "1055", onSuccess }), true);
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ transactionId: 55, invoiceId: "1055", unverified: true });
    expect([...host.querySelectorAll("h1, h2, h3")].map((h) => h.textContent)).toContain("Payment successful");
    expect(window.location.search).toBe("");
  });

  it("updates options in place: the amount changes, the form and what was typed stay", async () => {
    await render(widget(options()), true);
    const form = host.querySelector("form");
    await userEvent.type(input("cc-number")!, "4242");
    await vi.waitFor(() => expect(payButton()?.textContent).toContain("15.00"));
    await render(widget({ ...options(), amount: 20, appearance: { theme: "dark" } }), true);
    await vi.waitFor(() => expect(payButton()?.textContent).toContain("20.00"));
    expect(host.querySelector("form")).toBe(form);
    expect(input("cc-number")?.value).toBe("4242");
  });

  it("calls the latest callback props, without re-rendering the widget for a new closure", async () => {
    const first = vi.fn();
    const second = vi.fn();
    await render(widget({ ...options(), onChange: first }));
    await render(widget({ ...options(), onChange: second }));
    await userEvent.type(input("cc-number")!, "4");
    await vi.waitFor(() => expect(second).toHaveBeenCalled());
    expect(first).not.toHaveBeenCalled();
  });

  it("pays through ref.submit() and reports to the onSuccess of the latest render", async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url !== "/api/pay") throw new Error(`unexpected fetch ${url}`);
      const body = JSON.parse(String(init?.body)) as { cryptogram: string };
      return Response.json({ status: "approved", transactionId: 7, amount: 15, currency: "USD", cardType: "Visa", cardLastFour: "4242", authCode: "A1", echo: body.cryptogram.length });
    });
    vi.stubGlobal("fetch", fetchMock);
    const stale = vi.fn();
    const onSuccess = vi.fn();
    const ref = createRef<CheckoutWidgetHandle>();
    // An order of its own: the page remembers what it saw paid, and later tests show 1001's form.
    await render(widget({ ...options(), invoiceId: "1077", onSuccess: stale, ref }), true);
    const user = userEvent.setup();
    await user.type(input("cc-number")!, "4242424242424242");
    await user.type(input("cc-exp")!, "1234");
    await user.type(input("cc-csc")!, "123");
    await user.type(input("cc-name")!, "IVAN PETROV");
    await render(widget({ ...options(), invoiceId: "1077", onSuccess, ref }), true);
    await act(async () => ref.current?.submit());
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(stale).not.toHaveBeenCalled();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const body = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ invoiceId: "1077", name: "IVAN PETROV" });
    expect(typeof body["cryptogram"]).toBe("string");
    expect(JSON.stringify(body)).not.toContain("4242424242424242");
  });

  it("an option no longer given is taken away (update with undefined)", async () => {
    await render(widget({ ...options(), requireEmail: true }));
    await vi.waitFor(() => expect(input("email")).not.toBeNull());
    const form = host.querySelector("form");
    await render(widget(options()));
    await vi.waitFor(() => expect(input("email")).toBeNull());
    expect(host.querySelector("form")).toBe(form);
  });

  it("unmounting leaves nothing behind: no form, no stylesheet", async () => {
    await render(widget(options()), true);
    expect(host.querySelector("form")).not.toBeNull();
    await act(async () => root.render(null));
    await Promise.resolve();
    expect(host.innerHTML).toBe("");
    expect(document.head.querySelectorAll("style[data-checkout-widget]")).toHaveLength(0);
  });
});

describe("<CheckoutWidget> hydrating server HTML", () => {
  it("hydrates the server's empty div without a mismatch, then mounts the form into it", async () => {
    const { renderToString } = await import("react-dom/server");
    const { hydrateRoot } = await import("react-dom/client");
    const element = widget({ ...options(), className: "pay" });
    const server = document.createElement("div");
    server.innerHTML = renderToString(element);
    document.body.appendChild(server);
    const serverDiv = server.firstElementChild;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const recoverable: unknown[] = [];
    let hydrated!: Root;
    await act(async () => {
      hydrated = hydrateRoot(server, element, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(server.firstElementChild).toBe(serverDiv);
    expect(serverDiv?.querySelector("form")).not.toBeNull();
    await act(async () => hydrated.unmount());
  });
});
