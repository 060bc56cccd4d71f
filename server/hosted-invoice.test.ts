// The hosted-page flow on Invoice, through the kit's handlers over HTTP against the real
// sandbox: start (redirect), pay on the gateway's page, come back to the return route, framed
// and at top level; declines, 3-D Secure, cancel, retries, forged returns, amount checks, receipts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOICE_TEST_CARD, payOnHostedPage, startSandbox, type Sandbox } from "../sandbox/index.ts";
import { verifyReturnQuery } from "./handlers/index.ts";
import { SHOP_ORIGIN, SHOP_SECRET } from "./merchant.fixture.ts";
import { leavePage, pay, returnPage, startGatewayMerchant, visit, type GatewayMerchant } from "./gateway-merchant.fixture.ts";

let sandbox: Sandbox;
let m: GatewayMerchant;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, invoiceRefundDelayMs: 50 });
  m = await startGatewayMerchant({ sandbox, kind: "invoice" });
});
afterAll(async () => {
  await m.close();
  await sandbox.close();
});

const APPROVED = "4000000000003055";
const DECLINED = "4000056655665556";
const THREE_DS = "4242424242424242";

interface Redirect {
  status: "redirect";
  paymentId: string;
  url: string;
  frameAllowed: boolean;
  returnOrigin: string;
}

async function start(invoiceId: string, requestId?: string): Promise<Redirect> {
  const answer = await pay(m, { invoiceId }, requestId === undefined ? {} : { requestId });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as unknown as Redirect;
}

interface SandboxInvoice {
  payments: { id: string; status: string; custom_parameters: Record<string, string>; trtype: number }[];
  refunds: { payment_id: string; refund: { amount: number } }[];
}

const sandboxInvoice = async (): Promise<SandboxInvoice> => {
  const response = await fetch(`${sandbox.url}/__sandbox/invoice`, {
    headers: { Authorization: `Basic ${btoa(`${sandbox.invoice.merchantId}:${sandbox.invoice.apiKey}`)}` },
  });
  return (await response.json()) as SandboxInvoice;
};
const paymentsOf = async (invoiceId: string) => (await sandboxInvoice()).payments.filter((p) => p.custom_parameters.cw_invoice === invoiceId);

const eventsOf = (invoiceId: string) => m.events.filter((e) => e.invoiceId === invoiceId);

