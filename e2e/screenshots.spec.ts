// Screenshots of the form, the 3-D Secure dialog and both results at phone and desktop widths,
// kept under test-results/screenshots/ (and attached to the report) to be looked at.
import { mkdir } from "node:fs/promises";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

const DIR = "test-results/screenshots";

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await mkdir(DIR, { recursive: true });
  const path = `${DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const width of [375, 1280] as const) {
  test.describe(`${width}px wide`, () => {
    test.use({ viewport: { width, height: width === 375 ? 740 : 860 } });

    test("form, 3-D Secure dialog, approved", async ({ page, cvc }, testInfo) => {
      await new ShopPage(page).open("/script-tag");
      const widget = new WidgetPage(page);
      await widget.waitForForm();
      await page.locator("#checkout").evaluate((el) => el.closest("section")?.scrollIntoView({ block: "start" }));
      await shoot(page, testInfo, `${width}-form-empty`);
      await widget.fillCard({ number: CARDS.threeDs, cvc });
      await shoot(page, testInfo, `${width}-form-filled`);
      await widget.submit();
      await widget.acs().waitForPage();
      await shoot(page, testInfo, `${width}-3ds-dialog`);
      await widget.acs().confirm(ACS_CODE);
      await widget.expectApproved("4242");
      await widget.heading("approved").scrollIntoViewIfNeeded();
      await shoot(page, testInfo, `${width}-approved`);
    });

    test("declined", async ({ page, cvc }, testInfo) => {
      await new ShopPage(page).open("/script-tag");
      const widget = new WidgetPage(page);
      await widget.pay({ number: CARDS.declined, cvc });
      await widget.expectDeclined();
      await widget.heading("declined").scrollIntoViewIfNeeded();
      await shoot(page, testInfo, `${width}-declined`);
      await expect(widget.retryButton).toBeVisible();
    });
  });
}
