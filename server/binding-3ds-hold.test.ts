// An RBS binding's 3-D Secure the shopper left unfinished (the bank's page closed in the widget's
// frame): the gateway completes such a challenge itself, so the kit keeps the invoice held. The
// same shopper paying again with the same card gets the same challenge back; any other payment
// asks the gateway first: a decline (also by timeout) frees the invoice, an approval is recorded
// once, a challenge still at the bank answers payment_in_progress. Against the real sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, startSandbox, type Sandbox } from "../sandbox/index.ts";
import type { SavedCardView } from "./contract.ts";
import { finishAtBank } from "./merchant.fixture.ts";
import { pay, returnPage, startGatewayMerchant, visit, waitFor, type GatewayMerchant } from "./gateway-merchant.fixture.ts";

let sandbox: Sandbox;
let rbs: GatewayMerchant;
let quick: GatewayMerchant;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rbs: { callbackRetryDelaysMs: [100] } });
  [rbs, quick] = await Promise.all([
    startGatewayMerchant({ sandbox, kind: "rbs" }),
    // A shop whose saved-card payments wait a second for 3-D Secure: a challenge nobody finishes is declined by timeout.
    startGatewayMerchant({ sandbox, kind: "rbs", rbsOptions: { bindingSessionTimeoutSecs: 1 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([rbs.close(), quick.close()]);
  await sandbox.close();
});

const customer = () => `cust-${crypto.randomUUID().slice(0, 8)}`;
const THREE_DS_CARD = "4242424242424242";
const PLAIN_CARD = "4000000000003055";

async function saveCard(m: GatewayMerchant, who: string, cardNumber: string): Promise<SavedCardView> {
  const started = await pay(m, { invoiceId: m.newOrder(), saveCard: true }, { customer: who });
  const paid = await payOnHostedPage((started.json as { url: string }).url, { cardNumber });
  await returnPage(await visit(paid.location ?? ""));
  const cards = await m.savedCards.list(who);
  const card = cards.find((c) => c.lastFour === cardNumber.slice(-4));
  if (card === undefined) throw new Error("card not saved");
  return { id: card.id, brand: card.brand, lastFour: card.lastFour, expMonth: card.expMonth, expYear: card.expYear, expired: false } as SavedCardView;
}

type Challenge = { transactionId: string; acsUrl: string; paReq: string; termUrl: string };


const eventsOf = (m: GatewayMerchant, invoiceId: string, status: string) => m.events.filter((e) => e.invoiceId === invoiceId && e.result.status === status);

describe("RBS binding 3-D Secure left open", () => {
  let ivy: string;
  let threeDsCard: SavedCardView;
  let plainCard: SavedCardView;
  beforeAll(async () => {
    ivy = customer();
    threeDsCard = await saveCard(rbs, ivy, THREE_DS_CARD);
    plainCard = await saveCard(rbs, ivy, PLAIN_CARD);
  });

  it("the same card again answers the same challenge; the code then approves it, recorded once", async () => {
    const invoiceId = rbs.newOrder();
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    expect(first).toMatchObject({ status: 200, json: { status: "3ds" } });
    // The shopper closed the bank's page; Pay with the same card again (a new X-Request-ID).
    const again = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    expect(again).toEqual(first);
    const bindingCalls = rbs.gatewayRequests.filter((r) => r.path.endsWith("/paymentOrderBinding.do") && r.body.includes(String(first.json.transactionId)));
    expect(bindingCalls).toHaveLength(1);
    const back = await finishAtBank(again.json as unknown as Challenge, "123456");
    const data = await returnPage(await visit(back));
    expect(data.message).toMatchObject({ transactionId: first.json.transactionId, result: { status: "approved" } });
    await waitFor(() => eventsOf(rbs, invoiceId, "approved").length >= 1);
    expect(eventsOf(rbs, invoiceId, "approved")).toHaveLength(1);
    expect(await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("another customer never gets the challenge: their card and the page wait (409), the first card's id is unknown to them", async () => {
    const invoiceId = rbs.newOrder();
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    expect(first.json.status).toBe("3ds");
    const zed = customer();
    const zedCard = await saveCard(rbs, zed, PLAIN_CARD);
    expect(await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: zed })).toMatchObject({ status: 404, json: { code: "unknown_saved_card" } });
    expect(await pay(rbs, { invoiceId, savedCardId: zedCard.id }, { customer: zed })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(await pay(rbs, { invoiceId }, { customer: zed })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(await pay(rbs, { invoiceId }, {})).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
  });

  it("still at the bank: the shopper's other card and the gateway's page answer payment_in_progress", async () => {
    const invoiceId = rbs.newOrder();
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    expect(first.json.status).toBe("3ds");
    expect(await pay(rbs, { invoiceId, savedCardId: plainCard.id }, { customer: ivy })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    expect(await pay(rbs, { invoiceId, language: "en" }, { customer: ivy })).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    // The challenge is still the shopper's to finish.
    expect(await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy })).toEqual(first);
  });

  it("declined at the bank (a wrong code, the return never reached): another card proceeds and pays", async () => {
    const invoiceId = rbs.newOrder({ amount: 700 });
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    await finishAtBank(first.json as unknown as Challenge, "000000");
    const paid = await pay(rbs, { invoiceId, savedCardId: plainCard.id }, { customer: ivy });
    expect(paid).toMatchObject({ status: 200, json: { status: "approved", amount: 700, cardLastFour: PLAIN_CARD.slice(-4) } });
    expect(eventsOf(rbs, invoiceId, "declined")).toHaveLength(1);
    // One payment, told once: the pay answer and the gateway's callback both know it; onResult hears it once.
    await waitFor(() => rbs.logs.some((line) => line.includes("gateway notification") && line.includes(invoiceId) && line.includes("approved")));
    expect(eventsOf(rbs, invoiceId, "approved").map((e) => (e.result as { transactionId: string }).transactionId)).toEqual([paid.json.transactionId]);
    expect(paid.json.transactionId).not.toBe(first.json.transactionId);
  });

  it("declined at the bank: the same card starts a new payment, not the old challenge", async () => {
    const invoiceId = rbs.newOrder();
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    await finishAtBank(first.json as unknown as Challenge, "000000");
    const again = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    expect(again.json).toMatchObject({ status: "3ds" });
    expect(again.json.transactionId).not.toBe(first.json.transactionId);
  });

  it("approved at the bank before the return: the gateway's page is refused already_paid, the success recorded once", async () => {
    const invoiceId = rbs.newOrder();
    const first = await pay(rbs, { invoiceId, savedCardId: threeDsCard.id }, { customer: ivy });
    const back = await finishAtBank(first.json as unknown as Challenge, "123456");
    expect(await pay(rbs, { invoiceId }, { customer: ivy })).toMatchObject({ status: 409, json: { code: "already_paid" } });
    expect(eventsOf(rbs, invoiceId, "approved")).toHaveLength(1);
    // The late return and the gateway's callback tell the same success, not a second one.
    const data = await returnPage(await visit(back));
    expect(data.message).toMatchObject({ result: { status: "approved" } });
    expect(eventsOf(rbs, invoiceId, "approved")).toHaveLength(1);
    expect(await pay(rbs, { invoiceId, savedCardId: plainCard.id }, { customer: ivy })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });
});

describe("RBS binding 3-D Secure declined by timeout", () => {
  it("the gateway's session lapsed: the gateway's page opens", async () => {
    const who = customer();
    const card = await saveCard(quick, who, THREE_DS_CARD);
    const invoiceId = quick.newOrder();
    const first = await pay(quick, { invoiceId, savedCardId: card.id }, { customer: who });
    expect(first.json.status).toBe("3ds");
    const orderId = String(first.json.transactionId);
    // Wait for the gateway, not the clock: until it says the session timed out.
    let state = "";
    const until = Date.now() + 10_000;
    while (state !== "declined" && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await quick.rbsClient.getOrderStatusExtended({ orderId })).state;
    }
    expect(state).toBe("declined");
    expect(await pay(quick, { invoiceId }, { customer: who })).toMatchObject({ status: 200, json: { status: "redirect" } });
  });
});

describe("RBS binding payments in the shopper's language", () => {
  it("register.do names the body's language, and the bank's page gets it; a bad language is refused before any call", async () => {
    const who = customer();
    const card = await saveCard(rbs, who, THREE_DS_CARD);
    const invoiceId = rbs.newOrder();
    const challenge = await pay(rbs, { invoiceId, savedCardId: card.id, language: "en" }, { customer: who });
    expect(challenge.json).toMatchObject({ status: "3ds", acsUrl: `${sandbox.url}/acs?lang=en` });
    const register = rbs.gatewayRequests.filter((r) => r.path.endsWith("/register.do")).at(-1);
    expect(new URLSearchParams(register?.body ?? "").get("language")).toBe("en");
    expect(new URLSearchParams(register?.body ?? "").get("clientId")).toBe(who);

    const calls = rbs.gatewayRequests.length;
    for (const language of ["english", "EN1", 7]) {
      expect(await pay(rbs, { invoiceId: rbs.newOrder(), savedCardId: card.id, language }, { customer: who })).toMatchObject({ status: 400, json: { code: "bad_request" } });
    }
    expect(rbs.gatewayRequests.length).toBe(calls);
    // No language: register.do names none (the gateway's default).
    await pay(rbs, { invoiceId: rbs.newOrder(), savedCardId: card.id }, { customer: who });
    expect(new URLSearchParams(rbs.gatewayRequests.filter((r) => r.path.endsWith("/register.do")).at(-1)?.body ?? "").has("language")).toBe(false);
  });
});
