import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PayApproved, PayDeclined, PayThreeDs } from "../../../../server/contract.ts";
import { parsePayResponse, parseThreeDsResultMessage } from "./index.ts";

const approved: PayApproved = {
  status: "approved",
  transactionId: 1,
  amount: 10.5,
  currency: "USD",
  cardType: "Mir",
  cardLastFour: "0001",
  authCode: "X",
  token: "tk_1",
};
const declined: PayDeclined = { status: "declined", reasonCode: 5051, reason: "InsufficientFunds", message: "m" };
const threeDs: PayThreeDs = {
  status: "3ds",
  transactionId: 3,
  acsUrl: "http://127.0.0.1:8600/acs",
  paReq: "p",
  termUrl: "http://127.0.0.1:8080/api/3ds/return",
  iframeAllowed: true,
  frameWidth: 500,
};

describe("parsePayResponse", () => {
  it.each([approved, declined, threeDs, { status: "error", message: "bad" }])("accepts a valid %s answer", (answer) => {
    expect(parsePayResponse(answer)).toEqual(answer);
  });

  it("keeps an error's code only when the widget knows it", () => {
    expect(parsePayResponse({ status: "error", message: "m", code: "payment_in_progress" })).toEqual({ status: "error", message: "m", code: "payment_in_progress" });
    expect(parsePayResponse({ status: "error", message: "m", code: "future_code" })).toEqual({ status: "error", message: "m" });
  });

  it("copies only contract fields", () => {
    expect(parsePayResponse({ ...approved, cardNumber: "4111111111111111", extra: { a: 1 } })).toEqual(approved);
  });

  it.each([
    ["transactionId 0", { ...approved, transactionId: 0 }],
    ["fractional transactionId", { ...approved, transactionId: 1.5 }],
    ["NaN amount", { ...approved, amount: Number.NaN }],
    ["cardLastFour of 3 digits", { ...approved, cardLastFour: "123" }],
    ["token as number", { ...approved, token: 5 }],
    ["declined with fractional reasonCode", { ...declined, reasonCode: 50.5 }],
    ["declined without reason", { ...declined, reason: undefined }],
    ["3ds with a data: acsUrl", { ...threeDs, acsUrl: "data:text/html,hi" }],
    ["3ds with a relative termUrl", { ...threeDs, termUrl: "/return" }],
    ["3ds with empty paReq", { ...threeDs, paReq: "" }],
    ["3ds with iframeAllowed as text", { ...threeDs, iframeAllowed: "true" }],
    ["3ds with a negative frameWidth", { ...threeDs, frameWidth: -1 }],
    ["error without message", { status: "error" }],
    ["an unknown status", { ...approved, status: "refunded" }],
    ["a status named after an object's own property", { message: "m", status: "constructor" }],
    ["a status of __proto__", { message: "m", status: "__proto__" }],
  ])("refuses %s", (_name, value) => {
    expect(parsePayResponse(value)).toBeNull();
  });

  it("never throws, whatever JSON arrives", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parsePayResponse(value);
        expect(parsed === null || typeof parsed.status === "string").toBe(true);
      }),
    );
    const statuses = fc.constantFrom("approved", "declined", "3ds", "error");
    const shapes = fc.dictionary(
      fc.constantFrom("transactionId", "amount", "currency", "cardType", "cardLastFour", "authCode", "reasonCode", "reason", "message", "acsUrl", "paReq", "termUrl", "iframeAllowed"),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(statuses, shapes, (status, fields) => {
        expect(() => parsePayResponse({ ...fields, status })).not.toThrow();
      }),
    );
  });
});

describe("parseThreeDsResultMessage", () => {
  const message = { type: "checkout-widget:3ds-result", version: 1, transactionId: 1, result: approved };

  it("accepts a well-formed message", () => {
    expect(parseThreeDsResultMessage(message)).toEqual(message);
  });

  it.each([
    ["a 3ds result", { ...message, result: threeDs }],
    ["a result for another transaction", { ...message, transactionId: 2 }],
    ["a string transactionId", { ...message, transactionId: "1" }],
    ["no version", { ...message, version: undefined }],
  ])("refuses %s", (_name, value) => {
    expect(parseThreeDsResultMessage(value)).toBeNull();
  });

  it("accepts a declined result without its own transactionId", () => {
    expect(parseThreeDsResultMessage({ ...message, result: declined })?.result).toEqual(declined);
  });
});
