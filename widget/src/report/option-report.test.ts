import { describe, expect, it, vi } from "vitest";
import { describeProblem, reportOptions, unknownVariables } from "./option-report.ts";

describe("describeProblem", () => {
  it("says what a valid value looks like, missing and invalid apart", () => {
    expect(describeProblem({ code: "Option_Invalid", option: "amount" })).toBe("checkout-widget: option `amount` is invalid; expected a positive number, e.g. 15.5");
    expect(describeProblem({ code: "Option_Required", option: "invoiceId" })).toBe("checkout-widget: option `invoiceId` is required; expected the order number, a string");
    expect(describeProblem({ code: "Option_Required", option: "publicKey" })).toBe("checkout-widget: option `publicKey` is required; expected `publicKey` or `publicKeyUrl`");
    expect(describeProblem({ code: "Option_Required", option: "options" })).toMatch(/expected an options object$/);
  });
});

describe("unknownVariables", () => {
  it("knows the documented list, with or without the --cw- prefix", () => {
    expect(unknownVariables(["color-primary", "--cw-border-radius", "padding", "primary", "--cw-radius"])).toEqual(["primary", "--cw-radius"]);
  });
});

describe("reportOptions", () => {
  it("logs each problem as an error and the rest as warnings", () => {
    const log = { error: vi.fn(), warn: vi.fn() };
    reportOptions({ problems: [{ code: "Option_Invalid", option: "currency" }], unknown: ["publicID"], variables: ["color-text"] }, ["publicId", "endpoint"], log);
    expect(log.error.mock.calls.map((c) => c[0])).toEqual(['checkout-widget: option `currency` is invalid; expected an ISO 4217 code, e.g. "RUB"']);
    expect(log.warn.mock.calls.map((c) => c[0])).toEqual(["checkout-widget: unknown option `publicID` is ignored; known: publicId,endpoint"]);
  });
});
