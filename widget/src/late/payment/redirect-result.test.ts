// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { knownCardType } from "../../../../server/handlers/card-types.ts";
import { issueTicket, readRedirectResult, redeemTicket } from "./index.ts";

function fakeHistory() {
  return { state: { page: 1 }, replaceState: vi.fn() };
}

/** This tab began the redirect for that invoice and transaction (as the controller does before leaving). */
function began(invoiceId: string, transactionId: number): void {
  expect(issueTicket(sessionStorage, invoiceId, transactionId, `nonce-${transactionId}`)).toBe(true);
}

afterEach(() => {
  window.history.replaceState(null, "", "/");
  sessionStorage.clear();
  vi.restoreAllMocks();
});

const APPROVED =
  "status=approved&transactionId=1001&invoiceId=A-42&amount=1500.50&currency=RUB&cardType=Visa&cardLastFour=4242&captured=1&sig=c2lnbmF0dXJl";

describe("readRedirectResult", () => {
  it("reads an approved return this tab began, marks it unverified, and removes every field the kit wrote", () => {
    began("A-42", 1001);
    const url = new URL(`https://shop.test/checkout?order=42&${APPROVED}#done`);
    const history = fakeHistory();
    expect(readRedirectResult(url, { invoiceId: "A-42", history })).toEqual({
      kind: "approved",
      result: {
        status: "approved",
        transactionId: 1001,
        amount: 1500.5,
        currency: "RUB",
        cardType: "Visa",
        cardLastFour: "4242",
        authCode: "",
        captured: true,
      },
      card: { brand: null, lastFour: "4242" },
      unverified: true,
    });
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    // sig, invoiceId and captured go too: nothing of the outcome stays on the page.
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/checkout?order=42#done");
    expect(url.href).toBe("https://shop.test/checkout?order=42#done");
    expect(readRedirectResult(url, { invoiceId: "A-42", history })).toBeNull();
  });

  it("uses a ticket once: the same link again (a reload of the old URL, a copy) is not accepted", () => {
    began("A-42", 1001);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readRedirectResult(new URL(`https://shop.test/?${APPROVED}`), { invoiceId: "A-42", history: fakeHistory() })?.kind).toBe("approved");
    expect(readRedirectResult(new URL(`https://shop.test/?${APPROVED}`), { invoiceId: "A-42", history: fakeHistory() })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["no ticket at all (a crafted link)", () => undefined, "A-42"],
    ["a ticket for another transaction", () => began("A-42", 1002), "A-42"],
    ["a ticket for another invoice", () => began("B-7", 1001), "A-42"],
    ["a widget for another invoice than the outcome's", () => began("A-42", 1001), "C-9"],
  ])("ignores an outcome for %s, and still cleans the URL", (_name, arrange, invoiceId) => {
    arrange();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const history = fakeHistory();
    expect(readRedirectResult(new URL(`https://shop.test/p?x=1&${APPROVED}`), { invoiceId, history })).toBeNull();
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/p?x=1");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("ignored"));
  });

  it("without sessionStorage (blocked) nothing is accepted", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readRedirectResult(new URL(`https://shop.test/?${APPROVED}`), { invoiceId: "A-42", history: fakeHistory(), storage: null })).toBeNull();
  });

  it("shows a brand name only from the gateways' list", () => {
    began("A-42", 1001);
    const crafted = APPROVED.replace("cardType=Visa", `cardType=${encodeURIComponent("<b>Call +7 900 000-00-00</b>")}`);
    const outcome = readRedirectResult(new URL(`https://shop.test/?${crafted}`), { invoiceId: "A-42", history: fakeHistory() });
    expect(outcome?.kind === "approved" && outcome.result.cardType).toBe("");
  });

  it("knows the brand names the kit sends", () => {
    for (const name of ["visa", "mastercard", "maestro", "mir", "amex", "jcb", "unionpay", "dinersclub", "discover"]) {
      began("A-42", 1001);
      const kit = knownCardType(name);
      const outcome = readRedirectResult(new URL(`https://shop.test/?${APPROVED.replace("cardType=Visa", `cardType=${kit}`)}`), {
        invoiceId: "A-42",
        history: fakeHistory(),
      });
      expect(outcome?.kind === "approved" && outcome.result.cardType).toBe(kit);
    }
  });

  it("reads a declined return", () => {
    began("A-42", 7);
    const history = fakeHistory();
    const outcome = readRedirectResult(new URL("https://shop.test/?status=declined&transactionId=7&invoiceId=A-42&reasonCode=5206&sig=x"), { invoiceId: "A-42", history });
    expect(outcome).toEqual({ kind: "declined", transactionId: 7, reasonCode: 5206, message: "Error_Declined", unverified: true });
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/");
  });

  it("reads an error return by its code: already_paid is the paid state, another known code its failure, none a failed 3-D Secure", () => {
    const read = (query: string) => readRedirectResult(new URL(`https://shop.test/?${query}&sig=x`), { invoiceId: "A-42", history: fakeHistory() });
    began("A-42", 7);
    expect(read("status=error&transactionId=7&invoiceId=A-42&code=already_paid")).toEqual({ kind: "paid", unverified: true });
    began("A-42", 8);
    expect(read("status=error&transactionId=8&invoiceId=A-42&code=payment_in_progress")).toEqual({
      kind: "failed",
      code: "payment_in_progress",
      messageKey: "Error_InProgress",
      retrySameRequest: false,
      unverified: true,
    });
    began("A-42", 9);
    expect(read("status=error&transactionId=9&invoiceId=A-42")).toEqual({
      kind: "failed",
      code: "three_ds_failed",
      messageKey: "Error_ThreeDs",
      retrySameRequest: false,
      unverified: true,
    });
  });

  it.each([
    ["no parameters", "https://shop.test/checkout"],
    ["the shop's own status parameter", "https://shop.test/orders?status=approved"],
    ["an unknown status", "https://shop.test/?status=paid&transactionId=7"],
    ["a non-numeric transactionId", "https://shop.test/?status=approved&transactionId=abc"],
  ])("returns null and leaves the URL alone for %s", (_name, href) => {
    const history = fakeHistory();
    expect(readRedirectResult(new URL(href), { invoiceId: "A-42", history })).toBeNull();
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it.each([
    ["approved without amount", "status=approved&transactionId=7&currency=RUB&cardLastFour=4242"],
    ["approved with a bad currency", "status=approved&transactionId=7&amount=10&currency=rub1&cardLastFour=4242"],
    ["approved with a long card number instead of last four", "status=approved&transactionId=7&amount=10&currency=RUB&cardLastFour=4242424242424242"],
    ["declined without reasonCode", "status=declined&transactionId=7"],
  ])("turns a malformed return (%s) into failed and still cleans the URL", (_name, query) => {
    began("A-42", 7);
    const history = fakeHistory();
    expect(readRedirectResult(new URL(`https://shop.test/p?${query}`), { invoiceId: "A-42", history })).toEqual({
      kind: "failed",
      code: "bad_response",
      messageKey: "Error_BadResponse",
      retrySameRequest: false,
      unverified: true,
    });
    expect(history.replaceState).toHaveBeenCalledWith({ page: 1 }, "", "/p");
  });

  it("cleans the live page URL through window.history when given window.location", () => {
    began("A-42", 55);
    window.history.replaceState({ keep: true }, "", "/shop?x=1&status=declined&transactionId=55&invoiceId=A-42&reasonCode=5051&sig=x");
    expect(readRedirectResult(window.location, { invoiceId: "A-42" })).toMatchObject({ kind: "declined", transactionId: 55, reasonCode: 5051 });
    expect(window.location.pathname + window.location.search).toBe("/shop?x=1");
    expect(window.history.state).toEqual({ keep: true });
    expect(readRedirectResult(window.location, { invoiceId: "A-42" })).toBeNull();
  });
});

