// Hosted mode's saved cards (RBS bindings) through the demo's /rbs page in Chromium: a logged-in
// shopper's first payment on the gateway's page saves the card; the next order lists it first in
// the widget (checkout-widget-hosted-saved.js) and is paid with it in one keystroke, the bank's
// 3-D Secure in the widget's own frame; removing it asks once. Axe on the list; the leak guard
// watches every test (the card is typed only on the gateway's page).
import type { FrameLocator, Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { AcsPage } from "./pages/acs-page.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

// One shopper's cards: the tests run one after the other.
test.describe.configure({ mode: "serial" });

const widget = (page: Page) => page.locator("#checkout");
const bankDialog = (page: Page) => page.getByRole("dialog", { name: "Card payment page" });
const bankFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="The payment service\'s page"]');
const savedVisa = (page: Page) => widget(page).getByRole("radio", { name: /Visa •••• 4242/ });

/** /rbs logged in as bob, with no RBS card saved yet (when `fresh`). */
async function openAsBob(page: Page, fresh = false): Promise<void> {
  await page.goto("/rbs?lang=en");
  // The login is the shop's cookie: wait for it before asking the shop anything.
  await Promise.all([page.waitForResponse("**/api/demo/login"), page.getByLabel("Demo login").selectOption("bob")]);
  if (fresh) {
    await page.evaluate(async () => {
      const { cards } = (await (await fetch("/api/rbs/saved-cards")).json()) as { cards: { id: string }[] };
      for (const card of cards) await fetch(`/api/rbs/saved-cards/${encodeURIComponent(card.id)}`, { method: "DELETE" });
    });
    await page.goto("/rbs?lang=en");
  }
  await expect(widget(page).getByRole("button", { name: /^Pay ₽/ })).toBeVisible();
}

test("RBS logged in: the gateway's page saves the card; the next order lists it first and pays with it by keyboard, 3-D Secure in the widget's frame", async ({ page, cvc }) => {
  await openAsBob(page, true);
  await expect(widget(page).getByRole("radio")).toHaveCount(0);
  // The widget's own box (canSave): off by default.
  await expect(widget(page).getByRole("checkbox", { name: "Save this card for next payments" })).not.toBeChecked();
  await widget(page).getByRole("checkbox", { name: "Save this card for next payments" }).check();
  await widget(page).getByRole("button", { name: /^Pay ₽/ }).click();
  await expect(bankDialog(page)).toBeVisible();
  const hosted = new HostedCardPage(bankFrame(page));
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.confirmCode(ACS_CODE);
  await expect(widget(page).getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });

  // A new order: the saved card first, chosen, and the gateway's page one button away.
  await page.goto("/rbs?lang=en");
  await expect(savedVisa(page)).toBeChecked();
  await expect(widget(page).getByRole("button", { name: "Pay with another card" })).toBeVisible();
  expect(await axeViolations(page, "#checkout"), "the saved cards' list").toEqual([]);
  // Keyboard only: on the chosen card, Enter pays with it.
  await savedVisa(page).focus();
  await page.keyboard.press("Enter");
  await expect(bankDialog(page)).toBeVisible();
  const acs = new AcsPage(bankFrame(page));
  await acs.enterCode(ACS_CODE);
  await page.keyboard.press("Enter");
  await expect(widget(page).getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#events")).toContainText("success");
});

test("RBS logged in: the bank's page closed with Cancel, the same card again brings it back and the code pays", async ({ page }) => {
  await openAsBob(page);
  await expect(savedVisa(page)).toBeChecked();
  await savedVisa(page).focus();
  await page.keyboard.press("Enter");
  await expect(bankDialog(page)).toBeVisible();
  const acs = new AcsPage(bankFrame(page));
  await acs.waitForPage();
  // The widget's Cancel: the gateway still waits for the bank, so the order stays held for this challenge.
  await bankDialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(bankDialog(page)).toHaveCount(0);
  await expect(savedVisa(page)).toBeChecked();
  await savedVisa(page).focus();
  await page.keyboard.press("Enter");
  await expect(bankDialog(page)).toBeVisible();
  await acs.enterCode(ACS_CODE);
  await page.keyboard.press("Enter");
  await expect(widget(page).getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("#events")).toContainText("success");
});

test("RBS as a guest: the Pay button alone, no 'Save this card' and none of the saved cards' code", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (request) => asked.push(request.url()));
  await page.goto("/rbs?lang=en");
  await expect(widget(page).getByRole("button", { name: /^Pay ₽/ })).toBeVisible();
  await expect(widget(page).getByRole("checkbox")).toHaveCount(0);
  expect(asked.filter((url) => url.includes("checkout-widget-hosted-saved"))).toEqual([]);
});

test("RBS logged in: Remove asks once, then the card leaves the list and the gateway's Pay button is back", async ({ page }) => {
  await openAsBob(page);
  await expect(savedVisa(page)).toBeVisible();
  await widget(page).getByRole("button", { name: "Remove Visa •••• 4242" }).click();
  await expect(widget(page).getByRole("group", { name: /Remove Visa •••• 4242 from your saved cards/ })).toBeVisible();
  await widget(page).getByRole("button", { name: "Yes, remove" }).click();
  await expect(savedVisa(page)).toHaveCount(0);
  await expect(widget(page).getByRole("button", { name: /^Pay ₽/ })).toBeVisible();
  // No card left: the first-payment screen again, "Save this card" offered and off.
  await expect(widget(page).getByRole("checkbox", { name: "Save this card for next payments" })).not.toBeChecked();
  const left = await page.evaluate(async () => ((await (await fetch("/api/rbs/saved-cards")).json()) as { cards: unknown[] }).cards.length);
  expect(left).toBe(0);
});
