// What the shopper and the merchant's callbacks see for the outcomes that are not a plain
// approval or decline, against the real demo and sandbox: an order paid already (another tab),
// a reopened modal after success, a crafted "paid" link, a second script file that is missing,
// the stable code and localised message of FailPayload, and a redirect that keeps its context.
import { test, expect } from "./fixtures.ts";
import { OrdersPage } from "./pages/orders-page.ts";
import type { Page } from "@playwright/test";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

const PAID = /^(this order is already paid|этот заказ уже оплачен)$/i;

/** Replaces the page's widget by one for `invoiceId` (as a second tab of the same shop would show it). */
async function mountFor(page: Page, invoiceId: string, amount: number): Promise<void> {
  await page.evaluate(
    async ({ invoiceId, amount }) => {
      type Handle = { unmount(): void };
      type Options = Record<string, unknown>;
      const w = window as unknown as {
        demoWidget?: Handle;
        CheckoutWidget: { mount(target: string, options: Options): Handle };
        e2eFails?: unknown[];
      };
      w.demoWidget?.unmount();
      const config = (await (await fetch("/api/config")).json()) as Options;
      w.e2eFails = [];
      w.demoWidget = w.CheckoutWidget.mount("#checkout", {
        ...config,
        invoiceId,
        amount,
        currency: "RUB",
        language: "en",
        onFail: (payload: unknown) => w.e2eFails?.push(payload),
      });
    },
    { invoiceId, amount },
  );
}

test("an order another tab has paid shows as paid, with no way to pay again; nothing is charged twice", async ({ page, context, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag", "en");
  const first = new WidgetPage(page);
  await first.pay({ number: CARDS.approved, cvc });
  await first.expectApproved("3055");
  // The order's amount from the shop's record, as its staff read it (the orders API is staff-only).
  const staff = await context.newPage();
  await new OrdersPage(staff).open();
  await staff.close();
  const order = (await (await page.request.get(`/api/orders/${invoiceId}`)).json()) as { amount: number };

  // A second tab of the same shop, for the same order: its page has not seen the payment.
  const other = await context.newPage();
  await new ShopPage(other).open("/script-tag", "en");
  await mountFor(other, invoiceId, order.amount);
  const second = new WidgetPage(other);
  const payAnswer = other.waitForResponse((r) => r.url().endsWith("/api/pay") && r.request().method() === "POST");
  await second.pay({ number: CARDS.approved, cvc });
  const answer = await payAnswer;
  expect(answer.status()).toBe(409);
  expect(((await answer.json()) as { code?: string }).code).toBe("already_paid");

  await expect(other.getByRole("heading", { name: PAID })).toBeVisible();
  await expect(second.payButton).toHaveCount(0);
  await expect(second.retryButton).toHaveCount(0);
  await expect(second.heading("failed")).toHaveCount(0);
  const fails = await other.evaluate(() => (window as unknown as { e2eFails: unknown[] }).e2eFails);
  expect(fails).toEqual([expect.objectContaining({ invoiceId, kind: "failed", code: "already_paid", message: "This order is already paid" })]);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("the modal reopened after a success shows the payment, not an empty form", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  await shop.open("/modal", "en");
  await page.locator("#buy").click();
  const dialog = page.getByRole("dialog").first();
  const widget = new WidgetPage(page, dialog);
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.locator("#buy").click();
  await expect(widget.heading("approved")).toBeVisible();
  await expect(widget.cardNumber).toHaveCount(0);
  await expect(widget.payButton).toHaveCount(0);
  // Said once: the reopened modal fires no second onSuccess.
  await expect(shop.events("success")).toHaveCount(1);
});

test("a crafted 'paid' link shows the form, fires nothing and is cleaned off the URL", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(
    "/script-tag?lang=en&status=approved&transactionId=1&amount=1&currency=RUB&cardType=%3Cb%3EVisa&cardLastFour=0000&captured=1&sig=forged",
  );
  const shop = new ShopPage(page);
  await shop.invoiceId();
  const widget = new WidgetPage(page);
  await widget.waitForForm();
  await expect.poll(() => new URL(page.url()).search).toBe("?lang=en");
  await expect(widget.heading("approved")).toHaveCount(0);
  await expect(shop.events()).toHaveCount(0);
  expect(warnings.join("\n")).toContain("this tab did not begin that redirect");
});

test("a second script file that does not load: said in the console with its URL, a set-up error, onFail", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.route("**/checkout-widget-crypto.js*", (route) => route.abort());
  const shop = new ShopPage(page);
  await shop.open("/script-tag", "en");
  const widget = new WidgetPage(page);
  const text = await widget.expectFailed();
  expect(text).toContain("The payment form is set up incorrectly");
  await expect(shop.events("fail")).toHaveText([/failed \[script_unavailable\]: The payment form is set up incorrectly/]);
  expect(errors.find((line) => line.includes("checkout-widget-crypto.js") && line.includes("data-late-src"))).toBeTruthy();
});

