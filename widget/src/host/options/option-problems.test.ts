import { describe, expect, it, vi } from "vitest";
import { checkOptions, describeProblem, reportOptions } from "./option-problems.ts";

const PEM = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";
const valid = {
  publicId: "pk_test",
  publicKey: { pem: PEM, version: 4 },
  endpoint: "/api/checkout",
  invoiceId: "1001",
  amount: 1500,
  currency: "RUB",
};

describe("checkOptions", () => {
  it("accepts a complete set of options", () => {
    expect(checkOptions(valid)).toEqual({ problems: [], unknown: [] });
    expect(checkOptions({ ...valid, publicKey: undefined, publicKeyUrl: "/key", onSuccess: () => undefined })).toEqual({
      problems: [],
      unknown: [],
    });
  });

  it("names every missing required option", () => {
    const { problems } = checkOptions({});
    expect(problems.map((p) => [p.code, p.option])).toEqual([
      ["Option_Required", "publicId"],
      ["Option_Required", "endpoint"],
      ["Option_Required", "invoiceId"],
      ["Option_Required", "amount"],
      ["Option_Required", "currency"],
      ["Option_Required", "publicKey"],
    ]);
  });

  it("rejects wrong types and values", () => {
    const { problems } = checkOptions({
      ...valid,
      amount: -5,
      currency: "rub",
      invoiceId: 1001,
      threeDs: "popup",
      language: "de",
      appearance: { theme: "neon" },
      publicKey: { pem: "nope", version: 4 },
      onSuccess: "alert(1)",
    });
    expect(problems.map((p) => p.option).sort()).toEqual(
      ["amount", "appearance", "currency", "invoiceId", "language", "onSuccess", "publicKey", "threeDs"].sort(),
    );
    expect(problems.every((p) => p.code === "Option_Invalid")).toBe(true);
  });

  it("reports unknown options as probable typos without failing", () => {
    const check = checkOptions({ ...valid, publicID: "x" });
    expect(check.problems).toEqual([]);
    expect(check.unknown).toEqual(["publicID"]);
  });

  it("refuses a non-object", () => {
    expect(checkOptions(null).problems[0]?.option).toBe("options");
  });
});

describe("reportOptions", () => {
  it("logs one console error per problem naming the option to fix", () => {
    const log = { error: vi.fn(), warn: vi.fn() };
    const ok = reportOptions(checkOptions({ ...valid, endpoint: undefined, publicID: "x" }), log);
    expect(ok).toBe(false);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]?.[0]).toMatch(/^checkout-widget: option `endpoint` is required; expected /);
    expect(log.warn.mock.calls[0]?.[0]).toMatch(/unknown option `publicID`/);
  });

  it("describes invalid values differently from missing ones", () => {
    expect(describeProblem({ code: "Option_Invalid", option: "amount", expected: "a positive number" })).toBe(
      "checkout-widget: option `amount` is invalid; expected a positive number",
    );
  });
});
