// The payment outcomes (approved, declined, transport failures) through the script-tag page (one-stage charge).
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS, WRONG_ACS_CODE } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

test("approved without 3-D Secure", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");
  await expect(shop.events("success")).toHaveCount(1);
  const payments = await paymentsFor(invoiceId);
  expect(payments.map((p) => p.Status)).toEqual(["Completed"]);
});

test("declined 5051 shows the Russian message", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  await shop.open("/script-tag", "ru");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.declined, cvc });
  await widget.expectDeclined(/Недостаточно средств на карте/);
  await expect(widget.retryButton).toBeVisible();
  await expect(shop.events("fail")).toHaveCount(1);
});

test("declined 5051 shows the English message", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  await shop.open("/script-tag", "en");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.declined, cvc });
  await widget.expectDeclined(/Insufficient funds on the card/);
});

test("3-D Secure approved with the right code in the iframe", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await expect(widget.threeDsDialog).toBeVisible();
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");
  await expect(widget.threeDsDialog).toBeHidden();
  await expect(shop.events("success")).toHaveCount(1);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("3-D Secure with a wrong code is declined, then a retry pays", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().confirm(WRONG_ACS_CODE);
  await widget.expectDeclined();
  await widget.retryButton.click();
  await widget.waitForForm();
  // The form may keep or clear the card; type it again either way.
  await widget.cardNumber.fill("");
  await widget.expiry.fill("");
  await widget.cvc.fill("");
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");
  const statuses = (await paymentsFor(invoiceId)).map((p) => p.Status);
  expect(statuses.filter((s) => s === "Completed")).toHaveLength(1);
});

test("3-D Secure cancelled in the dialog: back to the form with a neutral note, onCancel not onFail; a new attempt pays once", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  // The staff's view of the order (the staff link's cookie, as staff would open it).
  const { url } = (await (await page.request.get("/api/__test/staff-link")).json()) as { url: string };
  await page.request.get(url);
  const orderStatus = async () => ((await (await page.request.get(`/api/orders/${invoiceId}`)).json()) as { status?: string }).status;
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().waitForPage();
  expect(await orderStatus()).toBe("3ds");
  const abandoned = page.waitForResponse((r) => r.url().endsWith("/api/pay/abandon") && r.request().method() === "POST");
  await widget.threeDsCancel.click();
  await expect(widget.threeDsDialog).toBeHidden();
  // The widget's word only prompted the kit: the gateway still held the challenge unfinished, so the order is open again.
  expect((await (await abandoned).json()) as unknown).toMatchObject({ status: "abandoned" });
  await expect.poll(orderStatus).toBe("abandoned");
  await expect(page.locator("p.cw-note")).toHaveText("Вы отменили подтверждение платежа в банке. Деньги не списаны, можно оплатить снова");
  await widget.waitForForm();
  await expect(widget.heading("declined")).toHaveCount(0);
  await expect(shop.events("cancel")).toHaveText([/^cancel: threeDs \d+: Вы отменили подтверждение/]);
  await expect(shop.events("fail")).toHaveCount(0);
  await expect(shop.events("complete")).toHaveCount(0);
  expect((await paymentsFor(invoiceId)).filter((p) => p.Status === "Completed")).toHaveLength(0);

  // The order is still payable: the cancelled challenge does not hold it.
  await widget.cardNumber.fill("");
  await widget.expiry.fill("");
  await widget.cvc.fill("");
  await widget.pay({ number: CARDS.approved, cvc });
  await widget.expectApproved("3055");
  expect((await paymentsFor(invoiceId)).filter((p) => p.Status === "Completed")).toHaveLength(1);
  await expect.poll(orderStatus).toBe("paid");
});

test("3-D Secure cancelled on the bank's page ends declined", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.threeDs, cvc });
  await widget.acs().cancel();
  await widget.expectDeclined();
});

test("redirect mode: the page goes to the bank and comes back approved", async ({ page, cvc, leakGuard }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/redirect");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.threeDs, cvc });
  await leakGuard.snapshot("before leaving for the bank");
  await widget.submit();
  await page.waitForURL(/\/acs/);
  const { AcsPage } = await import("./pages/acs-page.ts");
  await new AcsPage(page).confirm(ACS_CODE);
  await page.waitForURL(/\/redirect/);
  await widget.expectApproved("4242");
  // The widget read the result once and cleaned the URL.
  expect(new URL(page.url()).searchParams.has("status")).toBe(false);
  expect((await paymentsFor(invoiceId)).map((p) => p.Status)).toEqual(["Completed"]);
});

test("MIR card with 3-D Secure approved", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.mirThreeDs, cvc });
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("0004");
});

test("MIR card without 3-D Secure approved", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.mir, cvc });
  await widget.expectApproved("3055");
});
