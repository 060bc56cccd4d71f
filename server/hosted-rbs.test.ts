// The hosted-page flow on RBS, and its callback notifications, through the kit's handlers over
// HTTP against the real sandbox: one- and two-stage, decline, cancel, the URL's orderId never
// trusted, notifications good, bad, replayed and stale, and a shopper who never comes back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, rbsCallbackChecksum, startSandbox, type Sandbox } from "../sandbox/index.ts";
import { verifyReturnQuery } from "./handlers/index.ts";
import { SHOP_SECRET } from "./merchant.fixture.ts";
import { leavePage, pay, returnPage, startGatewayMerchant, visit, waitFor, type GatewayMerchant } from "./gateway-merchant.fixture.ts";

let sandbox: Sandbox;
let m: GatewayMerchant;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rbs: { callbackRetryDelaysMs: [100, 200] } });
  m = await startGatewayMerchant({ sandbox, kind: "rbs" });
});
afterAll(async () => {
  await m.close();
  await sandbox.close();
});

const APPROVED = "4000000000003055";
const DECLINED = "4000056655665556";

interface Redirect {
  status: "redirect";
  paymentId: string;
  url: string;
  frameAllowed: boolean;
  returnOrigin: string;
}

async function start(invoiceId: string, extra: Record<string, unknown> = {}): Promise<Redirect> {
  const answer = await pay(m, { invoiceId, ...extra });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as unknown as Redirect;
}

const eventsOf = (invoiceId: string) => m.events.filter((e) => e.invoiceId === invoiceId);
const statusesOf = (invoiceId: string) => eventsOf(invoiceId).map((e) => `${e.stage}:${e.result.status}`);
const deliveredFor = (orderId: string) => sandbox.rbs.callbacks().filter((c) => c.params.mdOrder === orderId && c.outcome === "delivered");

async function notify(params: Record<string, string>, checksum?: string): Promise<Response> {
  const query = new URLSearchParams({ ...params, checksum: checksum ?? (await rbsCallbackChecksum(params, sandbox.rbs.callbackSecret)) });
  return fetch(`${m.notificationUrl}?${query}`);
}

