// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LateApi } from "./late.ts";

afterEach(() => {
  document.body.innerHTML = "";
  vi.resetModules();
});

/** A fresh module graph: the outcome is taken once per page load. */
async function freshPage() {
  const [{ mountWith }, { setLateSource }, { TEST_OPTIONS, useTestLate }] = await Promise.all([
    import("./mount.tsx"),
    import("./late.ts"),
    import("./test-page.ts"),
  ]);
  return { mountWith, setLateSource, TEST_OPTIONS, useTestLate };
}

describe("after a redirect-mode 3-D Secure", () => {
  it("the first mount shows the outcome from the URL, cleans the URL and calls back", async () => {
    window.history.replaceState(null, "", "/shop?order=1&status=approved&transactionId=55&amount=15&currency=USD&cardLastFour=4242#pay");
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
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/shop?order=1#pay");
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ transactionId: 55, invoiceId: "1001" });
    expect(screen.getByRole("heading", { name: "Payment successful" }).closest("#a")).not.toBeNull();
    act(() => {
      first.unmount();
      second.unmount();
    });
  });

  it("waits for the late code (it holds the parser and the texts) before drawing anything; a URL without an outcome does not", async () => {
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
    expect(document.querySelector("#a [data-checkout-widget-root]")?.childElementCount).toBe(0);
    expect(window.location.search).toBe("?status=approved&transactionId=56&amount=15&currency=USD&cardLastFour=4242");
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole("heading", { name: "Payment successful" })).not.toBeNull());
    expect(window.location.search).toBe("");
    act(() => handle.unmount());

    document.body.innerHTML = `<div id="c"></div>`;
    act(() => {
      handle = mountWith("#c", TEST_OPTIONS);
    });
    expect(document.querySelector("#c input[autocomplete=cc-number]")).not.toBeNull();
    act(() => handle.unmount());
  });

  it("a late code that fails to load still leaves a working form", async () => {
    window.history.replaceState(null, "", "/shop?status=declined&transactionId=57&reasonCode=5051");
    const { mountWith, TEST_OPTIONS, useTestLate } = await freshPage();
    useTestLate({ fail: () => true });
    document.body.innerHTML = `<div id="a"></div>`;
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith("#a", TEST_OPTIONS);
    });
    await waitFor(() => expect(document.querySelector("#a input[autocomplete=cc-number]")).not.toBeNull());
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
