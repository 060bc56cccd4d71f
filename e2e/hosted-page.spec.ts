// The gateway-hosted card page (Invoice's payment_url on the demo's sandbox) in Chromium, framed
// by a shop and at top level: approve, 3-D Secure code, decline, Invoice's printed test card, errors
// announced before anything is sent, "return to the shop", axe on every screen. The leak guard
// watches all of it: the card may travel only in the page's own form post to the gateway.
import type { Frame, Page } from "@playwright/test";
import { DEFAULT_INVOICE_API_KEY, DEFAULT_INVOICE_MERCHANT_ID, INVOICE_TEST_CARD } from "../sandbox/index.ts";
import { InvoiceClient } from "../server/client/index.ts";
import type { InvoicePayment } from "../server/client/index.ts";
import { test, expect } from "./fixtures.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS, WRONG_ACS_CODE } from "./support/cards.ts";
import { SANDBOX_URL } from "./support/demo-env.ts";
import { startFrameShop, type FrameShop } from "./support/frame-shop.ts";
import { cvcSecret } from "./support/leak-scan.ts";

const invoice = new InvoiceClient({ baseUrl: `${SANDBOX_URL}/api/v2`, merchantId: DEFAULT_INVOICE_MERCHANT_ID, apiKey: DEFAULT_INVOICE_API_KEY });
let shop: FrameShop;
let terminalId: string;

