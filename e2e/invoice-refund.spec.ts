// An Invoice order paid through the widget's frame is refunded from the demo's orders page: the
// staff's Refund asks once, the order reads refunded, and the refund the gateway made goes from
// `init` to `successful` as Invoice's own record says (the page asks the gateway, not the shop).
import { INVOICE_TEST_CARD } from "../sandbox/index.ts";
import { test, expect } from "./fixtures.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { OrdersPage } from "./pages/orders-page.ts";
import { cvcSecret } from "./support/leak-scan.ts";

test("Invoice: paid in the widget's frame, refunded from the orders page; the refund becomes successful at the gateway", async ({ page, leakGuard }) => {
  test.slow(); // a payment with its code step, the orders page and the refund's wait, then the leak guard's scan
  leakGuard.registerSecret(cvcSecret(INVOICE_TEST_CARD.cvc));
  await page.goto("/invoice?lang=en");
  const pay = page.locator("#checkout").getByRole("button", { name: /^Pay ₽/ });
  await expect(pay).toBeVisible();
  const invoiceId = await page.locator("#order").getAttribute("data-invoice-id");
  if (!invoiceId) throw new Error("no order on the page");
  await pay.click();
  const hosted = new HostedCardPage(page.frameLocator('iframe[title="The payment service\'s page"]'));
  await hosted.waitForForm();
  await hosted.pay({ number: INVOICE_TEST_CARD.number, expiry: INVOICE_TEST_CARD.expiry, cvc: INVOICE_TEST_CARD.cvc });
  await hosted.confirmCode(INVOICE_TEST_CARD.threeDsCode);
  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 20_000 });

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.expectStatus(invoiceId, "paid");
  // Asking is not doing: the question alone moves nothing.
  await orders.ask(invoiceId, "Refund");
  await expect(orders.row(invoiceId)).toContainText(`of order ${invoiceId} to the shopper?`);
  await expect(orders.row(invoiceId).locator('td[data-label="Refunds"]')).toHaveText("");
  await orders.row(invoiceId).getByRole("button", { name: "Yes, refund" }).click();
  await orders.expectStatus(invoiceId, "refunded");
  await expect(orders.row(invoiceId).getByRole("button")).toHaveCount(0);
  // Invoice keeps a refund `init` for a moment; the orders page reads its status from the gateway.
  await expect(async () => {
    await page.reload();
    await expect(orders.row(invoiceId).locator('td[data-label="Refunds"]')).toHaveText(/^₽[\d,]+\.00 successful$/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
