// @vitest-environment jsdom
import { act, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LateApi } from "./late.ts";

afterEach(() => {
  document.body.innerHTML = "";
  sessionStorage.clear();
  vi.restoreAllMocks();
  vi.resetModules();
});

/** The late code is imported fresh in each test (a new module graph): it may take a while here. */
const LATE = { timeout: 10_000 };

/** A fresh module graph: the outcome is taken once per page load. */
async function freshPage() {
  const [{ mountWith }, { setLateSource }, { TEST_OPTIONS, useTestLate }] = await Promise.all([
    import("./mount.tsx"),
    import("./late.ts"),
    import("./test-page.ts"),
  ]);
  return { mountWith, setLateSource, TEST_OPTIONS, useTestLate };
}

/** This tab left for the bank from the widget for that transaction (the flow writes this ticket). */
async function began(transactionId: number, invoiceId = "1001"): Promise<void> {
  const { issueTicket } = await import("../late/payment/redirect-ticket.ts");
  issueTicket(sessionStorage, invoiceId, transactionId, "nonce");
}

describe("after a redirect-mode 3-D Secure", () => {
  it("the first mount shows the outcome from the URL, cleans the URL and calls back, marked unverified", async () => {
    await began(55);
    window.history.replaceState(null, "", "/shop?order=1&status=approved&transactionId=55&invoiceId=1001&amount=15&currency=USD&cardLastFour=4242&sig=s#pay");
    const { mountWith, TEST_OPTIONS, useTestLate } = await freshPage();
    useTestLate();
    document.body.innerHTML = `<div id="a"></div><div id="b"></div>`;
    const onSuccess = vi.fn();
    const onComplete = vi.fn();
    let first!: ReturnType<typeof mountWith>;
    let second!: ReturnType<typeof mountWith>;
    act(() => {
      first = mountWith("#a", { ...TEST_OPTIONS, onSuccess, onComplete });
      second = mountWith("#b", TEST_OPTIONS);
    });
    // The second widget on the page is a fresh form at once.
    expect(document.querySelector("#b input[autocomplete=cc-number]")).not.toBeNull();
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1), LATE);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/shop?order=1#pay");
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ transactionId: 55, invoiceId: "1001", unverified: true });
    // The first mount took the outcome. (The second, for the same order, may show the payment too
    // once its controller starts after the page has seen it paid: which comes first is timing.)
    expect(within(document.querySelector<HTMLElement>("#a")!).getByRole("heading", { name: "Payment successful" })).toBeTruthy();
    act(() => {
      first.unmount();
      second.unmount();
    });
  });

  it("waits for the late code (it holds the parser and the texts) before drawing anything; a URL without an outcome does not", async () => {
    await began(56);
    window.history.replaceState(null, "", "/shop?status=approved&transactionId=56&amount=15&currency=USD&cardLastFour=4242");
    const { mountWith, setLateSource, TEST_OPTIONS } = await freshPage();
    let release!: () => void;
    const load = vi.fn(async (): Promise<LateApi> => {
      await new Promise<void>((resolve) => (release = resolve));
      return import("../late/index.ts");
    });
    setLateSource(load);
    document.body.innerHTML = `<div id="a"></div>`;
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#a", TEST_OPTIONS);
      handle.update({ amount: 20 }); // before the outcome is read: must not draw a form early
    });
    expect(load).toHaveBeenCalledTimes(1);
    // No form yet: the form's outline, pulsing, says it is coming.
    expect(document.querySelector("#a input")).toBeNull();
    expect(document.querySelector("#a [aria-busy=true] [role=status]")?.textContent).toBe("Loading the payment form…");
    expect(window.location.search).toBe("?status=approved&transactionId=56&amount=15&currency=USD&cardLastFour=4242");
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole("heading", { name: "Payment successful" })).not.toBeNull(), LATE);
    expect(window.location.search).toBe("");
    act(() => handle.unmount());

    // Later widgets draw at once: another order's is a form; this order's shows what the page saw paid.
    document.body.innerHTML = `<div id="c"></div><div id="d"></div>`;
    let again!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#c", { ...TEST_OPTIONS, invoiceId: "1002" });
      again = mountWith("#d", TEST_OPTIONS);
    });
    expect(document.querySelector("#c input[autocomplete=cc-number]")).not.toBeNull();
    expect(document.querySelector("#d input")).toBeNull();
    expect(document.querySelector("#d h2")?.textContent).toBe("Payment successful");
    act(() => (handle.unmount(), again.unmount()));
  });

  it("a crafted link (no ticket of this tab) shows no outcome and fires nothing: a form, the URL cleaned", async () => {
    window.history.replaceState(null, "", "/shop?status=approved&transactionId=59&invoiceId=1001&amount=15&currency=USD&cardType=Visa&cardLastFour=4242&sig=x");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { mountWith, TEST_OPTIONS, useTestLate } = await freshPage();
    useTestLate();
    document.body.innerHTML = `<div id="a"></div>`;
    const onSuccess = vi.fn();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#a", { ...TEST_OPTIONS, onSuccess });
    });
    await waitFor(() => expect(document.querySelector("#a input[autocomplete=cc-number]")).not.toBeNull(), LATE);
    expect(window.location.search).toBe("");
    expect(screen.queryByRole("heading", { name: "Payment successful" })).toBeNull();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("ignored"));
    act(() => handle.unmount());
  });

  it("a late code that fails to load ends in the form's own failure, said to the console and to onFail", async () => {
    window.history.replaceState(null, "", "/shop?status=declined&transactionId=57&reasonCode=5051");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { mountWith, TEST_OPTIONS, useTestLate } = await freshPage();
    useTestLate({ fail: () => true });
    document.body.innerHTML = `<div id="a"></div>`;
    const onFail = vi.fn();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#a", { ...TEST_OPTIONS, language: "en", onFail });
    });
    await waitFor(() => expect(onFail).toHaveBeenCalledWith(expect.objectContaining({ code: "script_unavailable" })), LATE);
    expect(screen.getByText("The payment form is set up incorrectly. Please tell the shop")).toBeTruthy();
    expect(error.mock.calls.map((args) => args.join(" ")).join("\n")).toContain("checkout-widget-crypto.js");
    act(() => handle.unmount());
  });

  it("an unmount before the late code arrives leaves nothing and reads nothing", async () => {
    window.history.replaceState(null, "", "/shop?status=declined&transactionId=58&reasonCode=5051");
    const { mountWith, setLateSource, TEST_OPTIONS } = await freshPage();
    let release!: () => void;
    setLateSource(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return import("../late/index.ts");
    });
    document.body.innerHTML = `<div id="a"></div>`;
    const onComplete = vi.fn();
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#a", { ...TEST_OPTIONS, onComplete });
    });
    act(() => handle.unmount());
    await act(async () => release());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.getElementById("a")?.innerHTML).toBe("");
    expect(onComplete).not.toHaveBeenCalled();
  });
});
