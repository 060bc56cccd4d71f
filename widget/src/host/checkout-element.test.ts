// @vitest-environment jsdom
import { act, waitFor } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mountDataElements } from "./auto-mount.ts";
import { defineCheckoutElement } from "./checkout-element.ts";
import type { CheckoutWidgetElement } from "./checkout-element.ts";
import { useTestLate } from "./test-page.ts";

beforeAll(() => {
  useTestLate();
  defineCheckoutElement("checkout-widget");
});
afterEach(() => {
  act(() => {
    document.body.innerHTML = "";
  });
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const ATTRS = `public-id="pk_test" public-key-url="/key" endpoint="/api" invoice-id="77" amount="15" currency="USD" language="en"`;

function approvedFetch() {
  return vi.fn(async (url: string) =>
    String(url).endsWith("/key")
      ? new Response(JSON.stringify({ Pem: "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", Version: 4 }))
      : new Response(
          JSON.stringify({ status: "approved", transactionId: 9, amount: 15, currency: "USD", cardType: "Visa", cardLastFour: "4242", authCode: "A" }),
        ),
  );
}

async function payWithTypedCard(root: ParentNode, submit: () => void) {
  const user = userEvent.setup();
  const field = (autocomplete: string) => root.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)!;
  await user.type(field("cc-number"), "4242424242424242");
  await user.type(field("cc-exp"), "1234");
  await user.type(field("cc-csc"), "123");
  await user.type(field("cc-name"), "IVAN PETROV");
  await act(async () => submit());
}

describe("<checkout-widget>", () => {
  it("turns attributes into options and re-renders when one changes", async () => {
    await act(async () => {
      document.body.innerHTML = `<checkout-widget ${ATTRS}></checkout-widget>`;
    });
    const el = document.querySelector("checkout-widget")!;
    const pay = () => el.querySelector("button[type=submit]")?.textContent ?? "";
    await vi.waitFor(() => expect(pay()).toContain("$15.00"));
    await act(async () => {
      el.setAttribute("amount", "20");
      el.setAttribute("currency", "EUR");
    });
    await vi.waitFor(() => expect(pay()).toContain("€20.00"));
  });

  it("shows the error box for a wrong attribute and names it in the console", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await act(async () => {
      document.body.innerHTML = `<checkout-widget ${ATTRS.replace('amount="15"', 'amount="free"')} appearance="{oops"></checkout-widget>`;
    });
    const el = document.querySelector("checkout-widget")!;
    expect(el.querySelector("input")).toBeNull();
    expect(el.querySelector('[role=alert] [data-option="amount"]')).not.toBeNull();
    expect(el.querySelector('[role=alert] [data-option="appearance"]')).not.toBeNull();
    expect(error.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/option `amount` is invalid/);
  });

  it("fires checkout-success and checkout-complete, bubbling and composed, with the payload", async () => {
    vi.stubGlobal("fetch", approvedFetch());
    await act(async () => {
      document.body.innerHTML = `<div id="shop"><checkout-widget ${ATTRS}></checkout-widget></div>`;
    });
    const events: CustomEvent[] = [];
    const shop = document.getElementById("shop")!;
    for (const type of ["checkout-success", "checkout-fail", "checkout-complete"]) {
      shop.addEventListener(type, (event) => events.push(event as CustomEvent));
    }
    const el = document.querySelector<CheckoutWidgetElement>("checkout-widget")!;
    await payWithTypedCard(el, () => el.submit());
    await waitFor(() => expect(events.map((e) => e.type)).toEqual(["checkout-success", "checkout-complete"]));
    expect(events[0]!.bubbles && events[0]!.composed).toBe(true);
    expect(events[0]!.detail).toMatchObject({ transactionId: 9, invoiceId: "77", cardLastFour: "4242" });
    expect(events[1]!.detail).toMatchObject({ status: "approved", transactionId: 9 });
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain("4242424242424242");
  });

  it("fires checkout-ready for a listener added right after the element is appended", async () => {
    const el = document.createElement("checkout-widget");
    for (const [, name, value] of ATTRS.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
    const ready = vi.fn();
    act(() => {
      document.body.append(el);
    });
    el.addEventListener("checkout-ready", ready);
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
  });

  it("unmounts when removed from the document", async () => {
    await act(async () => {
      document.body.innerHTML = `<checkout-widget ${ATTRS}></checkout-widget>`;
    });
    const el = document.querySelector("checkout-widget")!;
    expect(el.children.length).toBe(1);
    act(() => el.remove());
    expect(el.children.length).toBe(0);
    expect(document.head.querySelectorAll("style[data-checkout-widget]")).toHaveLength(0);
  });
});

describe("data-checkout-widget", () => {
  it("mounts elements with data-* options once, and never our own <style data-checkout-widget>", async () => {
    document.body.innerHTML = `
      <div data-checkout-widget data-public-id="pk" data-public-key-url="/key" data-endpoint="/api"
           data-invoice-id="5" data-amount="1500" data-currency="RUB" data-language="ru"></div>`;
    let handles: ReturnType<typeof mountDataElements> = [];
    act(() => {
      handles = mountDataElements();
    });
    expect(handles).toHaveLength(1);
    expect(document.head.querySelector("style[data-checkout-widget]")).not.toBeNull();
    const host = document.querySelector<HTMLElement>("div[data-checkout-widget]")!;
    await vi.waitFor(() => expect(host.querySelector("button[type=submit]")?.textContent?.replace(/\s/g, " ")).toContain("1 500,00 ₽"));
    expect(mountDataElements()).toHaveLength(0);
    act(() => handles.forEach((h) => h.unmount()));
  });

  it("re-emits outcomes as DOM events on the host", async () => {
    vi.stubGlobal("fetch", approvedFetch());
    document.body.innerHTML = `<div data-checkout-widget data-public-id="pk" data-public-key-url="/key" data-endpoint="/api"
      data-invoice-id="6" data-amount="15" data-currency="USD" data-language="en"></div>`;
    let handles: ReturnType<typeof mountDataElements> = [];
    act(() => {
      handles = mountDataElements();
    });
    const host = document.querySelector<HTMLElement>("div[data-checkout-widget]")!;
    const complete = vi.fn();
    document.addEventListener("checkout-complete", complete);
    await payWithTypedCard(host, () => handles[0]!.submit());
    await waitFor(() => expect(complete).toHaveBeenCalledTimes(1));
    expect((complete.mock.calls[0]![0] as CustomEvent).detail).toMatchObject({ status: "approved", invoiceId: "6" });
    document.removeEventListener("checkout-complete", complete);
    act(() => handles.forEach((h) => h.unmount()));
  });
});
