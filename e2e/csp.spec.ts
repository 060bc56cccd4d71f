// Strict CSP: a 3-D Secure payment on a page under default-src 'self'; script-src 'self';
// style-src 'self' 'nonce-…' completes with zero securitypolicyviolation events in any frame.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

test("3-D Secure payment under the strict CSP, no violations", async ({ page, cvc }) => {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", ({ frame }, text: string) => {
    violations.push(`${frame.url()}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const consoleCsp: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) consoleCsp.push(message.text());
  });

  const response = await page.goto("/csp");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("script-src 'self'");
  expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(policy).not.toContain("unsafe-inline");

  const invoiceId = await new ShopPage(page).invoiceId();
  expect(invoiceId).toBeTruthy();
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");

  expect(violations).toEqual([]);
  expect(consoleCsp).toEqual([]);
});
