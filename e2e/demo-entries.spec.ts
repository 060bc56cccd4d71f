// Every way to embed the widget completes one payment on the demo shop.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import type { DemoPath } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { AcsPage } from "./pages/acs-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
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
  await expect(page.locator("#form-errors")).toContainText("Проверьте номер карты");
  expect(await paymentsFor(invoiceId)).toHaveLength(0);
});

test("checkout.js + 3-D Secure comes back to its own page and order, in English; a reload of the paid page offers no new payment", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/checkoutjs", "en");
  const form = page.locator("#card-form");
  await expect(form.getByRole("button", { name: "Pay" })).toBeEnabled();
  await form.getByLabel("Card number").fill(CARDS.threeDs);
  await form.getByLabel("Month").fill("12");
  await form.getByLabel("Year").fill("30");
  await form.getByLabel("CVC").fill(cvc);
  await form.getByLabel(/holder/i).fill("IVAN PETROV");
  await form.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL(/\/acs/);
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  await new AcsPage(page).confirm(ACS_CODE);
  await expect(page.locator("#result")).toContainText(/^Paid: .*Visa •••• 4242/, { timeout: 20_000 });
  // Back on the page it started from (never the widget's /redirect page), the outcome off the address, the language kept.
  expect(visited).not.toContain("/redirect");
  expect(new URL(page.url()).pathname).toBe("/checkoutjs");
  expect(new URL(page.url()).search).toBe("?lang=en");
  expect(await shop.invoiceId()).toBe(invoiceId);
  await expect(form).toBeHidden();
  await expect(page.getByRole("heading", { name: "The shop's own form" })).toBeVisible();
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);

  await page.reload();
  await expect(page.locator("#result")).toContainText(/^Paid: .*•••• 4242/);
  expect(await shop.invoiceId()).toBe(invoiceId);
  await expect(form).toBeHidden();
  await expect(page.getByRole("button", { name: "Pay" })).toHaveCount(0);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
  // The staff's record agrees.
  const { url } = (await (await page.request.get("/api/__test/staff-link")).json()) as { url: string };
  await page.request.get(url);
  expect(((await (await page.request.get(`/api/orders/${invoiceId}`)).json()) as { status: string }).status).toBe("paid");
});

test("checkout.js + 3-D Secure declined by the bank: back on the same order, which can be paid again", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/checkoutjs");
  const form = page.locator("#card-form");
  const fill = async (number: string) => {
    await form.getByLabel("Номер карты").fill(number);
    await form.getByLabel("Месяц").fill("12");
    await form.getByLabel("Год").fill("30");
    await form.getByLabel("CVC").fill(cvc);
    await form.getByLabel("Имя держателя").fill("IVAN PETROV");
    await form.getByRole("button", { name: "Оплатить" }).click();
  };
  await expect(form.getByRole("button", { name: "Оплатить" })).toBeEnabled();
  await fill(CARDS.threeDs);
  await page.waitForURL(/\/acs/);
  await new AcsPage(page).cancel();
  await expect(page.locator("#result")).toContainText("Заказ не оплачен", { timeout: 20_000 });
  expect(new URL(page.url()).pathname).toBe("/checkoutjs");
  expect(new URL(page.url()).search).toBe("");
  expect(await shop.invoiceId()).toBe(invoiceId);
  await expect(form.getByRole("button", { name: "Оплатить" })).toBeEnabled();
  await fill(CARDS.approved);
  await expect(page.locator("#result")).toContainText(/^Оплачено: .*3055/, { timeout: 20_000 });
  expect(await shop.invoiceId()).toBe(invoiceId);
  expect((await paymentsFor(invoiceId)).filter((p) => p.Status === "Completed")).toHaveLength(1);
});
