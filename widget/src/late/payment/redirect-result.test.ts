// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { readRedirectResult } from "./index.ts";

function fakeHistory() {
  return { state: { page: 1 }, replaceState: vi.fn() };
}

afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("readRedirectResult", () => {
  it("reads an approved return and removes only its own parameters", () => {
    const url = new URL(
      "https://shop.test/checkout?order=42&status=approved&transactionId=1001&amount=1500.50&currency=RUB&cardType=Visa&cardLastFour=4242#done",
    );
    const history = fakeHistory();
    expect(readRedirectResult(url, history)).toEqual({
      kind: "approved",
      result: {
        status: "approved",
        transactionId: 1001,
        amount: 1500.5,
        currency: "RUB",
        cardType: "Visa",
        cardLastFour: "4242",
        authCode: "",
      },
      card: { brand: null, lastFour: "4242" },
    });
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/checkout?order=42#done");
    // Read once: the URL object is cleaned too, so a second read finds nothing.
    expect(url.href).toBe("https://shop.test/checkout?order=42#done");
    expect(readRedirectResult(url, history)).toBeNull();
    expect(history.replaceState).toHaveBeenCalledTimes(1);
  });

  it("reads a declined return", () => {
    const history = fakeHistory();
    const outcome = readRedirectResult(new URL("https://shop.test/?status=declined&transactionId=7&reasonCode=5206"), history);
    expect(outcome).toEqual({ kind: "declined", transactionId: 7, reasonCode: 5206, message: "Error_Declined" });
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/");
  });

  it("reads an error return as failed", () => {
    const outcome = readRedirectResult(new URL("https://shop.test/?status=error&transactionId=7"), fakeHistory());
    expect(outcome).toEqual({ kind: "failed", messageKey: "Error_ThreeDs", retrySameRequest: false });
  });

  it.each([
    ["no parameters", "https://shop.test/checkout"],
    ["the shop's own status parameter", "https://shop.test/orders?status=approved"],
    ["an unknown status", "https://shop.test/?status=paid&transactionId=7"],
    ["a non-numeric transactionId", "https://shop.test/?status=approved&transactionId=abc"],
  ])("returns null and leaves the URL alone for %s", (_name, href) => {
    const history = fakeHistory();
    expect(readRedirectResult(new URL(href), history)).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it.each([
    ["approved without amount", "status=approved&transactionId=7&currency=RUB&cardLastFour=4242"],
    ["approved with a bad currency", "status=approved&transactionId=7&amount=10&currency=rub1&cardLastFour=4242"],
    ["approved with a long card number instead of last four", "status=approved&transactionId=7&amount=10&currency=RUB&cardLastFour=4242424242424242"],
    ["declined without reasonCode", "status=declined&transactionId=7"],
  ])("turns a malformed return (%s) into failed and still cleans the URL", (_name, query) => {
    const history = fakeHistory();
    expect(readRedirectResult(new URL(`https://shop.test/p?${query}`), history)).toEqual({
      kind: "failed",
      messageKey: "Error_BadResponse",
      retrySameRequest: false,
    });
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/p");
  });

  it("cleans the live page URL through window.history when given window.location", () => {
    window.history.replaceState({ keep: true }, "", "/shop?x=1&status=declined&transactionId=55&reasonCode=5051");
    expect(readRedirectResult(window.location)).toEqual({ kind: "declined", transactionId: 55, reasonCode: 5051, message: "Error_Declined" });
    expect(window.location.pathname + window.location.search).toBe("/shop?x=1");
    expect(window.history.state).toEqual({ keep: true });
    expect(readRedirectResult(window.location)).toBeNull();
  });
});
