import { afterEach, describe, expect, it, vi } from "vitest";
import { setLateSource } from "../late.ts";
import { checkOptions, reportOptions } from "./option-problems.ts";

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
    expect(checkOptions(valid)).toEqual({ problems: [], unknown: [], variables: [] });
    expect(checkOptions({ ...valid, publicKey: undefined, publicKeyUrl: "/key", onSuccess: () => undefined })).toEqual({
      problems: [],
      unknown: [],
      variables: [],
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

  it("lists the appearance variables given, for the late code to check", () => {
    expect(checkOptions({ ...valid, appearance: { variables: { "color-primary": "#0a7", primary: "#f00" } } }).variables).toEqual(["color-primary", "primary"]);
  });

  it("refuses a non-object", () => {
    expect(checkOptions(null).problems[0]?.option).toBe("options");
  });
});

describe("reportOptions", () => {
  afterEach(() => setLateSource(() => Promise.reject(new Error("no late code in this test"))));

  it("says what to fix once the late code (which holds the developer texts) is there", async () => {
    // The late code, which loads the options report (a module here, as in the npm build).
    setLateSource(() => import("../../late/index.ts"));
    const log = { error: vi.fn(), warn: vi.fn() };
    const ok = reportOptions(checkOptions({ ...valid, endpoint: undefined, publicID: "x", appearance: { variables: { primary: "#f00" } } }), log);
    expect(ok).toBe(false);
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledTimes(2));
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]?.[0]).toMatch(/^checkout-widget: option `endpoint` is required; expected your server's checkout endpoint/);
    expect(log.warn.mock.calls[0]?.[0]).toMatch(/unknown option `publicID`/);
    expect(log.warn.mock.calls[1]?.[0]).toMatch(/^checkout-widget: unknown appearance variable `primary` changes nothing; known: color-primary,/);
  });

  it("hosted mode's options given to the card file: mode is a problem, and the console names the file to load", async () => {
    setLateSource(() => import("../../late/index.ts"));
    const log = { error: vi.fn(), warn: vi.fn() };
    const check = checkOptions({ ...valid, mode: "hosted" });
    expect(check.problems).toEqual([{ code: "Option_Invalid", option: "mode" }]);
    expect(reportOptions(check, log)).toBe(false);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledTimes(1));
    expect(log.error.mock.calls[0]?.[0]).toMatch(/option `mode` is invalid; expected "card"; hosted mode is checkout-widget-hosted\.js \(npm: "checkout-widget\/hosted"\)/);
    expect(checkOptions({ ...valid, mode: "card" }).problems).toEqual([]);
  });

  it("still names the options when the late code cannot load, and says nothing for good options", async () => {
    setLateSource(() => Promise.reject(new Error("blocked")));
    const log = { error: vi.fn(), warn: vi.fn() };
    expect(reportOptions(checkOptions({ ...valid, amount: -1 }), log)).toBe(false);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith("checkout-widget: option `amount` is invalid"));
    const quiet = { error: vi.fn(), warn: vi.fn() };
    expect(reportOptions(checkOptions(valid), quiet)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet.error).not.toHaveBeenCalled();
    expect(quiet.warn).not.toHaveBeenCalled();
  });
});
