// axe finds no WCAG 2.1 A/AA violation on the form, the 3-D Secure dialog and both results.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { axeViolations } from "./support/axe.ts";

test("form and approved result after 3-D Secure: no axe violations", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.waitForForm();
  expect(await axeViolations(page, "#checkout"), "empty form").toEqual([]);

  await widget.fillCard({ number: CARDS.threeDs, cvc });
  expect(await axeViolations(page, "#checkout"), "filled form").toEqual([]);

  await widget.submit();
  await widget.acs().waitForPage();
  expect(await axeViolations(page, '[role="dialog"]'), "3-D Secure dialog").toEqual([]);

  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");
  expect(await axeViolations(page, "#checkout"), "approved result").toEqual([]);
});

test("invalid form and declined result: no axe violations", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag", "en");
  const widget = new WidgetPage(page);
  await widget.waitForForm();
  await widget.submit(); // empty form: the errors are shown and announced
  expect(await axeViolations(page, "#checkout"), "form with errors").toEqual([]);

  await widget.pay({ number: CARDS.declined, cvc });
  await widget.expectDeclined();
  expect(await axeViolations(page, "#checkout"), "declined result").toEqual([]);
});

test("the sandbox bank's 3-D Secure page: no axe violations", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().waitForPage();
  const frame = page.frames().find((f) => f.url().includes("/acs"));
  expect(frame, "the ACS frame").toBeTruthy();
  if (frame) expect(await axeViolations(frame, "body")).toEqual([]);
});

test("the axe helper does report a violation (guard against a silent no-op)", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.id = "bad";
    box.innerHTML = '<img src="/demo.css"><input type="text">';
    document.body.append(box);
  });
  const ids = (await axeViolations(page, "#bad")).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(["image-alt", "label"]));
});