test("FailPayload has a stable code and a message in the widget's language", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  await shop.open("/script-tag", "en");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.declined, cvc });
  await widget.expectDeclined(/Insufficient funds on the card/);
  await expect(shop.events("fail")).toHaveText([/^fail: declined \[declined\] 5051: Insufficient funds on the card/]);
  await expect(shop.events("fail")).not.toHaveText([/[А-Яа-яЁё]|Error_/]);
});

test("redirect 3-D Secure keeps its context: back in English, and a reload of the thank-you page offers no new payment", async ({ page, cvc, leakGuard }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/redirect", "en");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.threeDs, cvc });
  await leakGuard.snapshot("before leaving for the bank");
  await widget.submit();
  await page.waitForURL(/\/acs/);
  const landed: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname === "/redirect") landed.push(new URL(frame.url()).search);
  });
  const { AcsPage } = await import("./pages/acs-page.ts");
  await new AcsPage(page).confirm(ACS_CODE);
  await page.waitForURL(/\/redirect/);
  await expect(page.getByRole("heading", { name: /^payment successful$/i })).toBeVisible({ timeout: 20_000 });
  // The shop's /return sent the shopper straight to the English page (the order knows its language): no Russian page on the way.
  expect(landed[0]).toMatch(/^\?lang=en&status=approved&/);
  await expect.poll(() => new URL(page.url()).search).toBe("?lang=en");
  expect(await shop.invoiceId()).toBe(invoiceId);

  await page.reload();
  await expect(page.locator("#checkout")).toContainText(/^Paid: .*•••• 4242/);
  await expect(widget.cardNumber).toHaveCount(0);
  expect(await shop.invoiceId()).toBe(invoiceId);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("too many failed attempts for one order: the kit's 429 and Retry-After reach the shopper in minutes and onFail", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag", "en");
  // Ten refused attempts for this order (the kit's default limit per invoice), as a card tester would send them.
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < 10; i++) {
    const refused = await page.request.post("/api/pay", {
      headers: { Origin: origin, "X-Request-ID": `e2e-probe-${invoiceId}-${i}` },
      data: { invoiceId, cryptogram: "bm90IGEgY3J5cHRvZ3JhbQ==", name: "CARD TESTER" },
    });
    expect(refused.status()).toBeLessThan(500);
    expect(refused.status()).not.toBe(200);
  }
  const widget = new WidgetPage(page);
  const payAnswer = page.waitForResponse((r) => r.url().endsWith("/api/pay") && r.request().method() === "POST");
  await widget.pay({ number: CARDS.approved, cvc });
  const answer = await payAnswer;
  expect(answer.status()).toBe(429);
  const seconds = Number(answer.headers()["retry-after"]);
  expect(seconds).toBeGreaterThan(60);
  const minutes = Math.ceil(seconds / 60);
  const text = await widget.expectFailed();
  expect(text).toContain(`Too many payment attempts. Try again in ${minutes} minute`);
  await expect(shop.events("fail")).toHaveText([new RegExp(`^fail: failed \\[too_many_attempts\\]: Too many payment attempts\\. Try again in ${minutes} minute`)]);
  expect(await paymentsFor(invoiceId)).toEqual([]);
});
