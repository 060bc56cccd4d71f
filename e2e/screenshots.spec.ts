// Screenshots of every state the shopper sees — the form empty, with errors, filled, the modal,
// the 3-D Secure dialog, approved and declined — at 320 and 1280 px, in Russian and English, light
// and dark, kept under test-results/screenshots/ (and attached to the report) to be looked at.
// Beside each picture, the layout rules a picture would show broken are asserted in the DOM.
import { mkdir } from "node:fs/promises";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

const DIR = "test-results/screenshots";

type Lang = "ru" | "en";
type Theme = "light" | "dark";

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(DIR, { recursive: true });
  const path = `${DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

function url(path: string, lang: Lang, theme: Theme): string {
  const query = new URLSearchParams();
  if (lang === "en") query.set("lang", "en");
  if (theme === "dark") query.set("theme", "dark");
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not laid out");
  return b;
}

/** What a narrow phone must not break: no sideways scroll, expiry beside CVC, Pay on one line. */
async function expectFormLaidOut(page: Page, widget: WidgetPage): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const [expiry, cvc] = [await box(widget.expiry), await box(widget.cvc)];
  expect(Math.abs(expiry.y - cvc.y)).toBeLessThanOrEqual(1);
  // One line of label: the button keeps its 48 px, the label its one line height.
  expect((await box(widget.payButton)).height).toBeLessThanOrEqual(49);
  expect((await box(widget.payButton.locator("span").last())).height).toBeLessThan(30);
}

/** The typed number fits beside the brand badge: the input does not scroll its text under it. */
async function expectNumberVisible(widget: WidgetPage): Promise<void> {
  const overflow = await widget.cardNumber.evaluate((el) => (el as HTMLInputElement).scrollWidth - (el as HTMLInputElement).clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const width of [320, 1280] as const) {
  for (const lang of ["ru", "en"] as const) {
    for (const theme of ["light", "dark"] as const) {
      const name = (state: string) => `${width}-${lang}-${theme}-${state}`;

      test.describe(`${width}px, ${lang}, ${theme}`, () => {
        test.use({ viewport: { width, height: width === 320 ? 640 : 860 } });

        test("form, errors, filled, 3-D Secure dialog, approved", async ({ page, cvc }, testInfo) => {
          await page.goto(url("/script-tag", lang, theme));
          const widget = new WidgetPage(page);
          await widget.waitForForm();
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await page.locator("#checkout").evaluate((el) => el.closest("section")?.scrollIntoView({ block: "start" }));
          // The marks come with the late file; wait for them so the picture is the settled form.
          await expect(page.locator(".cw-brands svg path").first()).toBeAttached();
          await expectFormLaidOut(page, widget);
          // The shop's own `button {…}` rule (demo.css) does not reach the Pay button.
          const pay = await widget.payButton.evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(pay).toBe(theme === "dark" ? "rgb(168, 199, 250)" : "rgb(11, 87, 208)");
          // Hover is seen: the button darkens.
          await widget.payButton.hover();
          await expect(widget.payButton).toHaveCSS("background-image", /linear-gradient/);
          await page.mouse.move(0, 0);
          await shoot(page, testInfo, name("form-empty"));

          await widget.cardNumber.pressSequentially("4242424242");
          await widget.expiry.pressSequentially("0120");
          await widget.cvc.pressSequentially("1");
          await widget.submit();
          await expect(widget.cardNumber).toHaveAttribute("aria-invalid", "true");
          // Number, expiry and CVC each say what is wrong (and the empty name asks for it).
          await expect(page.locator(".cw-msg")).toHaveCount(4);
          // The first wrong field has focus, ringed in the error colour, not blue over red.
          await expect(widget.cardNumber).toBeFocused();
          await expect(widget.cardNumber).toHaveCSS("outline-color", theme === "dark" ? "rgb(255, 180, 171)" : "rgb(179, 38, 30)");
          await expectFormLaidOut(page, widget);
          await shoot(page, testInfo, name("form-errors"));

          await widget.cardNumber.fill("");
          await widget.expiry.fill("");
          await widget.cvc.fill("");
          await widget.fillCard({ number: CARDS.threeDs, cvc });
          await expectNumberVisible(widget);
          await expectFormLaidOut(page, widget);
          await shoot(page, testInfo, name("form-filled"));

          await widget.submit();
          await widget.acs().waitForPage();
          expect((await box(widget.threeDsCancel)).height).toBeGreaterThanOrEqual(44);
          await shoot(page, testInfo, name("3ds-dialog"));
          await widget.acs().confirm(ACS_CODE);
          await widget.expectApproved("4242");
          await widget.heading("approved").scrollIntoViewIfNeeded();
          await shoot(page, testInfo, name("approved"));
        });

        test("declined, the modal", async ({ page, cvc }, testInfo) => {
          await page.goto(url("/script-tag", lang, theme));
          const widget = new WidgetPage(page);
          await widget.pay({ number: CARDS.declined, cvc });
          await widget.expectDeclined();
          await widget.heading("declined").scrollIntoViewIfNeeded();
          await expect(widget.retryButton).toBeVisible();
          await shoot(page, testInfo, name("declined"));

          await page.goto(url("/modal", lang, theme));
          await new ShopPage(page).invoiceId();
          await page.locator("#buy").click();
          const dialog = page.getByRole("dialog");
          const inModal = new WidgetPage(page, dialog);
          await inModal.waitForForm();
          await expect(dialog.locator(".cw-brands svg path").first()).toBeAttached();
          await expectFormLaidOut(page, inModal);
          expect((await box(dialog.getByRole("button", { name: /^(close|закрыть)$/i }))).height).toBeGreaterThanOrEqual(44);
          if (width === 320) {
            // The phone's full-screen dialog keeps Pay in view at the bottom.
            const payBox = await box(inModal.payButton);
            expect(payBox.y + payBox.height).toBeLessThanOrEqual(640);
          }
          await shoot(page, testInfo, name("modal"));
        });
      });
    }
  }
}

test.describe("320px: a 19-digit number", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("fits beside the brand badge", async ({ page }, testInfo) => {
    await page.goto("/script-tag");
    const widget = new WidgetPage(page);
    await widget.waitForForm();
    await widget.cardNumber.pressSequentially("2200000000000000004");
    await expect(widget.cardNumber).toHaveValue("2200 0000 0000 0000 004");
    await expectNumberVisible(widget);
    await expectFormLaidOut(page, widget);
    await page.locator("#checkout").evaluate((el) => el.closest("section")?.scrollIntoView({ block: "start" }));
    await shoot(page, testInfo, "320-ru-light-number-19");
  });
});
