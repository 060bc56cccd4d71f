import { describe, expect, it } from "vitest";
import { OBSERVED_ATTRIBUTES, kebabCase, parseAttributeOptions } from "./attribute-options.ts";
import { checkOptions } from "./option-problems.ts";

function fromAttributes(attributes: Record<string, string>) {
  return parseAttributeOptions((name) => attributes[kebabCase(name)] ?? null);
}

describe("attribute options", () => {
  it("maps kebab attributes to typed options", () => {
    const options = fromAttributes({
      "public-id": "pk_1",
      "public-key-url": "/key",
      endpoint: "/api",
      "invoice-id": "42",
      amount: "1500.5",
      currency: "RUB",
      "require-email": "",
      "three-ds": "redirect",
      appearance: '{"theme":"dark","variables":{"color-primary":"#0a7"}}',
      "timeout-ms": "5000",
    });
    expect(options).toMatchObject({
      publicId: "pk_1",
      publicKeyUrl: "/key",
      endpoint: "/api",
      invoiceId: "42",
      amount: 1500.5,
      currency: "RUB",
      requireEmail: true,
      threeDs: "redirect",
      appearance: { theme: "dark", variables: { "color-primary": "#0a7" } },
      timeoutMs: 5000,
    });
    expect(checkOptions(options).problems).toEqual([]);
  });

  it("lists absent options as undefined so an update clears them", () => {
    const options = fromAttributes({ "public-id": "pk_1" });
    expect(Object.keys(options)).toContain("description");
    expect(options.description).toBeUndefined();
  });

  it("keeps malformed values so that validation names the attribute's option", () => {
    const options = fromAttributes({ amount: "lots", appearance: "{theme:dark}", "require-email": "false" });
    expect(options.requireEmail).toBe(false);
    const invalid = checkOptions(options).problems.filter((p) => p.code === "Option_Invalid").map((p) => p.option);
    expect(invalid.sort()).toEqual(["amount", "appearance"]);
  });

  it("observes one attribute per markup option", () => {
    expect(OBSERVED_ATTRIBUTES).toContain("invoice-id");
    expect(OBSERVED_ATTRIBUTES).toContain("three-ds");
    expect(OBSERVED_ATTRIBUTES).not.toContain("on-success");
  });
});
