// 3-D Secure messages: a postMessage from another origin, for another transaction, or from any
// window but the dialog's own frame (the page itself, another frame of its origin) changes
// nothing; the genuine result from the merchant's return page still completes the payment.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";

function fakeResult(transactionId: number) {
  return {
    type: "checkout-widget:3ds-result",
    version: 1,
    transactionId,
    result: {
      status: "approved",
      transactionId,
      amount: 1,
      currency: "RUB",
      cardType: "Visa",
      cardLastFour: "0000",
      authCode: "FORGED",
    },
  };
}

test("forged 3-D Secure results are ignored", async ({ page, cvc }) => {
  await new ShopPage(page).open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.threeDs, cvc });
  const payAnswer = page.waitForResponse((r) => r.url().endsWith("/api/pay") && r.request().method() === "POST");
  await widget.submit();
  const answer = (await (await payAnswer).json()) as { status: string; transactionId: number };
  expect(answer.status).toBe("3ds");
  await widget.acs().waitForPage();

  // Messages from one source arrive in order: a sentinel after the forgeries proves the widget's
  // listener has seen them by the time the page's own listener sees the sentinel.
  type SentinelWindow = Window & { e2eSentinel?: Promise<void> };
  const armSentinel = () =>
    page.evaluate(() => {
      (window as SentinelWindow).e2eSentinel = new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          if (event.data !== "e2e-sentinel") return;
          window.removeEventListener("message", onMessage);
          resolve();
        };
        window.addEventListener("message", onMessage);
      });
    });
  const sentinelSeen = () => page.evaluate(() => (window as SentinelWindow).e2eSentinel);

  // From another origin (the bank's frame), with the right transaction id.
  const acsFrame = page.frames().find((f) => f.url().includes("/acs"));
  expect(acsFrame).toBeTruthy();
  await armSentinel();
  await acsFrame?.evaluate((message) => {
    window.parent.postMessage(message, "*");
    window.parent.postMessage("e2e-sentinel", "*");
  }, fakeResult(answer.transactionId));
  await sentinelSeen();
  // From the shop's own origin, but for another transaction.
  await armSentinel();
  await page.evaluate((message) => {
    window.postMessage(message, window.location.origin);
    window.postMessage("e2e-sentinel", window.location.origin);
  }, fakeResult(answer.transactionId + 1));
  await sentinelSeen();
  // From the shop's own origin, for the right transaction: the page itself…
  await armSentinel();
  await page.evaluate((message) => {
    window.postMessage(message, window.location.origin);
    window.postMessage("e2e-sentinel", window.location.origin);
  }, fakeResult(answer.transactionId));
  await sentinelSeen();
  // …and another frame of the shop's origin: only the dialog's own frame may end the challenge.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const frame = document.createElement("iframe");
        frame.name = "e2e-same-origin";
        frame.src = "/healthz";
        frame.addEventListener("load", () => resolve(), { once: true });
        document.body.append(frame);
      }),
  );
  const sameOrigin = page.frames().find((f) => f.name() === "e2e-same-origin");
  expect(sameOrigin).toBeTruthy();
  await armSentinel();
  await sameOrigin?.evaluate((message) => {
    window.parent.postMessage(message, window.location.origin);
    window.parent.postMessage("e2e-sentinel", window.location.origin);
  }, fakeResult(answer.transactionId));
  await sentinelSeen();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));

  await expect(widget.threeDsDialog).toBeVisible();
  await expect(widget.heading("approved")).toHaveCount(0);

  await widget.acs().confirm(ACS_CODE);
  const text = await widget.expectApproved("4242");
  expect(text).not.toContain("0000");
});