describe("RBS: paying on the gateway's page", () => {
  it("one-stage: formUrl, then the return reads getOrderStatusExtended; the callback does not report it again", async () => {
    const invoiceId = m.newOrder({ amount: 1234.5, description: "Honey" });
    const redirect = await start(invoiceId, { language: "en" });
    expect(redirect).toEqual({ status: "redirect", paymentId: expect.stringMatching(/^[0-9a-f-]{36}$/), url: expect.stringContaining(redirect.paymentId), returnOrigin: new URL(m.termUrl).origin, frameAllowed: true });
    const register = m.gatewayRequests.find((r) => r.path.endsWith("/register.do") && r.body.includes(encodeURIComponent(invoiceId)));
    const sent = new URLSearchParams(register?.body ?? "");
    expect(sent.get("amount")).toBe("123450");
    expect(sent.get("language")).toBe("en");
    expect(sent.get("dynamicCallbackUrl")).toBe(m.notificationUrl);
    expect(sent.get("returnUrl")).toBe(sent.get("failUrl"));
    expect(sent.has("clientId")).toBe(false);

    const paid = await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    expect(paid.location).toMatch(/[?&]orderId=/);
    const data = await returnPage(await visit(paid.location ?? ""));
    expect(data.message).toEqual({
      type: "checkout-widget:hosted-result",
      version: 2,
      paymentId: redirect.paymentId,
      result: { status: "approved", transactionId: redirect.paymentId, amount: 1234.5, currency: "RUB", cardType: "Visa", cardLastFour: "3055", authCode: expect.any(String), captured: true },
    });
    await waitFor(() => deliveredFor(redirect.paymentId).length > 0);
    // The return and the callback race; whichever comes first reports it, the other does not.
    expect(eventsOf(invoiceId).map((e) => e.result.status)).toEqual(["redirect", "approved"]);
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("two-stage: the hold is approved with captured false; a deposit, told by its callback, is reported as captured", async () => {
    const invoiceId = m.newOrder({ scheme: "auth" });
    const redirect = await start(invoiceId);
    expect(m.gatewayRequests.some((r) => r.path.endsWith("/registerPreAuth.do") && r.body.includes(encodeURIComponent(invoiceId)))).toBe(true);
    const paid = await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    const top = await visit(paid.location ?? "", "document");
    expect(await verifyReturnQuery(top.headers.get("location") ?? "", SHOP_SECRET)).toMatchObject({ status: "approved", captured: "0", transactionId: redirect.paymentId });
    await m.rbsClient.deposit({ orderId: redirect.paymentId });
    await waitFor(() => eventsOf(invoiceId).some((e) => e.result.status === "approved" && e.result.captured === true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const captured = eventsOf(invoiceId).filter((e) => e.result.status === "approved").map((e) => (e.result as { captured?: boolean }).captured);
    expect(captured).toEqual([false, true]);
  });

  it("a decline reads the platform's actionCode as CloudPayments' reason code, and frees the order", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    const declined = await payOnHostedPage(redirect.url, { cardNumber: DECLINED });
    expect(declined.location).toContain(`orderId=${redirect.paymentId}`);
    expect((await returnPage(await visit(declined.location ?? ""))).message.result).toMatchObject({ status: "declined", reasonCode: 5051, reason: "InsufficientFunds" });
    const next = await start(invoiceId);
    expect(next.paymentId).not.toBe(redirect.paymentId);
  });

  it("leaving the page comes back cancelled; Pay again opens the same page", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    const back = await leavePage(redirect.url);
    expect((await returnPage(await visit(back ?? ""))).message.result).toMatchObject({ status: "cancelled", paymentId: redirect.paymentId });
    expect(await start(invoiceId)).toEqual(redirect);
    const registered = m.gatewayRequests.filter((r) => r.path.endsWith("/register.do") && r.body.includes(encodeURIComponent(invoiceId)));
    expect(registered).toHaveLength(1);
  });

  it("the orderId in the return URL proves nothing: another order's id is refused, the attempt's own payment is found", async () => {
    const paidInvoice = m.newOrder();
    const paidRedirect = await start(paidInvoice);
    await payOnHostedPage(paidRedirect.url, { cardNumber: APPROVED });

    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    const back = (await leavePage(redirect.url)) ?? "";
    const swapped = back.replace(redirect.paymentId, paidRedirect.paymentId);
    expect(swapped).not.toBe(back);
    // The store still holds this attempt's own order, so the swapped id is not even asked about.
    expect((await returnPage(await visit(swapped))).message.result).toMatchObject({ status: "cancelled", paymentId: redirect.paymentId });
    expect(eventsOf(invoiceId).some((e) => e.result.status === "approved")).toBe(false);

    // Once the store has let go (a declined attempt), the id in the URL is checked against the
    // gateway's record of the kit's tags: another attempt's paid order is no approval for this one.
    const declinedInvoice = m.newOrder();
    const declined = await start(declinedInvoice);
    const declinedBack = (await payOnHostedPage(declined.url, { cardNumber: DECLINED })).location ?? "";
    expect((await returnPage(await visit(declinedBack))).message.result).toMatchObject({ status: "declined" });
    const forged = declinedBack.replace(declined.paymentId, paidRedirect.paymentId);
    expect((await returnPage(await visit(forged))).message.result).toMatchObject({ status: "error", code: "payment_unconfirmed" });
    expect(eventsOf(declinedInvoice).some((e) => e.result.status === "approved")).toBe(false);
  });
});

describe("RBS notifications", () => {
  it("a shopper who never comes back: the callback alone settles the order, and another attempt is refused as paid", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    await payOnHostedPage(redirect.url, { cardNumber: APPROVED }); // and never follows the redirect
    await waitFor(() => eventsOf(invoiceId).some((e) => e.stage === "notification"));
    expect(statusesOf(invoiceId)).toEqual(["pay:redirect", "notification:approved"]);
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("refuses a bad or missing checksum and changes nothing", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    await waitFor(() => eventsOf(invoiceId).some((e) => e.stage === "notification"));
    const count = m.events.length;
    const params = { mdOrder: redirect.paymentId, orderNumber: "x", operation: "deposited", status: "1" };
    expect((await notify(params, "0".repeat(64))).status).toBe(400);
    expect((await fetch(`${m.notificationUrl}?${new URLSearchParams(params)}`)).status).toBe(400);
    expect((await notify(params, undefined)).status).toBe(200); // good checksum: replayed, reported before
    expect(m.events.length).toBe(count);
    expect(m.logs.join("\n")).toMatch(/refused a gateway notification.*bad_checksum/);
  });

  it("a stale notification (good checksum, wrong claim) settles what getOrderStatusExtended says, once", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    await payOnHostedPage(redirect.url, { cardNumber: DECLINED });
    await waitFor(() => eventsOf(invoiceId).some((e) => e.stage === "notification"));
    // Claims the order was paid: it was declined, and that is all the kit reports.
    const stale = { mdOrder: redirect.paymentId, orderNumber: "whatever", operation: "deposited", status: "1" };
    expect((await notify(stale)).status).toBe(200);
    expect((await notify(stale)).status).toBe(200);
    expect(statusesOf(invoiceId)).toEqual(["pay:redirect", "notification:declined"]);
  });

  it("a notification about an order the kit did not start is acknowledged and ignored", async () => {
    const { orderId } = await m.rbsClient.register({ orderNumber: `own-${Date.now()}`, amount: 10, returnUrl: "https://shop.example/own" });
    const before = m.events.length;
    expect((await notify({ mdOrder: orderId, orderNumber: "own", operation: "deposited", status: "1" })).status).toBe(200);
    expect(m.events.length).toBe(before);
  });

  it("a form post is read within its limit; a larger one is refused unread", async () => {
    const big = await fetch(m.notificationUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `mdOrder=${"a".repeat(5000)}`,
    });
    expect(big.status).toBe(413);
    const params = { mdOrder: crypto.randomUUID(), orderNumber: "n", operation: "deposited", status: "1" };
    const form = new URLSearchParams({ ...params, checksum: await rbsCallbackChecksum(params, sandbox.rbs.callbackSecret) });
    const posted = await fetch(m.notificationUrl, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form.toString() });
    expect(posted.status).toBe(200);
  });
});