test.beforeAll(async () => {
  shop = await startFrameShop(new URL(SANDBOX_URL).origin);
  const terminal = await invoice.terminals.create({ name: "E2E shop", alias: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  if (!terminal.ok) throw terminal.error;
  terminalId = terminal.value.id;
});
test.afterAll(() => shop.close());

async function createPayment(description = "Order for the e2e test"): Promise<InvoicePayment> {
  const created = await invoice.payments.create({
    order: { amount: 1500, currency: "RUB", description, id: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}` },
    settings: { terminal_id: terminalId, success_url: shop.successUrl, fail_url: shop.failUrl },
    receipt: [{ name: "Item", price: 1500, resultPrice: 1500, quantity: 1 }],
  });
  if (!created.ok) throw created.error;
  return created.value;
}

async function gatewaySays(payment: InvoicePayment): Promise<InvoicePayment> {
  const found = await invoice.payments.get({ id: payment.id });
  if (!found.ok) throw found.error;
  return found.value;
}

/** The hosted page's frame inside the shop page. */
async function hostedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes("/invoice/pay/"))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes("/invoice/pay/"));
  if (!frame) throw new Error("no hosted page frame");
  return frame;
}

function watchCsp(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

test("top level: an approved card returns the shopper to the shop's success URL, and the gateway says successful", async ({ page, cvc }) => {
  const csp = watchCsp(page);
  const payment = await createPayment();
  await page.goto(payment.payment_url);
  const hosted = new HostedCardPage(page);
  await hosted.waitForForm();
  await expect(page.getByText("Order for the e2e test")).toBeVisible();
  // Chromium asks for English here (Accept-Language en-US): the amount is in English too.
  await expect(hosted.payButton).toHaveText(/^Pay RUB\s?1,500\.00$/);
  expect(await axeViolations(page, "main"), "card form").toEqual([]);

  await hosted.pay({ number: CARDS.approved, cvc, holder: "IVAN PETROV" });
  await page.waitForURL(shop.successUrl);
  await expect(page.locator("#shop-result")).toHaveText("Shop: payment received");
  expect((await gatewaySays(payment)).status).toBe("successful");
  expect(csp).toEqual([]);
});

test("framed: a 3-D Secure card asks for the code in the frame; 123456 pays and the frame lands on the success URL", async ({ page, cvc }) => {
  const csp = watchCsp(page);
  const payment = await createPayment();
  await page.goto(shop.framePage(payment.payment_url));
  const hosted = new HostedCardPage(page.frameLocator('iframe[title="Payment page"]'));
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.waitForCode();
  expect(await axeViolations(await hostedFrame(page), "main"), "code step").toEqual([]);
  await hosted.confirmCode(ACS_CODE);
  await expect.poll(() => page.frames().some((f) => f.url() === shop.successUrl)).toBe(true);
  expect(page.url()).toBe(shop.framePage(payment.payment_url));
  expect((await gatewaySays(payment)).status).toBe("successful");
  expect(csp).toEqual([]);
});

test("framed: a wrong code fails the payment [3, -19] and the frame lands on the fail URL", async ({ page, cvc }) => {
  const payment = await createPayment();
  await page.goto(shop.framePage(payment.payment_url));
  const hosted = new HostedCardPage(page.frameLocator('iframe[title="Payment page"]'));
  await hosted.pay({ number: CARDS.mirThreeDs, cvc });
  await hosted.confirmCode(WRONG_ACS_CODE);
  await expect.poll(() => page.frames().some((f) => f.url() === shop.failUrl)).toBe(true);
  expect(await gatewaySays(payment)).toMatchObject({ status: "fail", error_code: [3, -19] });
});

test("framed: insufficient funds fails the payment [2, 51] and the frame lands on the fail URL", async ({ page, cvc }) => {
  const payment = await createPayment();
  await page.goto(shop.framePage(payment.payment_url));
  const frame = await hostedFrame(page);
  expect(await axeViolations(frame, "main"), "framed card form").toEqual([]);
  const hosted = new HostedCardPage(page.frameLocator('iframe[title="Payment page"]'));
  await hosted.pay({ number: CARDS.declined, cvc });
  await expect.poll(() => page.frames().some((f) => f.url() === shop.failUrl)).toBe(true);
  expect(await gatewaySays(payment)).toMatchObject({ status: "fail", status_description: "Not sufficient funds", error_code: [2, 51] });
});

test("Invoice's printed test card works exactly as printed (01/22, CVC 852, code 123456), in English", async ({ page, leakGuard }) => {
  leakGuard.registerSecret(cvcSecret(INVOICE_TEST_CARD.cvc));
  const payment = await createPayment();
  await page.goto(`${payment.payment_url}?lang=en`);
  const hosted = new HostedCardPage(page);
  await expect(page.getByRole("heading", { name: "Pay by card" })).toBeVisible();
  await hosted.pay({ number: INVOICE_TEST_CARD.number, expiry: INVOICE_TEST_CARD.expiry, cvc: INVOICE_TEST_CARD.cvc });
  await hosted.confirmCode(INVOICE_TEST_CARD.threeDsCode);
  await page.waitForURL(shop.successUrl);
  expect((await gatewaySays(payment)).status).toBe("successful");
});

test("bad fields are announced and focused before anything is sent; the card is never written into the page", async ({ page, cvc }) => {
  const payment = await createPayment();
  await page.goto(`${payment.payment_url}?lang=en`);
  const hosted = new HostedCardPage(page);
  await hosted.waitForForm();
  const cardPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") cardPosts.push(request.url());
  });

  await hosted.payButton.click();
  await expect(hosted.alert).toContainText("Enter a valid card number.");
  await expect(hosted.alert).toContainText("Enter the expiry date as MM/YY.");
  await expect(hosted.cardNumber).toBeFocused();
  await expect(hosted.cardNumber).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page, "main"), "form with errors").toEqual([]);

  await hosted.cardNumber.pressSequentially("4000 0000 0000 3056"); // fails Luhn
  await hosted.expiry.pressSequentially("12/30");
  await hosted.cvc.pressSequentially(cvc);
  await hosted.payButton.click();
  await expect(hosted.alert).toHaveText(/Enter a valid card number\./);
  await expect(hosted.alert).not.toContainText("expiry");
  expect(cardPosts).toEqual([]);
  expect((await gatewaySays(payment)).status).toBe("init");

  // Fixed, it pays.
  await hosted.cardNumber.fill("");
  await hosted.cardNumber.pressSequentially(CARDS.mir);
  await hosted.payButton.click();
  await page.waitForURL(shop.successUrl);
  expect((await gatewaySays(payment)).status).toBe("successful");
});

test("'return to the shop' goes to the fail URL and leaves the payment unpaid", async ({ page }) => {
  const payment = await createPayment();
  await page.goto(payment.payment_url);
  const hosted = new HostedCardPage(page);
  await hosted.waitForForm();
  await hosted.leaveButton.click();
  await page.waitForURL(shop.failUrl);
  expect((await gatewaySays(payment)).status).toBe("init");
});

test("the page is usable on a phone-sized screen", async ({ page, cvc }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const payment = await createPayment();
  await page.goto(payment.payment_url);
  const hosted = new HostedCardPage(page);
  await hosted.waitForForm();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const box = await hosted.payButton.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await hosted.pay({ number: CARDS.approved, cvc });
  await page.waitForURL(shop.successUrl);
});
