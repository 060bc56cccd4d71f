// The widget's hosted mode (dist/checkout-widget-hosted.js) through the demo's Invoice and RBS
// pages in Chromium: the Pay screen, the gateway's page in the widget's frame (and by redirect),
// the outcomes the shopper sees and the callbacks the shop hears, cancelling back to Pay, the
// keyboard alone, axe on the Pay screen and the frame dialog. The leak guard watches every test:
// the card is typed only on the gateway's own page.
import type { FrameLocator, Page } from "@playwright/test";
import { INVOICE_TEST_CARD } from "../sandbox/index.ts";
import { test, expect } from "./fixtures.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { OrdersPage } from "./pages/orders-page.ts";
import { cvcSecret } from "./support/leak-scan.ts";

async function openShop(page: Page, path: "/invoice" | "/rbs"): Promise<string> {
  await page.goto(`${path}?lang=en`);
  await expect(payButton(page)).toBeVisible();
  const invoiceId = await page.locator("#order").getAttribute("data-invoice-id");
  if (!invoiceId) throw new Error("no order on the page");
  return invoiceId;
}

const payButton = (page: Page) => page.locator("#checkout").getByRole("button", { name: /^Pay ₽/ });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Card payment page" });
const gateway = (page: Page): FrameLocator => page.frameLocator('iframe[title="The payment service\'s page"]');
const events = (page: Page) => page.locator("#events li");

/** The shop's record, as its staff see it (the orders API is staff-only): the gateway's word, not the widget's. */
async function expectPaid(page: Page, invoiceId: string): Promise<void> {
  await new OrdersPage(page).open();
  const order = await (await page.request.get(`/api/orders/${invoiceId}`)).json();
  expect(order).toMatchObject({ status: "paid" });
}

test("Invoice in the widget's frame: the seed's test card pays, the shop hears success, then complete", async ({ page, leakGuard }) => {
  // The whole trip (two axe runs, the gateway's page and its code step, the staff's orders page) and the
  // leak guard's heap scan after it: more than the default minute on a loaded 2-core machine.
  test.slow();
  leakGuard.registerSecret(cvcSecret(INVOICE_TEST_CARD.cvc));
  const invoiceId = await openShop(page, "/invoice");
  expect(await axeViolations(page, "#checkout"), "the Pay screen").toEqual([]);
  await payButton(page).click();
  await expect(dialog(page)).toBeVisible();
  const hosted = new HostedCardPage(gateway(page));
  await hosted.waitForForm();
  expect(await axeViolations(page, ".cw-overlay"), "the frame dialog").toEqual([]);
  await hosted.pay({ number: INVOICE_TEST_CARD.number, expiry: INVOICE_TEST_CARD.expiry, cvc: INVOICE_TEST_CARD.cvc });
  await hosted.confirmCode(INVOICE_TEST_CARD.threeDsCode);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator("#checkout")).toContainText(`Order ${invoiceId}`);
  const amount = await page.locator("#checkout .cw-amount").textContent();
  await expect(events(page).filter({ hasText: /^success: payment \S+, \d+ RUB$/ })).toHaveCount(1);
  expect(amount).toMatch(/^₽[\d,]+\.00$/);
  await expect(events(page).last()).toHaveText("complete: approved");
  await expectPaid(page, invoiceId);
});

test("Invoice: a decline (insufficient funds) shows the gateway's reason; Try again goes back to Pay", async ({ page, cvc }) => {
  await openShop(page, "/invoice");
  await payButton(page).click();
  await new HostedCardPage(gateway(page)).pay({ number: CARDS.declined, cvc });
  await expect(page.getByRole("heading", { name: "Payment declined" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#checkout")).toContainText("Insufficient funds on the card");
  await expect(events(page).filter({ hasText: /^fail: declined \[declined\] 5051/ })).toHaveCount(1);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(payButton(page)).toBeVisible();
});

test("cancel: the widget's Cancel and the gateway page's 'return to the shop' both go back to Pay, onCancel only", async ({ page }) => {
  await openShop(page, "/invoice");
  await payButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.locator("#checkout")).toContainText("You left the payment page. If you did not pay there");
  await expect(payButton(page)).toBeFocused();
  await payButton(page).click();
  const hosted = new HostedCardPage(gateway(page));
  await hosted.waitForForm();
  await hosted.leaveButton.click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(payButton(page)).toBeVisible();
  await expect(events(page).filter({ hasText: /^cancel: hosted/ })).toHaveCount(2);
  await expect(events(page).filter({ hasText: /^(fail|complete):/ })).toHaveCount(0);
});

test("Invoice by redirect: the whole page goes to the gateway and back; the widget shows the outcome once, marked as read from the URL", async ({ page, cvc }) => {
  const invoiceId = await openShop(page, "/invoice");
  await page.getByLabel("By going there (redirect)").check();
  await payButton(page).click();
  const hosted = new HostedCardPage(page);
  await hosted.pay({ number: CARDS.approved, cvc });
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#result")).toContainText(`Order ${invoiceId}: paid`);
  await expect(events(page).filter({ hasText: /^success: .*\(from the URL\)$/ })).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.has("status")).toBe(false);
});

test("RBS in the widget's frame: a 3-D Secure card pays after the code step", async ({ page, cvc }) => {
  const invoiceId = await openShop(page, "/rbs");
  await payButton(page).click();
  const hosted = new HostedCardPage(gateway(page));
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.confirmCode(ACS_CODE);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#checkout")).toContainText("Visa •••• 4242");
  await expectPaid(page, invoiceId);
});

test("keyboard only: Tab to Pay, Enter opens the frame dialog, focus is inside it, Escape goes back to Pay", async ({ page }) => {
  await openShop(page, "/invoice");
  await payButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
  await new HostedCardPage(gateway(page)).waitForForm();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".cw-dialog") !== null)).toBe(true);
  await page.keyboard.press("Shift+Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".cw-dialog") !== null)).toBe(true);
  await dialog(page).getByRole("button", { name: "Cancel", exact: true }).focus();
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);
  await expect(payButton(page)).toBeFocused();
});
