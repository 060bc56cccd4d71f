// The server kit's return route in Chromium, apart from the widget (hosted-widget.spec.ts drives
// that): the demo's Invoice and RBS shops start a payment (POST {endpoint}/pay without card data),
// the gateway's page is framed by the test or opened at top level by the widget's redirect, and
// the shopper comes back to the kit. What
// only a browser proves: the return page's own script, under its CSP, posts the hosted result to
// the framing shop (and only to it), and a top-level return lands on the shop's page with the
// order recorded. Also a saved RBS card paid again with 3-D Secure at the bank, top level.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { AcsPage } from "./pages/acs-page.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { OrdersPage } from "./pages/orders-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { SHOP_URL } from "./support/demo-env.ts";

interface HostedMessage {
  origin: string;
  data: { type: string; version: number; paymentId: string; result: { status: string; transactionId?: string; paymentId?: string } };
}

/** The shop page's order, once it is created. */
async function invoiceOf(page: Page): Promise<string> {
  // The Pay button (the saved cards list may have "Pay with another card" too).
  await expect(page.locator("#checkout").getByRole("button", { name: /^(Pay|Оплатить) \S/ }).first()).toBeVisible();
  const invoiceId = await page.locator("#order").getAttribute("data-invoice-id");
  if (!invoiceId) throw new Error("no order on the page");
  return invoiceId;
}

/** What the widget's hosted mode will do: start the payment, frame the gateway's page, wait for the kit's message. */
async function frameGatewayPage(page: Page, shop: "invoice" | "rbs", invoiceId: string): Promise<{ paymentId: string }> {
  return page.evaluate(
    async ({ shop, invoiceId }) => {
      const response = await fetch(`/api/${shop}/pay`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Request-ID": crypto.randomUUID() },
        body: JSON.stringify({ invoiceId }),
      });
      const answer = (await response.json()) as { status: string; url: string; paymentId: string; frameAllowed: boolean };
      if (answer.status !== "redirect" || !answer.frameAllowed) throw new Error(JSON.stringify(answer));
      const messages: unknown[] = [];
      (window as unknown as { hostedMessages: unknown[] }).hostedMessages = messages;
      window.addEventListener("message", (event) => messages.push({ origin: event.origin, data: event.data }));
      const frame = document.createElement("iframe");
      frame.id = "gateway";
      frame.title = "Payment page";
      frame.src = answer.url;
      frame.style.cssText = "width: 480px; height: 640px";
      document.body.append(frame);
      return { paymentId: answer.paymentId };
    },
    { shop, invoiceId },
  );
}

async function nextMessage(page: Page): Promise<HostedMessage> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { hostedMessages: unknown[] }).hostedMessages.length)).toBeGreaterThan(0);
  return page.evaluate(() => (window as unknown as { hostedMessages: HostedMessage[] }).hostedMessages[0] as HostedMessage);
}

test("Invoice in the shop's frame: the kit's return page posts the approved result to the shop", async ({ page, cvc }) => {
  await page.goto("/invoice?lang=en");
  const invoiceId = await invoiceOf(page);
  const { paymentId } = await frameGatewayPage(page, "invoice", invoiceId);
  await new HostedCardPage(page.frameLocator("#gateway")).pay({ number: CARDS.approved, cvc });
  const message = await nextMessage(page);
  expect(message).toEqual({
    origin: SHOP_URL,
    data: expect.objectContaining({ type: "checkout-widget:hosted-result", version: 2, paymentId, result: expect.objectContaining({ status: "approved", transactionId: paymentId }) }),
  });
  // The shop's record, as its staff see it (the orders API is staff-only).
  await new OrdersPage(page).open();
  const order = await (await page.request.get(`/api/orders/${invoiceId}`)).json();
  expect(order).toMatchObject({ status: "paid", transactionId: paymentId });
});

test("RBS in the shop's frame: 'return to the shop' is a cancelled result, not a decline", async ({ page }) => {
  await page.goto("/rbs?lang=en");
  const invoiceId = await invoiceOf(page);
  const { paymentId } = await frameGatewayPage(page, "rbs", invoiceId);
  const hosted = new HostedCardPage(page.frameLocator("#gateway"));
  await hosted.waitForForm();
  await hosted.leaveButton.click();
  const message = await nextMessage(page);
  expect(message.data).toMatchObject({ type: "checkout-widget:hosted-result", paymentId, result: { status: "cancelled", paymentId } });
});

test("RBS at top level, logged in: save the card on the bank's page, pay a new order with it through 3-D Secure, autopay it from the orders page", async ({ page, cvc }) => {
  await page.goto("/rbs?lang=en");
  await page.getByLabel("Demo login").selectOption("alice");
  await page.locator("#checkout").getByRole("checkbox", { name: "Save this card for next payments" }).check();
  await page.getByLabel("By going there (redirect)").check();
  const first = await invoiceOf(page);
  await page.locator("#checkout").getByRole("button", { name: /^Pay ₽/ }).click();
  const hosted = new HostedCardPage(page);
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.confirmCode(ACS_CODE);
  // Back on /rbs (the page's script then cleans the query with history.replaceState, a same-document
  // navigation that waitForURL would wait on for a load that never comes): wait for what it shows.
  await expect(page.locator("#result")).toContainText(`Order ${first}: paid`, { timeout: 20_000 });
  // Back on the shop's page, the query is cleaned away: a reload shows nothing read from a URL.
  await expect.poll(() => new URL(page.url()).searchParams.has("status")).toBe(false);

  await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();

  // A new visit, a new order: the widget lists the saved card first, chosen; Pay pays with it in one
  // click, and the bank's 3-D Secure page opens at top level (redirect mode).
  await page.goto("/rbs?lang=en");
  const widget = page.locator("#checkout");
  await expect(widget.getByRole("radio", { name: /Visa •••• 4242/ })).toBeChecked();
  await page.getByLabel("By going there (redirect)").check();
  const second = await invoiceOf(page);
  expect(second).not.toBe(first);
  await widget.getByRole("button", { name: /^Pay ₽/ }).click();
  const acs = new AcsPage(page);
  await acs.confirm(ACS_CODE);
  await expect(page.locator("#result")).toContainText(`Order ${second}: paid`, { timeout: 20_000 });

  // The merchant charges the saved card again without the shopper, from the orders page.
  await new OrdersPage(page).open();
  const charge = page.getByRole("button", { name: /^Charge ₽450\.00 to alice's Visa •••• 4242/ }).first();
  await expect(charge).toBeVisible();
  expect(await axeViolations(page, "main"), "/orders with a saved card").toEqual([]);
  await charge.click();
  await expect(page.locator("#orders-status")).toContainText(/Autopayment \S+: approved/);
  await expect(page.locator("#orders-body td.status", { hasText: "paid (autopayment)" }).first()).toBeVisible();
});

test("the /invoice and /rbs pages: no axe violations", async ({ page }) => {
  for (const path of ["/invoice", "/rbs"]) {
    await page.goto(path);
    await invoiceOf(page);
    expect(await axeViolations(page, "main"), path).toEqual([]);
  }
});
