// Charging once: a double click, and a merchant endpoint failing after (or before) the gateway
// approved, each end in exactly one transaction in the sandbox.
import { test, expect } from "./fixtures.ts";
import { ShopPage } from "./pages/shop-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { CARDS } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

test("a double click on Pay creates one transaction", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.approved, cvc });
  const payRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/pay")) payRequests.push(request.headers()["x-request-id"] ?? "");
  });
  await widget.payButton.dblclick();
  await widget.expectApproved("3055");
  expect(await paymentsFor(invoiceId)).toHaveLength(1);
  expect(payRequests).toHaveLength(1);
  await expect(shop.events("success")).toHaveCount(1);
});

for (const mode of ["before", "after", "drop"] as const) {
  const what = {
    before: "answering 500 before calling the gateway",
    after: "answering 500 after the gateway approved",
    drop: "dropping the connection after the gateway approved",
  }[mode];

  test(`merchant endpoint ${what}, then a retry: one transaction`, async ({ page, request, cvc }) => {
    const shop = new ShopPage(page);
    const invoiceId = await shop.open("/script-tag");
    const armed = await request.post("/api/__test/fail-next-pay", { data: { invoiceId, mode } });
    expect(armed.ok()).toBe(true);

    const requestIds: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/pay")) requestIds.push(r.headers()["x-request-id"] ?? "");
    });
    const widget = new WidgetPage(page);
    await widget.pay({ number: CARDS.approved, cvc });
    const first = await widget.result();
    if (first.kind !== "approved") {
      expect(first.kind).toBe("failed");
      await widget.retryButton.click();
    }
    await widget.expectApproved("3055");

    const payments = await paymentsFor(invoiceId);
    expect(payments.map((p) => p.Status)).toEqual(["Completed"]);
    // Where the first request may have reached the gateway, the retry reuses its X-Request-ID.
    if (mode !== "before") expect(new Set(requestIds).size).toBe(1);
    await expect(shop.events("success")).toHaveCount(1);
  });
}

test("a browser that sends its own amount is charged the order's amount", async ({ page, cvc }) => {
  const shop = new ShopPage(page);
  const invoiceId = await shop.open("/script-tag");
  await page.route("**/api/pay", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, amount: 1 }) });
  });
  const widget = new WidgetPage(page);
  await widget.pay({ number: CARDS.approved, cvc });
  const text = await widget.expectApproved("3055");
  expect(text).toMatch(/1\s?950/);
  expect((await paymentsFor(invoiceId)).map((p) => p.Amount)).toEqual([1950]);
});
