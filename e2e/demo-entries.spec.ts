// Every way to embed the widget completes one payment on the demo shop.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import type { DemoPath } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { CARDS } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

const WIDGET_ENTRIES: { path: DemoPath; name: string }[] = [
  { path: "/script-tag", name: "script tag (CheckoutWidget.mount)" },
  { path: "/element", name: "custom element <checkout-widget>" },
  { path: "/npm", name: "npm component bundled by Vite" },
];

for (const entry of WIDGET_ENTRIES) {
  test(`${entry.name} completes one payment`, async ({ page, cvc }) => {
    const shop = new ShopPage(page);
    const invoiceId = await shop.open(entry.path);
    const widget = new WidgetPage(page);
    await widget.pay({ number: CARDS.approved, cvc });
    await widget.expectApproved("3055");
    await expect(shop.events("success")).toHaveCount(1);
    await expect(shop.events("complete")).toHaveCount(1);
    expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
  });
}

test("modal (CheckoutWidget.open) completes one payment", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/modal");
  await page.getByRole("button", { name: "Оплатить заказ" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const widget = new WidgetPage(page, dialog);
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");
  await expect(shop.events("success")).toHaveCount(1);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("checkout.js compatibility (own form + cp.Checkout) completes one payment", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/checkoutjs");
  const form = page.locator("#card-form");
  await expect(form.getByRole("button", { name: "Оплатить" })).toBeEnabled();
  await form.getByLabel("Номер карты").fill(CARDS.approved);
  await form.getByLabel("Месяц").fill("12");
  await form.getByLabel("Год").fill("30");
  await form.getByLabel("CVC").fill(cvc);
  await form.getByLabel("Имя держателя").fill("IVAN PETROV");
  await form.getByRole("button", { name: "Оплатить" }).click();
  await expect(page.locator("#result")).toContainText("Оплачено", { timeout: 20_000 });
  await expect(page.locator("#result")).toContainText("3055");
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("checkout.js compatibility reports field error codes without paying", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/checkoutjs");
  const form = page.locator("#card-form");
  await expect(form.getByRole("button", { name: "Оплатить" })).toBeEnabled();
  await form.getByLabel("Номер карты").fill("4000 0000 0000 3056");
  await form.getByLabel("Месяц").fill("12");
  await form.getByLabel("Год").fill("30");
  await form.getByLabel("CVC").fill(cvc);
  await form.getByRole("button", { name: "Оплатить" }).click();
  await expect(page.locator("#form-errors")).toContainText("Некорректный номер карты");
  expect(await paymentsFor(invoiceId)).toHaveLength(0);
});
