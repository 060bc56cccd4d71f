// Saved cards on CloudPayments (tokens) and RBS (bindings), through the kit's handlers over HTTP
// against the real sandbox: saved on a logged-in shopper's first payment (also after 3-D
// Secure), listed, paid with, refused for anyone else, removed; RBS 3-D Secure of a saved card
// through the kit's return route; and chargeSavedCard without the shopper, idempotent by key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOnHostedPage, startSandbox, type Sandbox } from "../sandbox/index.ts";
import type { SavedCardView } from "./contract.ts";
import { SHOP_ORIGIN, authenticateAtAcs, finishAtBank, postReturn } from "./merchant.fixture.ts";
import { pay, returnPage, startGatewayMerchant, visit, waitFor, type GatewayMerchant } from "./gateway-merchant.fixture.ts";
import { memorySavedCardStore } from "./saved-cards/index.ts";

let sandbox: Sandbox;
let cp: GatewayMerchant;
let rbs: GatewayMerchant;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rbs: { callbackRetryDelaysMs: [100] } });
  // One store for both shops, as one merchant would have: each lists only its own gateway's cards.
  const savedCards = memorySavedCardStore();
  [cp, rbs] = await Promise.all([
    startGatewayMerchant({ sandbox, kind: "cloudpayments", savedCards }),
    startGatewayMerchant({ sandbox, kind: "rbs", savedCards }),
  ]);
});
afterAll(async () => {
  await Promise.all([cp.close(), rbs.close()]);
  await sandbox.close();
});

async function listCards(m: GatewayMerchant, customer?: string): Promise<{ status: number; cards: SavedCardView[]; canSave: boolean; text: string }> {
  const response = await fetch(m.savedCardsUrl, { headers: { Origin: SHOP_ORIGIN, ...(customer && { Cookie: `customer=${customer}` }) } });
  const text = await response.text();
  const body = JSON.parse(text) as { cards: SavedCardView[]; canSave: boolean };
  return { status: response.status, cards: body.cards, canSave: body.canSave, text };
}

function removeCard(m: GatewayMerchant, id: string, customer?: string): Promise<Response> {
  return fetch(`${m.savedCardsUrl}/${id}`, { method: "DELETE", headers: { Origin: SHOP_ORIGIN, ...(customer && { Cookie: `customer=${customer}` }) } });
}

const customer = () => `cust-${crypto.randomUUID().slice(0, 8)}`;
const callsTo = (m: GatewayMerchant, suffix: string) => m.gatewayRequests.filter((r) => r.path.endsWith(suffix));

