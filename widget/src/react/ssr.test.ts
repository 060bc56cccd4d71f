// checkout-widget/react on a server (Next.js, Remix): renders its empty element, touches no
// browser global, and hydrates without a mismatch.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

const options = {
  publicId: "pk_test",
  publicKeyUrl: "/api/publickey",
  endpoint: "/api",
  invoiceId: "1001",
  amount: 15,
  currency: "USD",
  onSuccess: () => undefined,
};

describe("<CheckoutWidget> server rendering", () => {
  it("renders an empty div with className, style and id, and warns nothing", async () => {
    expect(typeof window).toBe("undefined");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { CheckoutWidget } = await import("./index.ts");
    const html = renderToString(createElement(CheckoutWidget, { ...options, className: "pay", id: "checkout", style: { minHeight: 320 } }));
    expect(html).toBe('<div class="pay" style="min-height:320px" id="checkout"></div>');
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
    errors.mockRestore();
    warnings.mockRestore();
  });
});
