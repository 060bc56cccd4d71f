import { afterEach, describe, expect, it, vi } from "vitest";
import { issueTicket } from "../late/payment/redirect-ticket.ts";
import { readHostedReturn } from "./return-result.ts";
import { memoryStorage } from "./test-kit.ts";

afterEach(() => vi.restoreAllMocks());

const query = (fields: Record<string, string>) => `https://shop.test/invoice?lang=en&${new URLSearchParams(fields).toString()}`;
const APPROVED = { status: "approved", transactionId: "pay-7f3a", invoiceId: "1001", amount: "1500", currency: "RUB", cardType: "MIR", cardLastFour: "6654", captured: "1", sig: "s" };

function history() {
  const urls: string[] = [];
  return { urls, state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void urls.push(String(url)) };
}

describe("readHostedReturn", () => {
  it("reads the outcome once, only with this tab's ticket for that payment of this invoice, and cleans the URL", () => {
    const storage = memoryStorage();
    issueTicket(storage, "1001", "pay-7f3a", "nonce");
    const h = history();
    const url = new URL(query(APPROVED));
    expect(readHostedReturn(url, { invoiceId: "1001", storage, history: h })).toEqual({
      paymentId: "pay-7f3a",
      result: { status: "approved", transactionId: "pay-7f3a", amount: 1500, currency: "RUB", cardType: "MIR", cardLastFour: "6654", authCode: "", captured: true },
    });
    expect(h.urls).toEqual(["/invoice?lang=en"]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    // The same link again (a reload, a shared link): the ticket is used up.
    expect(readHostedReturn(new URL(query(APPROVED)), { invoiceId: "1001", storage, history: history() })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("ignores a link this tab did not leave with, or one for another invoice, and still cleans it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const storage = memoryStorage();
    const h = history();
    expect(readHostedReturn(new URL(query(APPROVED)), { invoiceId: "1001", storage, history: h })).toBeNull();
    expect(h.urls).toEqual(["/invoice?lang=en"]);
    issueTicket(storage, "1001", "pay-7f3a", "nonce");
    expect(readHostedReturn(new URL(query(APPROVED)), { invoiceId: "2002", storage, history: history() })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    // The ticket is still there for its own invoice.
    expect(readHostedReturn(new URL(query(APPROVED)), { invoiceId: "1001", storage, history: history() })).not.toBeNull();
  });

  it("leaves a shop's own ?status alone when no payment id comes with it", () => {
    const h = history();
    expect(readHostedReturn(new URL("https://shop.test/invoice?status=open"), { invoiceId: "1001", storage: memoryStorage(), history: h })).toBeNull();
    expect(h.urls).toEqual([]);
  });

  it("reads Invoice's approval without a card, a cancel, a decline and an error; a malformed amount reads as nothing", () => {
    const read = (fields: Record<string, string>) => {
      const storage = memoryStorage();
      issueTicket(storage, "1001", "pay-7f3a", "n");
      return readHostedReturn(new URL(query({ transactionId: "pay-7f3a", invoiceId: "1001", ...fields })), { invoiceId: "1001", storage, history: history() })?.result;
    };
    expect(read({ status: "approved", amount: "15.5", currency: "RUB", cardType: "Hacker" })).toMatchObject({ status: "approved", amount: 15.5, cardType: "", cardLastFour: "" });
    expect(read({ status: "cancelled" })).toEqual({ status: "cancelled", paymentId: "pay-7f3a", message: "" });
    expect(read({ status: "declined", reasonCode: "5051" })).toMatchObject({ status: "declined", reasonCode: 5051 });
    expect(read({ status: "error", code: "payment_unconfirmed" })).toEqual({ status: "error", code: "payment_unconfirmed", message: "" });
    expect(read({ status: "approved", amount: "1e9", currency: "RUB" })).toBeNull();
    expect(read({ status: "approved", amount: "10", currency: "RUB", cardLastFour: "4242424242424242" })).toBeNull();
  });
});
