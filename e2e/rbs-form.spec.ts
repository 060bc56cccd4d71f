// RBS's card page at formUrl on the demo's sandbox, in Chromium: one-stage at top level and
// two-stage in a shop's frame (the shopper lands on returnUrl/failUrl with ?orderId=), 3-D Secure
// code on the page, Russian and English, and a saved card (binding) paid again with 3-D Secure at
// the sandbox's bank page. The gateway's word is read with RbsClient. Axe on each screen; the leak
// guard lets the card go only in the page's own form post.
import type { Frame, Page } from "@playwright/test";
import { DEFAULT_RBS_PASSWORD, DEFAULT_RBS_USER_NAME } from "../sandbox/index.ts";
import { RbsClient } from "../server/client/index.ts";
import type { RbsRegisterRequest } from "../server/client/index.ts";
import { test, expect } from "./fixtures.ts";
import { AcsPage } from "./pages/acs-page.ts";
import { HostedCardPage } from "./pages/hosted-card-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS, WRONG_ACS_CODE } from "./support/cards.ts";
import { SANDBOX_URL } from "./support/demo-env.ts";
import { startFrameShop, type FrameShop } from "./support/frame-shop.ts";

const rbs = new RbsClient({ baseUrl: `${SANDBOX_URL}/payment/rest`, userName: DEFAULT_RBS_USER_NAME, password: DEFAULT_RBS_PASSWORD });
let shop: FrameShop;

test.beforeAll(async () => {
  shop = await startFrameShop(new URL(SANDBOX_URL).origin);
});
test.afterAll(() => shop.close());