describe("redirect tickets", () => {
  it("hold ids and a time only, lapse after an hour, and keep the last five", () => {
    const now = 1_000_000;
    for (let id = 1; id <= 7; id++) issueTicket(sessionStorage, "A-42", id, `n${id}`, now);
    const stored = JSON.parse(sessionStorage.getItem("checkout-widget:3ds-redirect") ?? "[]") as Array<{ transactionId: number }>;
    expect(stored.map((t) => t.transactionId)).toEqual([3, 4, 5, 6, 7]);
    expect(redeemTicket(sessionStorage, "A-42", 1, now)).toBe(false);
    expect(redeemTicket(sessionStorage, "A-42", 3, now + 60 * 60_000 + 1)).toBe(false);
    expect(redeemTicket(sessionStorage, "A-42", 4, now + 60_000)).toBe(true);
    expect(redeemTicket(sessionStorage, "A-42", 4, now + 60_000)).toBe(false);
  });

  it("survive garbage in storage", () => {
    sessionStorage.setItem("checkout-widget:3ds-redirect", "{not json");
    expect(redeemTicket(sessionStorage, "A-42", 1)).toBe(false);
    expect(issueTicket(sessionStorage, "A-42", 1, "n")).toBe(true);
    expect(redeemTicket(sessionStorage, "A-42", 1)).toBe(true);
  });
});