describe("CloudPayments saved cards (tokens)", () => {
  it("a logged-in shopper's first payment saves the card; only that shopper sees it, without the token", async () => {
    const alice = customer();
    const answer = await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4000000000003055"), name: "ALICE", saveCard: true }, { customer: alice });
    expect(answer.json).toMatchObject({ status: "approved" });
    const charge = JSON.parse(callsTo(cp, "/payments/cards/charge").at(-1)?.body ?? "{}") as Record<string, unknown>;
    expect(charge).toMatchObject({ AccountId: alice, SaveCard: true });
    const event = cp.events.at(-1);
    expect(event?.savedCard).toMatchObject({ brand: "Visa", lastFour: "3055", expMonth: 12, expYear: 2030, expired: false });
    expect(event?.customerId).toBe(alice);

    const listed = await listCards(cp, alice);
    expect(listed.status).toBe(200);
    expect(listed.cards).toEqual([{ id: event?.savedCard?.id, brand: "Visa", lastFour: "3055", expMonth: 12, expYear: 2030, expired: false }]);
    const [stored] = await cp.savedCards.list(alice);
    expect(listed.text).not.toContain(stored?.token ?? "no token");
    expect(listed.canSave).toBe(true);
    expect(await listCards(cp)).toMatchObject({ cards: [], canSave: false });
    expect(await listCards(cp, customer())).toMatchObject({ cards: [], canSave: true });
    // The RBS shop shares the store but lists only its own gateway's cards.
    expect((await listCards(rbs, alice)).cards).toEqual([]);
  });

  it("a guest's saveCard is ignored: nothing is saved", async () => {
    await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4000000000003055"), name: "GUEST", saveCard: true });
    const charge = JSON.parse(callsTo(cp, "/payments/cards/charge").at(-1)?.body ?? "{}") as Record<string, unknown>;
    expect(charge).not.toHaveProperty("SaveCard");
    expect(cp.events.at(-1)?.savedCard).toBeUndefined();
  });

  it("pays a new order with the saved card (tokens/charge), always the order's amount; anyone else's id is 404", async () => {
    const bob = customer();
    await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4000000000003055"), name: "BOB", saveCard: true }, { customer: bob });
    const card = (await listCards(cp, bob)).cards[0];
    expect(card).toBeDefined();
    const invoiceId = cp.newOrder({ amount: 777 });
    const paid = await pay(cp, { invoiceId, savedCardId: card?.id, amount: 1 }, { customer: bob });
    expect(paid.json).toMatchObject({ status: "approved", amount: 777, cardLastFour: "3055" });
    const tokenCall = JSON.parse(callsTo(cp, "/payments/tokens/charge").at(-1)?.body ?? "{}") as Record<string, unknown>;
    expect(tokenCall).toMatchObject({ Amount: 777, AccountId: bob, InvoiceId: invoiceId, TrInitiatorCode: 1 });

    const before = callsTo(cp, "/payments/tokens/charge").length;
    for (const who of [customer(), undefined]) {
      expect(await pay(cp, { invoiceId: cp.newOrder(), savedCardId: card?.id }, who === undefined ? {} : { customer: who })).toMatchObject({
        status: 404,
        json: { code: "unknown_saved_card" },
      });
    }
    expect(await pay(cp, { invoiceId: cp.newOrder(), savedCardId: "card_made_up" }, { customer: bob })).toMatchObject({ status: 404 });
    expect(callsTo(cp, "/payments/tokens/charge").length).toBe(before);
    // A saved-card payment is claimed like any other: the paid order refuses it.
    expect(await pay(cp, { invoiceId, savedCardId: card?.id }, { customer: bob })).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("a card approved after 3-D Secure is saved when the signed TermUrl says so", async () => {
    const carol = customer();
    const challenge = await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4242424242424242"), name: "CAROL", saveCard: true }, { customer: carol });
    expect(challenge.json).toMatchObject({ status: "3ds", termUrl: expect.stringContaining("&sv=1&") });
    const done = await authenticateAtAcs(challenge.json as { acsUrl: string; transactionId: number; paReq: string; termUrl: string }, "123456");
    await postReturn(done.action, done, "iframe");
    expect((await listCards(cp, carol)).cards).toMatchObject([{ brand: "Visa", lastFour: "4242" }]);
    // Altering the flag breaks the signature: nothing is completed.
    const other = await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4242424242424242"), name: "CAROL" }, { customer: carol });
    const unsaved = await authenticateAtAcs(other.json as { acsUrl: string; transactionId: number; paReq: string; termUrl: string }, "123456");
    expect((await postReturn(`${unsaved.action}&sv=1`, unsaved, "iframe")).status).toBe(400);
  });

  it("removing a card: 204, gone from the list, no longer payable; another customer's card is 404", async () => {
    const dave = customer();
    await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4000000000003055"), name: "DAVE", saveCard: true }, { customer: dave });
    const card = (await listCards(cp, dave)).cards[0];
    expect((await removeCard(cp, card?.id ?? "", customer())).status).toBe(404);
    expect((await listCards(cp, dave)).cards).toHaveLength(1);
    expect((await removeCard(cp, card?.id ?? "", dave)).status).toBe(204);
    expect((await listCards(cp, dave)).cards).toEqual([]);
    expect(await pay(cp, { invoiceId: cp.newOrder(), savedCardId: card?.id }, { customer: dave })).toMatchObject({ status: 404 });
  });

  it("an expired card is listed, marked expired", async () => {
    const erin = customer();
    await cp.savedCards.save({ customerId: erin, gateway: "cloudpayments", token: "tk_old", brand: "MasterCard", lastFour: "4444", expMonth: 1, expYear: 2021 });
    expect((await listCards(cp, erin)).cards).toMatchObject([{ brand: "MasterCard", lastFour: "4444", expired: true }]);
  });

  it("CORS: another origin is refused; the allowed one may send its cookies", async () => {
    expect((await fetch(cp.savedCardsUrl, { headers: { Origin: "https://evil.example" } })).status).toBe(403);
    const preflight = await fetch(cp.savedCardsUrl, { method: "OPTIONS", headers: { Origin: SHOP_ORIGIN, "Access-Control-Request-Method": "DELETE" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    expect((await fetch(cp.savedCardsUrl, { method: "POST", headers: { Origin: SHOP_ORIGIN } })).status).toBe(405);
  });

  it("chargeSavedCard: a merchant-initiated payment, one charge per idempotency key even after a lost answer", async () => {
    const frank = customer();
    await pay(cp, { invoiceId: cp.newOrder(), cryptogram: cp.cryptogram("4000000000003055"), name: "FRANK", saveCard: true }, { customer: frank });
    const card = (await listCards(cp, frank)).cards[0];
    const invoiceId = `sub-${crypto.randomUUID()}`;
    const input = { customerId: frank, savedCardId: card?.id ?? "", invoiceId, amount: 299, currency: "RUB", idempotencyKey: `period-${invoiceId}` };
    cp.loseNextAnswer("/payments/tokens/charge");
    expect(await cp.checkout.chargeSavedCard(input)).toMatchObject({ status: "error", code: "gateway_unavailable" });
    const charged = await cp.checkout.chargeSavedCard(input);
    expect(charged).toMatchObject({ status: "approved", amount: 299 });
    expect(await cp.checkout.chargeSavedCard(input)).toMatchObject({ status: "approved", transactionId: (charged as { transactionId: number }).transactionId });
    const payments = sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Type === 0);
    expect(payments).toHaveLength(1);
    expect(JSON.parse(callsTo(cp, "/payments/tokens/charge").at(-1)?.body ?? "{}")).toMatchObject({ TrInitiatorCode: 0, AccountId: frank });
    expect(cp.events.filter((e) => e.invoiceId === invoiceId).map((e) => `${e.stage}:${e.result.status}`)).toContain("chargeSavedCard:approved");
    // Another key for the paid invoice is refused; another customer's card is unknown.
    expect(await cp.checkout.chargeSavedCard({ ...input, idempotencyKey: "another-key-123" })).toMatchObject({ code: "already_paid" });
    expect(await cp.checkout.chargeSavedCard({ ...input, customerId: customer(), invoiceId: `x-${invoiceId}` })).toMatchObject({ code: "unknown_saved_card" });
    // An amount other than the order's (when getOrder knows it) is refused.
    const known = cp.newOrder({ amount: 100 });
    expect(await cp.checkout.chargeSavedCard({ ...input, invoiceId: known, idempotencyKey: `k-${known}` })).toMatchObject({ code: "bad_request" });
  });
});

describe("RBS saved cards (bindings)", () => {
  async function saveOnPage(who: string, cardNumber: string): Promise<SavedCardView> {
    const started = await pay(rbs, { invoiceId: rbs.newOrder(), saveCard: true }, { customer: who });
    const register = new URLSearchParams(callsTo(rbs, "/register.do").at(-1)?.body ?? "");
    expect(register.get("clientId")).toBe(who);
    const paid = await payOnHostedPage((started.json as { url: string }).url, { cardNumber });
    await returnPage(await visit(paid.location ?? ""));
    const cards = (await listCards(rbs, who)).cards;
    expect(cards).toHaveLength(1);
    return cards[0] as SavedCardView;
  }

  it("the first payment on the page with saveCard registers with clientId and keeps the binding", async () => {
    const gina = customer();
    const card = await saveOnPage(gina, "4000000000003055");
    expect(card).toMatchObject({ brand: "Visa", lastFour: "3055", expired: false });
    const [stored] = await rbs.savedCards.list(gina);
    expect((await rbs.rbsClient.getBindings({ clientId: gina })).map((b) => b.bindingId)).toEqual([stored?.token]);
  });

  it("pays with the binding at once when the bank asks nothing (register.do + paymentOrderBinding.do)", async () => {
    const hank = customer();
    const card = await saveOnPage(hank, "4000000000003055");
    const invoiceId = rbs.newOrder({ amount: 640 });
    const paid = await pay(rbs, { invoiceId, savedCardId: card.id }, { customer: hank });
    expect(paid.json).toMatchObject({ status: "approved", amount: 640, cardLastFour: "3055", captured: true });
    const binding = new URLSearchParams(callsTo(rbs, "/paymentOrderBinding.do").at(-1)?.body ?? "");
    expect(binding.get("ip")).toBe("127.0.0.1");
    expect(await pay(rbs, { invoiceId: rbs.newOrder(), savedCardId: card.id }, { customer: customer() })).toMatchObject({ status: 404 });
  });

  it("3-D Secure on a binding: the widget's dialog posts to the ACS, the gateway finishes, the kit's return tells the widget", async () => {
    const ivy = customer();
    const card = await saveOnPage(ivy, "4242424242424242");
    const invoiceId = rbs.newOrder();
    const challenge = await pay(rbs, { invoiceId, savedCardId: card.id }, { customer: ivy });
    expect(challenge.json).toMatchObject({
      status: "3ds",
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      acsUrl: `${sandbox.url}/acs`,
      termUrl: `${sandbox.rbs.restUrl}/finish3ds.do`,
      iframeAllowed: true,
      returnOrigin: new URL(rbs.termUrl).origin,
    });
    // While the shopper is at the bank, nobody else pays the order.
    expect(await pay(rbs, { invoiceId }, {})).toMatchObject({ status: 409, json: { code: "payment_in_progress" } });
    const back = await finishAtBank(challenge.json as unknown as { acsUrl: string; transactionId: string; paReq: string; termUrl: string }, "123456");
    expect(back.startsWith(`${rbs.termUrl}?ret=3ds&`)).toBe(true);
    const data = await returnPage(await visit(back));
    expect(data.message).toEqual({
      type: "checkout-widget:3ds-result",
      version: 1,
      transactionId: (challenge.json as { transactionId: string }).transactionId,
      result: expect.objectContaining({ status: "approved", transactionId: (challenge.json as { transactionId: string }).transactionId }),
    });
    await waitFor(() => rbs.events.filter((e) => e.invoiceId === invoiceId && e.result.status === "approved").length === 1);
    expect(await pay(rbs, { invoiceId }, {})).toMatchObject({ status: 409, json: { code: "already_paid" } });
  });

  it("removing a binding calls unBindCard.do: the gateway no longer lists it", async () => {
    const jack = customer();
    const card = await saveOnPage(jack, "4000000000003055");
    expect((await removeCard(rbs, card.id, jack)).status).toBe(204);
    expect(await rbs.rbsClient.getBindings({ clientId: jack })).toEqual([]);
    expect((await listCards(rbs, jack)).cards).toEqual([]);
  });

  it("chargeSavedCard on RBS: AUTO_PAYMENT, one order per key even after a lost answer", async () => {
    const kate = customer();
    const card = await saveOnPage(kate, "4242424242424242");
    const invoiceId = `sub-${crypto.randomUUID()}`;
    const input = { customerId: kate, savedCardId: card.id, invoiceId, amount: 150, currency: "RUB", idempotencyKey: `period-${invoiceId}` };
    rbs.loseNextAnswer("/paymentOrderBinding.do");
    expect(await rbs.checkout.chargeSavedCard(input)).toMatchObject({ status: "error", code: "gateway_unavailable" });
    const charged = await rbs.checkout.chargeSavedCard(input);
    // A 3-D Secure card is charged without asking: the order was registered for AUTO_PAYMENT.
    expect(charged).toMatchObject({ status: "approved", amount: 150 });
    const registered = callsTo(rbs, "/register.do").filter((r) => r.body.includes(encodeURIComponent(invoiceId)));
    expect(new Set(registered.map((r) => new URLSearchParams(r.body).get("orderNumber"))).size).toBe(1);
    expect(new URLSearchParams(registered[0]?.body ?? "").get("features")).toBe("AUTO_PAYMENT");
    expect(callsTo(rbs, "/paymentOrderBinding.do").filter((r) => r.body.includes((charged as { transactionId: string }).transactionId))).toHaveLength(1);
  });
});
