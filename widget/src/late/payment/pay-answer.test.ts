import { describe, expect, it } from "vitest";
import { interpretPayAnswer, payUrl } from "./pay-answer.ts";

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
  const answer = (status: number, body: unknown) =>
    interpretPayAnswer({ kind: "response", status, body: typeof body === "string" ? body : JSON.stringify(body) });

  it.each([
    [500, "Error_Server", true],
    [502, "Error_Server", true],
    [503, "Error_Server", true],
    [429, "Error_Server", true],
    [408, "Error_Server", true],
    [400, "Error_BadRequest", false],
    [404, "Error_BadRequest", false],
    [409, "Error_AlreadyPaid", false],
    [422, "Error_BadRequest", false],
    [204, "Error_BadResponse", true],
  ] as const)("HTTP %i -> failed %s (same request: %s)", (status, messageKey, retrySameRequest) => {
    expect(answer(status, status === 204 ? "" : { status: "error", message: "x" })).toEqual({
      kind: "failed",
      messageKey,
      retrySameRequest,
    });
  });

  it("maps transport outcomes", () => {
    expect(interpretPayAnswer({ kind: "network" })).toEqual({ kind: "failed", messageKey: "Error_Network", retrySameRequest: true });
    expect(interpretPayAnswer({ kind: "timeout" })).toEqual({ kind: "failed", messageKey: "Error_Timeout", retrySameRequest: true });
    expect(interpretPayAnswer({ kind: "aborted" })).toEqual({ kind: "aborted" });
  });

  it("does not trust a success shape sent with an error status", () => {
    expect(answer(400, { status: "approved", transactionId: 1, amount: 1, currency: "RUB", cardType: "Visa", cardLastFour: "4242", authCode: "A" })).toMatchObject({ kind: "failed" });
  });
});