describe("Invoice: paying on the gateway's page", () => {
  it("starts a payment (redirect), and the framed return tells the widget what GetPayment says, once", async () => {
    const invoiceId = m.newOrder({ amount: 1500, description: "Tea" });
    const redirect = await start(invoiceId);
    expect(redirect).toEqual({ status: "redirect", paymentId: expect.any(String), url: `${sandbox.url}/invoice/pay/${redirect.paymentId}`, returnOrigin: new URL(m.termUrl).origin, frameAllowed: true });

    const paid = await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    expect(paid.location).toMatch(new RegExp(`^${m.termUrl}\\?ret=page&inv=${invoiceId}&att=cw-[0-9a-f]{32}&exp=\\d+&sig=[\\w-]{43}$`));
    const framed = await visit(paid.location ?? "", "iframe");
    expect(framed.status).toBe(200);
    expect(framed.headers.get("content-security-policy")).toContain(`frame-ancestors 'self' ${SHOP_ORIGIN}`);
    const data = await returnPage(framed);
    expect(data.message).toEqual({
      type: "checkout-widget:hosted-result",
      version: 2,
      paymentId: redirect.paymentId,
      result: { status: "approved", transactionId: redirect.paymentId, amount: 1500, currency: "RUB", cardType: "Unknown", cardLastFour: "", authCode: "", captured: true },
    });
    expect(data.targets).toEqual([SHOP_ORIGIN]);

    // A reload, and the same return at top level: the same outcome, reported once.
    await returnPage(await visit(paid.location ?? "", "iframe"));
    const top = await visit(paid.location ?? "", "document");
    expect(top.status).toBe(303);
    const query = await verifyReturnQuery(top.headers.get("location") ?? "", SHOP_SECRET);
    expect(query).toMatchObject({ status: "approved", transactionId: redirect.paymentId, invoiceId, amount: "1500", currency: "RUB", captured: "1" });
    expect(eventsOf(invoiceId).map((e) => [e.stage, e.result.status])).toEqual([
      ["pay", "redirect"],
      ["hostedReturn", "approved"],
    ]);
    // Paid: a new attempt is refused, and no second payment is made.
    expect(await pay(m, { invoiceId })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect((await paymentsOf(invoiceId)).map((p) => p.status)).toEqual(["successful"]);
  });

  it("a decline is the gateway's, in CloudPayments' reason codes, and frees the order for another payment", async () => {
    const invoiceId = m.newOrder();
    const first = await start(invoiceId);
    const declined = await payOnHostedPage(first.url, { cardNumber: DECLINED });
    const data = await returnPage(await visit(declined.location ?? ""));
    expect(data.message.result).toEqual({ status: "declined", transactionId: first.paymentId, reasonCode: 5051, reason: "InsufficientFunds", message: "Not sufficient funds" });
    const second = await start(invoiceId);
    expect(second.paymentId).not.toBe(first.paymentId);
    await payOnHostedPage(second.url, { cardNumber: APPROVED });
    expect((await paymentsOf(invoiceId)).map((p) => p.status)).toEqual(["fail", "successful"]);
  });

  it("3-D Secure on the gateway's page: the right code pays, a wrong one is AuthenticationFailed; the printed test card works", async () => {
    const good = m.newOrder();
    const paid = await payOnHostedPage((await start(good)).url, { cardNumber: THREE_DS, code: "123456" });
    expect(paid.askedForCode).toBe(true);
    expect((await returnPage(await visit(paid.location ?? ""))).message.result).toMatchObject({ status: "approved" });

    const bad = m.newOrder();
    const failed = await payOnHostedPage((await start(bad)).url, { cardNumber: THREE_DS, code: "000000" });
    expect((await returnPage(await visit(failed.location ?? ""))).message.result).toMatchObject({ status: "declined", reasonCode: 5206 });

    const printed = m.newOrder();
    const printedPaid = await payOnHostedPage((await start(printed)).url, { cardNumber: INVOICE_TEST_CARD.number, expiry: INVOICE_TEST_CARD.expiry, cvc: INVOICE_TEST_CARD.cvc });
    expect((await returnPage(await visit(printedPaid.location ?? ""))).message.result).toMatchObject({ status: "approved" });
  });

  it("'return to the shop' comes back cancelled, not declined; Pay again opens the same page, never a second payment", async () => {
    const invoiceId = m.newOrder();
    const first = await start(invoiceId);
    const back = await leavePage(first.url);
    const framed = await returnPage(await visit(back ?? ""));
    expect(framed.message.result).toEqual({ status: "cancelled", paymentId: first.paymentId, message: expect.any(String) });
    const top = await visit(back ?? "", "document");
    expect(await verifyReturnQuery(top.headers.get("location") ?? "", SHOP_SECRET)).toMatchObject({ status: "cancelled", transactionId: first.paymentId });

    const again = await start(invoiceId);
    expect(again).toEqual(first);
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
    const paid = await payOnHostedPage(again.url, { cardNumber: APPROVED });
    expect((await returnPage(await visit(paid.location ?? ""))).message.result).toMatchObject({ status: "approved", transactionId: first.paymentId });
    expect(eventsOf(invoiceId).map((e) => e.result.status)).toEqual(["redirect", "cancelled", "approved"]);
  });

  it("a retry with the same X-Request-ID, and overlapping attempts, make one payment", async () => {
    const invoiceId = m.newOrder();
    const requestId = crypto.randomUUID();
    const first = await start(invoiceId, requestId);
    expect(await start(invoiceId, requestId)).toEqual(first);
    const other = m.newOrder();
    const answers = await Promise.all(Array.from({ length: 8 }, () => pay(m, { invoiceId: other })));
    const redirects = answers.filter((a) => a.json.status === "redirect");
    expect(redirects.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers.filter((a) => a.json.status !== "redirect")) expect(answer).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(new Set(redirects.map((a) => a.json.paymentId)).size).toBe(1);
    expect(await paymentsOf(other)).toHaveLength(1);
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
  });

  it("after a lost CreatePayment answer the retry finds the payment it made (GetPaymentByOrder), not a second one", async () => {
    const invoiceId = m.newOrder();
    const requestId = crypto.randomUUID();
    m.loseNextAnswer("/CreatePayment");
    expect(await pay(m, { invoiceId }, { requestId })).toMatchObject({ status: 502, json: { code: "gateway_unavailable" } });
    const retried = await start(invoiceId, requestId);
    const payments = await paymentsOf(invoiceId);
    expect(payments.map((p) => p.id)).toEqual([retried.paymentId]);
    expect(m.gatewayRequests.filter((r) => r.path.endsWith("/GetPaymentByOrder")).length).toBeGreaterThan(0);
  });

  it("a forged or altered return changes nothing and asks the gateway nothing; an unpaid page is no payment", async () => {
    const invoiceId = m.newOrder();
    const redirect = await start(invoiceId);
    const back = (await leavePage(redirect.url)) ?? "";
    const before = m.gatewayRequests.length;
    for (const forged of [back.replace(/sig=[\w-]+/, "sig=AAAA"), back.replace(`inv=${invoiceId}`, "inv=inv-other"), back.replace(/exp=\d+/, "exp=1"), `${m.termUrl}?ret=page`]) {
      const response = await visit(forged);
      expect(response.status, forged).toBe(400);
    }
    expect(m.gatewayRequests.length).toBe(before);
    // Arriving at the return URL proves nothing: the payment is still unpaid, so it is no approval.
    expect((await returnPage(await visit(back))).message.result).toMatchObject({ status: "cancelled" });
    expect(eventsOf(invoiceId).some((e) => e.result.status === "approved")).toBe(false);
  });

  it("an approval that does not match the order is refunded at once and reported as an extra payment", async () => {
    const invoiceId = m.newOrder({ amount: 1500 });
    const redirect = await start(invoiceId);
    // The shop's order changed while the shopper was on the page.
    m.orders.set(invoiceId, { amount: 2000, currency: "RUB" });
    const paid = await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    const data = await returnPage(await visit(paid.location ?? ""));
    expect(data.message.result).toMatchObject({ status: "error", code: "payment_unconfirmed" });
    const event = eventsOf(invoiceId).at(-1);
    expect(event?.extraPayment).toEqual({ reason: "mismatch", action: "reversed", transactionId: redirect.paymentId });
    const refunds = (await sandboxInvoice()).refunds.filter((r) => r.payment_id === redirect.paymentId);
    expect(refunds.map((r) => r.refund.amount)).toEqual([1500]);
  });

  it("receipt lines go into CreatePayment's receipt; lines that do not add up are refused before any gateway call", async () => {
    const items = [
      { name: "Tea", price: 450, quantity: 2 },
      { name: "Mug", price: 1050, quantity: 1, total: 1000, discount: "50" },
    ];
    const invoiceId = m.newOrder({ amount: 1900, items });
    await start(invoiceId);
    const sent = m.gatewayRequests.filter((r) => r.path.endsWith("/CreatePayment")).at(-1);
    const body = JSON.parse(sent?.body ?? "{}") as Record<string, unknown>;
    expect(body.receipt).toEqual([
      { name: "Tea", price: 450, resultPrice: 900, quantity: 2 },
      { name: "Mug", price: 1050, resultPrice: 1000, quantity: 1, discount: "50" },
    ]);
    expect(body).toMatchObject({ trtype: 1, order: { amount: 1900, currency: "RUB" } });
    expect((body.settings as Record<string, string>).success_url).toBe((body.settings as Record<string, string>).fail_url);

    const wrong = m.newOrder({ amount: 2000, items });
    const before = m.gatewayRequests.length;
    expect(await pay(m, { invoiceId: wrong })).toMatchObject({ status: 500, json: { code: "order_unavailable" } });
    expect(m.gatewayRequests.length).toBe(before);
    expect(m.logs.join("\n")).toMatch(/the items add up to 1900, not the amount 2000/);
    // Without items: one line of the description.
    const plain = m.newOrder({ amount: 99.5, description: "Honey" });
    await start(plain);
    const last = JSON.parse(m.gatewayRequests.filter((r) => r.path.endsWith("/CreatePayment")).at(-1)?.body ?? "{}") as { receipt: unknown };
    expect(last.receipt).toEqual([{ name: "Honey", price: 99.5, resultPrice: 99.5, quantity: 1 }]);
  });

  it("a two-stage order is a hold (trtype 2): approved with captured false", async () => {
    const invoiceId = m.newOrder({ scheme: "auth" });
    const redirect = await start(invoiceId);
    expect((await paymentsOf(invoiceId))[0]?.trtype).toBe(2);
    const paid = await payOnHostedPage(redirect.url, { cardNumber: APPROVED });
    expect((await returnPage(await visit(paid.location ?? ""))).message.result).toMatchObject({ status: "approved", captured: false });
  });

  it("a cryptogram or a saved card is refused on Invoice, which takes neither", async () => {
    const invoiceId = m.newOrder();
    expect(await pay(m, { invoiceId, cryptogram: "Q1JZUFRP", name: "A B" })).toMatchObject({ status: 400, json: { code: "unsupported_payment" } });
    expect(await pay(m, { invoiceId, savedCardId: "card_x" }, { customer: "c1" })).toMatchObject({ status: 400, json: { code: "unsupported_payment" } });
  });
});
