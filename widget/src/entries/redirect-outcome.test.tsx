// @vitest-environment jsdom
import { act, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_OPTIONS, fakeCrypto } from "./test-page.ts";

afterEach(() => {
  document.body.innerHTML = "";
  vi.resetModules();
});

describe("after a redirect-mode 3-D Secure", () => {
  it.each(["direct", "lazy"] as const)("the first mount shows the outcome from the URL, cleans the URL and calls back (%s flow)", async (mode) => {
    window.history.replaceState(null, "", "/shop?order=1&status=approved&transactionId=55&amount=15&currency=USD&cardLastFour=4242#pay");
    // A fresh module graph: the outcome is taken once per page load.
    const { mountWith } = await import("./mount.tsx");
    document.body.innerHTML = `<div id="a"></div><div id="b"></div>`;
    const onSuccess = vi.fn();
    const onComplete = vi.fn();
    const deps = fakeCrypto(mode);
    let first!: ReturnType<typeof mountWith>;
    let second!: ReturnType<typeof mountWith>;
    act(() => {
      first = mountWith(deps, "#a", { ...TEST_OPTIONS, onSuccess, onComplete });
      second = mountWith(deps, "#b", TEST_OPTIONS);
    });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe("/shop?order=1#pay");
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ transactionId: 55, invoiceId: "1001" });
    expect(screen.getByRole("heading", { name: "Payment successful" }).closest("#a")).not.toBeNull();
    // The second widget on the page is a fresh form.
    expect(document.querySelector("#b input[autocomplete=cc-number]")).not.toBeNull();
    act(() => {
      first.unmount();
      second.unmount();
    });
  });

  it("script tag: waits for the chunk (it holds the parser and the texts) before the first draw; without it, draws the form", async () => {
    window.history.replaceState(null, "", "/shop?status=approved&transactionId=56&amount=15&currency=USD&cardLastFour=4242");
    const { mountWith } = await import("./mount.tsx");
    document.body.innerHTML = `<div id="a"></div>`;
    let release!: () => void;
    const beforeOutcome = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const deps = { ...fakeCrypto("lazy"), beforeOutcome };
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith(deps, "#a", TEST_OPTIONS);
      handle.update({ amount: 20 }); // before the first draw: must not draw early
    });
    expect(beforeOutcome).toHaveBeenCalledTimes(1);
    expect(document.querySelector("#a [data-checkout-widget-root]")).toBeNull();
    expect(window.location.search).toBe("?status=approved&transactionId=56&amount=15&currency=USD&cardLastFour=4242");
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole("heading", { name: "Payment successful" })).not.toBeNull());
    expect(window.location.search).toBe("");
    act(() => handle.unmount());

    // A URL without an outcome does not wait.
    document.body.innerHTML = `<div id="c"></div>`;
    act(() => {
      handle = mountWith(deps, "#c", TEST_OPTIONS);
    });
    expect(beforeOutcome).toHaveBeenCalledTimes(1);
    expect(document.querySelector("#c input[autocomplete=cc-number]")).not.toBeNull();
    act(() => handle.unmount());
  });

  it("script tag: a chunk that fails to load still leaves a working form", async () => {
    window.history.replaceState(null, "", "/shop?status=declined&transactionId=57&reasonCode=5051");
    const { mountWith } = await import("./mount.tsx");
    document.body.innerHTML = `<div id="a"></div>`;
    const deps = { ...fakeCrypto("lazy"), beforeOutcome: () => Promise.reject(new Error("blocked")) };
    let handle!: ReturnType<typeof mountWith>;
    act(() => {
      handle = mountWith(deps, "#a", TEST_OPTIONS);
    });
    await waitFor(() => expect(document.querySelector("#a input[autocomplete=cc-number]")).not.toBeNull());
    act(() => handle.unmount());
  });
});