function order(extra: Partial<RbsRegisterRequest> = {}): RbsRegisterRequest {
  return {
    orderNumber: `e2e-rbs-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    amount: 1500.5,
    description: "RBS order for the e2e test",
    returnUrl: shop.successUrl,
    failUrl: shop.failUrl,
    ...extra,
  };
}

async function formFrame(page: Page): Promise<Frame> {
  const isForm = (f: Frame) => f.url().includes("/payment/merchants/sandbox/form/");
  await expect.poll(() => page.frames().some(isForm)).toBe(true);
  const frame = page.frames().find(isForm);
  if (!frame) throw new Error("no RBS form frame");
  return frame;
}

test("top level, one stage, in Russian: an approved card pays and the shopper lands on returnUrl?orderId=", async ({ page, cvc }) => {
  const { orderId, formUrl } = await rbs.register(order({ language: "ru" }));
  await page.goto(formUrl);
  const hosted = new HostedCardPage(page);
  await hosted.waitForForm();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByText("RBS order for the e2e test")).toBeVisible();
  await expect(hosted.payButton).toHaveText(/1\s500,50\s₽/);
  expect(await axeViolations(page, "main"), "card form").toEqual([]);

  await hosted.pay({ number: CARDS.approved, cvc, holder: "IVAN PETROV" });
  await page.waitForURL(`${shop.successUrl}?orderId=${orderId}`);
  await expect(page.locator("#shop-result")).toHaveText("Shop: payment received");
  const status = await rbs.getOrderStatusExtended({ orderId });
  expect(status).toMatchObject({ state: "paid", amount: 1500.5, card: { lastFour: "3055", cardholderName: "IVAN PETROV" } });
});

test("framed, two stage, in English: a 3-D Secure card asks for the code in the frame, the hold lands on returnUrl, deposit takes it", async ({ page, cvc }) => {
  const { orderId, formUrl } = await rbs.registerPreAuth(order({ language: "en" }));
  expect(formUrl).toMatch(/[?&]lang=en$/);
  await page.goto(shop.framePage(formUrl));
  const frame = await formFrame(page);
  const hosted = new HostedCardPage(page.frameLocator("iframe"));
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.waitForCode();
  await expect(hosted.code).toHaveAttribute("autocomplete", "one-time-code");
  expect(await axeViolations(frame, "main"), "code step").toEqual([]);
  await hosted.confirmCode(ACS_CODE);
  await expect.poll(() => page.frames().some((f) => f.url() === `${shop.successUrl}?orderId=${orderId}`)).toBe(true);
  expect(await rbs.getOrderStatusExtended({ orderId })).toMatchObject({ state: "held", amounts: { approved: 1500.5, deposited: 0 } });
  await rbs.deposit({ orderId });
  expect(await rbs.getOrderStatusExtended({ orderId })).toMatchObject({ state: "paid", amounts: { deposited: 1500.5 } });
});

test("framed: a wrong code declines the order and the frame lands on failUrl?orderId=", async ({ page, cvc }) => {
  const { orderId, formUrl } = await rbs.register(order());
  await page.goto(shop.framePage(formUrl));
  await formFrame(page);
  const hosted = new HostedCardPage(page.frameLocator("iframe"));
  await hosted.pay({ number: CARDS.threeDs, cvc });
  await hosted.confirmCode(WRONG_ACS_CODE);
  await expect.poll(() => page.frames().some((f) => f.url() === `${shop.failUrl}?orderId=${orderId}`)).toBe(true);
  expect(await rbs.getOrderStatusExtended({ orderId })).toMatchObject({ state: "declined", actionCode: -2006 });
});

test("a saved card: the first payment makes a binding, the next order is paid with it after 3-D Secure on the bank page", async ({ page, cvc }) => {
  const clientId = `e2e-client-${Date.now()}`;
  const first = await rbs.register(order({ clientId }));
  await page.goto(first.formUrl);
  await new HostedCardPage(page).pay({ number: CARDS.threeDs, cvc });
  await new HostedCardPage(page).confirmCode(ACS_CODE);
  await page.waitForURL(`${shop.successUrl}?orderId=${first.orderId}`);
  const [binding] = await rbs.getBindings({ clientId });
  expect(binding).toMatchObject({ lastFour: "4242", expiry: { month: 12, year: 2030 } });

  // The shop pays a second order with the binding; the gateway asks for 3-D Secure.
  const second = await rbs.register(order({ clientId, amount: 99 }));
  const payment = await rbs.paymentOrderBinding({ orderId: second.orderId, bindingId: binding?.bindingId ?? "", ip: "127.0.0.1" });
  if (payment.kind !== "3ds") throw new Error(`expected 3-D Secure, got ${payment.kind}`);
  // The shopper's browser posts MD, PaReq and TermUrl to the ACS, as the widget's 3-D Secure dialog does.
  await page.goto(`${shop.url}/return/ok`);
  await page.evaluate((challenge) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = challenge.acsUrl;
    for (const [name, value] of Object.entries({ MD: challenge.md, PaReq: challenge.paReq, TermUrl: challenge.termUrl })) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, payment);
  const acs = new AcsPage(page);
  await acs.waitForPage();
  await expect(page.getByText(/4242/)).toBeVisible();
  expect(await axeViolations(page, "main"), "bank page").toEqual([]);
  await acs.confirm(ACS_CODE);
  await page.waitForURL(`${shop.successUrl}?orderId=${second.orderId}`);
  expect(await rbs.getOrderStatusExtended({ orderId: second.orderId })).toMatchObject({ state: "paid", amount: 99, binding: { bindingId: binding?.bindingId } });
});

test("a paid order's page takes no card; a declined card lands on failUrl", async ({ page, cvc }) => {
  const declined = await rbs.register(order({ language: "en" }));
  await page.goto(declined.formUrl);
  await new HostedCardPage(page).pay({ number: CARDS.declined, cvc });
  await page.waitForURL(`${shop.failUrl}?orderId=${declined.orderId}`);
  expect(await rbs.getOrderStatusExtended({ orderId: declined.orderId })).toMatchObject({ state: "declined", actionCode: 116 });

  const paid = await rbs.register(order({ language: "en" }));
  await page.goto(paid.formUrl);
  await new HostedCardPage(page).pay({ number: CARDS.approved, cvc });
  await page.waitForURL(`${shop.successUrl}?orderId=${paid.orderId}`);
  await page.goto(paid.formUrl);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(new HostedCardPage(page).cardNumber).toHaveCount(0);
  expect(await axeViolations(page, "main"), "paid notice").toEqual([]);
});
