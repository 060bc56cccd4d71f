import { describe, expect, it } from "vitest";
import { interpretPayAnswer, payUrl } from "./pay-answer.ts";
import { retryAfterOf } from "./timed-fetch.ts";

describe("payUrl", () => {
  it.each([
    ["https://shop.test/api", "https://shop.test/api/pay"],
    ["https://shop.test/api/", "https://shop.test/api/pay"],
    ["https://shop.test/api//", "https://shop.test/api/pay"],
    ["/api", "/api/pay"],
  ])("%s -> %s", (endpoint, expected) => {
    expect(payUrl(endpoint)).toBe(expected);
  });
});

describe("interpretPayAnswer", () => {
  const answer = (status: number, body: unknown, retryAfter?: number) =>
    interpretPayAnswer({ kind: "response", status, body: typeof body === "string" ? body : JSON.stringify(body), ...(retryAfter ? { retryAfter } : {}) });

  it.each([
    [500, "server_error", "Error_Server", true],
    [502, "server_error", "Error_Server", true],
    [503, "server_error", "Error_Server", true],
    [429, "too_many_attempts", "Error_TooManyAttempts", false],
    [408, "server_error", "Error_Server", true],
    [400, "bad_request", "Error_BadRequest", false],
    [404, "bad_request", "Error_BadRequest", false],
    [422, "bad_request", "Error_BadRequest", false],
    [204, "bad_response", "Error_BadResponse", true],
  ] as const)("HTTP %i without a code -> failed %s (same request: %s)", (status, code, messageKey, retrySameRequest) => {
    expect(answer(status, status === 204 ? "" : { status: "error", message: "x" })).toEqual({ kind: "failed", code, messageKey, retrySameRequest });
  });

  it("409: already_paid is paid, payment_in_progress its own failure, no code the old meaning (paid)", () => {
    expect(answer(409, { status: "error", code: "already_paid", message: "x" })).toEqual({ kind: "paid" });
    expect(answer(409, { status: "error", code: "payment_in_progress", message: "x" })).toEqual({
      kind: "failed",
      code: "payment_in_progress",
      messageKey: "Error_InProgress",
      retrySameRequest: false,
    });
    expect(answer(409, { status: "error", message: "x" })).toEqual({ kind: "paid" });
  });

  it("429 too_many_attempts keeps the Retry-After; the code decides before the status", () => {
    expect(answer(429, { status: "error", code: "too_many_attempts", message: "x" }, 900)).toEqual({
      kind: "failed",
      code: "too_many_attempts",
      messageKey: "Error_TooManyAttempts",
      retrySameRequest: false,
      retryAfter: 900,
    });
    expect(answer(503, { status: "error", code: "payment_rejected", message: "x" })).toMatchObject({ code: "payment_rejected" });
  });

  it("maps transport outcomes", () => {
    expect(interpretPayAnswer({ kind: "network" })).toEqual({ kind: "failed", code: "network", messageKey: "Error_Network", retrySameRequest: true });
    expect(interpretPayAnswer({ kind: "timeout" })).toEqual({ kind: "failed", code: "timeout", messageKey: "Error_Timeout", retrySameRequest: true });
    expect(interpretPayAnswer({ kind: "aborted" })).toEqual({ kind: "aborted" });
  });

  it("passes a 2xx approved, declined or 3-D Secure answer on as read; an error with 200 is server trouble; a 3xx is no answer", () => {
    const approved = { status: "approved", transactionId: 1, amount: 1, currency: "RUB", cardType: "Visa", cardLastFour: "4242", authCode: "A" };
    expect(answer(200, { ...approved, extra: 1 })).toEqual(approved);
    expect(answer(200, { status: "declined", reasonCode: 5051, reason: "InsufficientFunds", message: "m" })).toEqual({ status: "declined", reasonCode: 5051, reason: "InsufficientFunds", message: "m" });
    expect(answer(200, { status: "error", message: "x" })).toMatchObject({ kind: "failed", code: "server_error", retrySameRequest: true });
    expect(answer(200, { status: "error", code: "already_paid", message: "x" })).toEqual({ kind: "paid" });
    expect(answer(302, { status: "error", message: "x" })).toMatchObject({ kind: "failed", code: "bad_response" });
    expect(answer(200, "not json")).toMatchObject({ kind: "failed", code: "bad_response" });
  });

  it("does not trust a success shape sent with an error status", () => {
    expect(answer(400, { status: "approved", transactionId: 1, amount: 1, currency: "RUB", cardType: "Visa", cardLastFour: "4242", authCode: "A" })).toMatchObject({ kind: "failed" });
  });
});

describe("retryAfterOf", () => {
  it("reads seconds and HTTP dates, within a second and a day", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterOf("900", now)).toBe(900);
    expect(retryAfterOf("0", now)).toBe(1);
    expect(retryAfterOf("999999", now)).toBe(86_400);
    expect(retryAfterOf("Thu, 01 Jan 2026 00:02:00 GMT", now)).toBe(120);
    expect(retryAfterOf("soon", now)).toBeUndefined();
    expect(retryAfterOf(null, now)).toBeUndefined();
  });
});
