// Two-stage payments: the widget authorises; the merchant confirms or voids on the orders page.
import { test, expect } from "./fixtures.ts";
import { OrdersPage } from "./pages/orders-page.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

test("auth with 3-D Secure, then confirm from the orders page", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/two-stage");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Authorized"]);

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.expectStatus(invoiceId, "authorized");
  await orders.act(invoiceId, "Confirm");
  await orders.expectStatus(invoiceId, "confirmed");
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("auth, then void from the orders page releases the money", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/two-stage");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.expectStatus(invoiceId, "authorized");
  await orders.act(invoiceId, "Void");
  await orders.expectStatus(invoiceId, "voided");
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Cancelled"]);
  await expect(orders.row(invoiceId).getByRole("button")).toHaveCount(0);
});

test("a one-stage payment can be refunded from the orders page", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.expectStatus(invoiceId, "paid");
  await expect(orders.status(invoiceId)).toHaveText("paid");
  // Refunding asks first, with the amount; Cancel leaves the money where it is.
  await orders.ask(invoiceId, "Refund");
  await expect(orders.row(invoiceId)).toContainText(`Refund ₽1,950.00 of order ${invoiceId} to the shopper?`);
  await orders.row(invoiceId).getByRole("button", { name: "Cancel" }).click();
  await expect(orders.row(invoiceId).getByRole("button", { name: /^Refund/ })).toBeFocused();
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
  await orders.act(invoiceId, "Refund");
  await orders.expectStatus(invoiceId, "refunded");
});

test("a page view makes no order; pressing Pay does", async ({ page, cvc }) => {
  const invoiceId = await new ShopPage(page).open("/script-tag");
  // The orders API is staff-only: this context opens the staff link first (its cookie).
  const { url } = (await (await page.request.get("/api/__test/staff-link")).json()) as { url: string };
  await page.request.get(url);
  const listed = async () => ((await (await page.request.get("/api/orders")).json()) as { orders: { invoiceId: string }[] }).orders.map((o) => o.invoiceId);
  expect(await listed()).not.toContain(invoiceId);
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.declined, cvc });
  await widget.expectDeclined();
  expect(await listed()).toContain(invoiceId);
});
