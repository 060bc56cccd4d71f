import { describe, expect, it } from "vitest";
import { bindReturnUrl, readReturnBinding } from "./return-binding.ts";
import { createSigner } from "./signing.ts";

const signer = createSigner("return-binding-test-secret-0123456789abcdef");
const binding = { flow: "page" as const, invoiceId: "inv-1", attemptId: "cw-abc", expiresAt: Math.ceil(Date.now() / 1000) + 60 };

describe("the return route's signed URL", () => {
  it("keeps the termUrl's own query, tolerates what the gateway appends, and reads back what was signed", async () => {
    const url = new URL(await bindReturnUrl("https://shop.example/api/return?lang=ru", binding, signer));
    expect(url.searchParams.get("lang")).toBe("ru");
    url.searchParams.set("orderId", "whatever-the-gateway-adds");
    expect(await readReturnBinding(url.searchParams, signer, Date.now())).toEqual(binding);
  });

  it("refuses any change to a signed field, a doubled field, another secret, and an expired URL", async () => {
    const url = new URL(await bindReturnUrl("https://shop.example/api/return", binding, signer));
    for (const [name, value] of [["inv", "inv-2"], ["att", "cw-other"], ["ret", "3ds"], ["exp", String(binding.expiresAt + 1)], ["sig", "AAAA"]] as const) {
      const altered = new URLSearchParams(url.searchParams);
      altered.set(name, value);
      expect(await readReturnBinding(altered, signer, Date.now()), name).toBeNull();
    }
    const doubled = new URLSearchParams(url.searchParams);
    doubled.append("inv", "inv-1");
    expect(await readReturnBinding(doubled, signer, Date.now())).toBeNull();
    expect(await readReturnBinding(url.searchParams, createSigner("another-secret-0123456789abcdef012345"), Date.now())).toBeNull();
    expect(await readReturnBinding(url.searchParams, signer, (binding.expiresAt + 1) * 1000)).toBeNull();
  });
});
