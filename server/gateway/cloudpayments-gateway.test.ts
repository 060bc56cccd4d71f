// The CloudPayments adapter against the sandbox: what findOutcome will and will not answer, and reverse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { SandboxClient } from "../../sandbox/test-client.ts";
import { CloudPaymentsClient } from "../client/index.ts";
import { cloudPaymentsGateway } from "./cloudpayments-gateway.ts";
import type { CheckoutGateway, GatewayTransaction } from "./checkout-gateway.ts";

let sandbox: Sandbox;
let api: SandboxClient;
let gateway: CheckoutGateway;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = new SandboxClient(sandbox);
  gateway = cloudPaymentsGateway(new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret }));
});
afterAll(() => sandbox.close());

async function pay(scheme: "charge" | "auth", card = "4000000000003055"): Promise<GatewayTransaction> {
  const outcome = await gateway.cryptogram!.pay(
    { scheme, amount: 120, currency: "RUB", invoiceId: `gw-${scheme}-${Math.random()}`, cryptogram: api.cryptogram(card), name: "A B", ipAddress: "127.0.0.1" },
    {},
  );
  if (outcome.kind !== "approved") throw new Error(`not approved: ${outcome.kind}`);
  return outcome.transaction;
}

describe("cloudPaymentsGateway", () => {
  it("says whether the money was taken or held", async () => {
    expect((await pay("charge")).captured).toBe(true);
    expect((await pay("auth")).captured).toBe(false);
  });

  it("findOutcome answers payments only: not refunds, not unknown ids, not malformed references", async () => {
    const payment = await pay("charge");
    expect(await gateway.findOutcome(String(payment.transactionId))).toMatchObject({ kind: "approved", transaction: { transactionId: payment.transactionId } });
    const refund = await api.post("/payments/refund", { TransactionId: payment.transactionId, Amount: 120 });
    const refundId = (refund.body.Model as { TransactionId: number }).TransactionId;
    expect(refundId).toBeGreaterThan(Number(payment.transactionId));
    expect(await gateway.findOutcome(String(refundId))).toBeNull();
    expect(await gateway.findOutcome("999999999")).toBeNull();
    for (const bad of ["", "0", "-1", "1e3", "12abc"]) expect(await gateway.findOutcome(bad)).toBeNull();
  });

  it("findByInvoice answers the invoice's last payment when final, and nothing else", async () => {
    const invoiceId = `gw-find-${Math.random()}`;
    const pay = (card: string) =>
      gateway.cryptogram!.pay({ scheme: "charge", amount: 120, currency: "RUB", invoiceId, cryptogram: api.cryptogram(card), name: "A B", ipAddress: "127.0.0.1" }, {});
    expect(await gateway.findByInvoice!(invoiceId)).toBeNull();
    await pay("4000056655665556");
    expect(await gateway.findByInvoice!(invoiceId)).toMatchObject({ kind: "declined", reasonCode: 5051 });
    const challenge = await pay("4242424242424242");
    expect(challenge.kind).toBe("3ds");
    // Awaiting 3-D Secure is not final.
    expect(await gateway.findByInvoice!(invoiceId)).toBeNull();
    const approved = await pay("4000000000003055");
    const found = await gateway.findByInvoice!(invoiceId);
    expect(found).toMatchObject({ kind: "approved", transaction: { invoiceId, captured: true } });
    expect(approved.kind === "approved" && found?.kind === "approved" && found.transaction.transactionId === approved.transaction.transactionId).toBe(true);
    // A refund is no payment: the old method still answers the payment.
    if (approved.kind === "approved") await gateway.reverse(approved.transaction);
    expect(await gateway.findByInvoice!(invoiceId)).toMatchObject({ kind: "approved" });
    expect(gateway.timeoutMs).toBe(30_000);
  });

  it("findOutcome calls a transaction awaiting 3-D Secure pending, not final", async () => {
    const outcome = await gateway.cryptogram!.pay(
      { scheme: "charge", amount: 5, currency: "RUB", invoiceId: "gw-3ds", cryptogram: api.cryptogram("4242424242424242"), name: "A B", ipAddress: "127.0.0.1" },
      {},
    );
    expect(outcome.kind).toBe("3ds");
    if (outcome.kind === "3ds") expect(await gateway.findOutcome(String(outcome.transactionId))).toEqual({ kind: "pending" });
  });

  it("reverse voids a hold and refunds a capture", async () => {
    const held = await pay("auth");
    expect(await gateway.reverse(held)).toBe(true);
    expect(sandbox.transactions().find((t) => t.TransactionId === held.transactionId)?.Status).toBe("Cancelled");
    const taken = await pay("charge");
    expect(await gateway.reverse(taken)).toBe(true);
    expect(sandbox.transactions().find((t) => t.TransactionId === taken.transactionId)?.Refunded).toBe(true);
    // Twice is refused by the gateway, never refunded twice: it is undone already.
    expect(await gateway.reverse(taken)).toBe(true);
    expect(await gateway.reverse(held)).toBe(true);
    expect(sandbox.transactions().filter((t) => t.OriginalTransactionId === taken.transactionId)).toHaveLength(1);
    // A payment nobody undid is not reported undone when the gateway refuses.
    const declined = { ...taken, transactionId: 999_999 };
    expect(await gateway.reverse(declined)).toBe(false);
  });
});
