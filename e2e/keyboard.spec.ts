// Keyboard only: a full payment, 3-D Secure included, without the mouse.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

/** Presses Tab until `isTarget` holds, at most `limit` times. */
async function tabUntil(page: Page, isTarget: () => Promise<boolean>, what: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isTarget()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${what}`);
}

const focused = (locator: { evaluate: (fn: (el: Element) => boolean) => Promise<boolean> }) => () =>
  locator.evaluate((el) => el === document.activeElement || el.matches(":focus")).catch(() => false);

test("a 3-D Secure payment with the keyboard alone", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.waitForForm();

  await tabUntil(page, focused(widget.cardNumber), "the card number");
  await page.keyboard.type(CARDS.threeDs.replace(/\s/g, ""));
  await tabUntil(page, focused(widget.expiry), "the expiry");
  await page.keyboard.type("1230");
  await tabUntil(page, focused(widget.cvc), "the CVC");
  await page.keyboard.type(cvc);
  if (await widget.name.count()) {
    await tabUntil(page, focused(widget.name), "the name");
    await page.keyboard.type("IVAN PETROV");
  }
  await tabUntil(page, focused(widget.payButton), "the Pay button");
  await page.keyboard.press("Enter");

  // Focus moves into the dialog; Tab reaches the bank's code field inside the frame.
  await expect(widget.threeDsDialog).toBeVisible();
  const acs = widget.acs();
  await acs.waitForPage();
  const codeFocused = () =>
    acs.code.evaluate((el) => el === document.activeElement && document.hasFocus()).catch(() => false);
  await tabUntil(page, codeFocused, "the bank's code field");
  await page.keyboard.type(ACS_CODE);
  await page.keyboard.press("Enter");

  await widget.expectApproved("4242");
  // The outcome takes focus, so a keyboard user is not left on a vanished button.
  const resultFocused = await widget
    .heading("approved")
    .evaluate((heading) => Boolean(document.activeElement?.contains(heading)));
  expect(resultFocused).toBe(true);
});

test("Escape closes the 3-D Secure dialog as a cancellation: back on the form, focused, with the note", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().waitForPage();
  await widget.threeDsDialog.focus();
  await page.keyboard.press("Escape");
  await expect(widget.threeDsDialog).toBeHidden();
  await expect(page.locator("p.cw-note")).toContainText("Вы отменили подтверждение");
  await expect(widget.heading("declined")).toHaveCount(0);
  await expect(shop.events("cancel")).toHaveCount(1);
  // Focus stays in the widget: on the form, not dropped to <body>.
  await expect
    .poll(() => page.evaluate(() => `${document.activeElement?.localName}${document.activeElement?.closest("form") ? " in the form" : ""}`))
    .toMatch(/ in the form$/);
});
