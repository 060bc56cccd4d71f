// After a payment's outcome and unmount(), no card data is reachable in the page's JS heap: a V8
// heap snapshot (Chrome DevTools Protocol, taken after a garbage collection) holds no string with
// the card number (digits or as typed), and none equal to the CVC, the expiry or the name typed.
// Through the real widget on the demo's script-tag page, for approved, declined and failed.
import { test, expect } from "./fixtures.ts";
import type { Page } from "@playwright/test";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { heapStrings } from "./support/heap-snapshot.ts";
import { panSecret } from "./support/leak-scan.ts";

/** A Luhn-valid Visa number of its own (the sandbox approves it), shown nowhere on the page. */
function uniquePan(): string {
  const body = `4${String(Math.floor(Math.random() * 1e14)).padStart(14, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const grouped = (pan: string) => pan.replace(/(\d{4})(?=\d)/g, "$1 ");

/**
 * A page script that keeps the widget's elements (a focus tracker, an analytics tag): the
 * detached elements stay alive, and through them their handlers. They must lead to no card data.
 */
async function holdWidgetElements(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as { heldByPage?: Element[] }).heldByPage = Array.from(document.querySelectorAll("#checkout *"));
  });
}

async function unmount(page: Page): Promise<void> {
  await page.evaluate(() => {
    const handle = (window as { demoWidget?: { unmount(): void } }).demoWidget;
    if (!handle) throw new Error("the demo page exposes no widget handle");
    handle.unmount();
  });
  await expect(page.locator("#checkout input")).toHaveCount(0);
}

async function expectNoCardData(page: Page, card: { pan: string; cvc: string; expiry: string; name: string }): Promise<void> {
  const heap = await heapStrings(page);
  expect(heap.strings.length).toBeGreaterThan(1000); // a real snapshot
  const found = {
    pan: [...heap.containing(card.pan), ...heap.containing(grouped(card.pan))],
    panLastTwelve: heap.containing(card.pan.slice(4)),
    cvc: heap.equalTo(card.cvc),
    expiry: heap.equalTo(card.expiry),
    name: heap.containing(card.name),
  };
  const secrets = [card.pan, grouped(card.pan), card.pan.slice(4), card.name];
  const chain = heap.retainers((text) => secrets.some((secret) => text.includes(secret)) || text === card.cvc || text === card.expiry);
  expect(found, `card data still reachable:\n${chain.join("\n")}`).toEqual({ pan: [], panLastTwelve: [], cvc: 0, expiry: 0, name: [] });
}

// Tracing keeps DOM nodes in a cache of its own (a holder the page does not have): off here, and
// the page holds the elements itself instead (holdWidgetElements).
test.use({ trace: "off" });

const EXPIRY = "11/29";
const NAME = "HEAPTEST CARDHOLDER";

test.describe("card data in the heap after unmount()", () => {
  test("approved", async ({ page, cvc, leakGuard }) => {
    const pan = uniquePan();
    leakGuard.registerSecret(panSecret(pan));
    await new ShopPage(page).open("/script-tag");
    const widget = new WidgetPage(page);
    await widget.fillCard({ number: pan, cvc, expiry: EXPIRY, name: NAME });
    await holdWidgetElements(page);
    await widget.submit();
    await widget.expectApproved(pan.slice(-4));
    await unmount(page);
    await expectNoCardData(page, { pan, cvc, expiry: EXPIRY, name: NAME });
  });

  test("declined", async ({ page, cvc }) => {
    // Declined for want of funds (the sandbox's table: the card also shown on the page).
    const pan = "4000056655665556";
    await new ShopPage(page).open("/script-tag");
    const widget = new WidgetPage(page);
    await widget.fillCard({ number: pan, cvc, expiry: EXPIRY, name: NAME });
    await holdWidgetElements(page);
    await widget.submit();
    await widget.expectDeclined();
    await unmount(page);
    await expectNoCardData(page, { pan, cvc, expiry: EXPIRY, name: NAME });
  });

  test("failed (the shop's endpoint answers 500)", async ({ page, request, cvc, leakGuard }) => {
    const pan = uniquePan();
    leakGuard.registerSecret(panSecret(pan));
    const invoiceId = await new ShopPage(page).open("/script-tag");
    expect((await request.post("/api/__test/fail-next-pay", { data: { invoiceId, mode: "before" } })).ok()).toBe(true);
    const widget = new WidgetPage(page);
    await widget.fillCard({ number: pan, cvc, expiry: EXPIRY, name: NAME });
    await holdWidgetElements(page);
    await widget.submit();
    await widget.expectFailed();
    await unmount(page);
    await expectNoCardData(page, { pan, cvc, expiry: EXPIRY, name: NAME });
  });
});
