import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../index.ts";
import { acsHandBack, passAcs, payOnForm, RBS_CARDS, rbsApi } from "../rbs-test-client.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof rbsApi>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = rbsApi(sandbox);
});
afterAll(() => sandbox.close());

let clients = 0;
const newClient = () => `client-${Date.now()}-${clients++}`;

/** A first payment on the card page that saves the card for clientId; answers the bindingId. */
async function bindCard(clientId: string, card: string = RBS_CARDS.approved): Promise<string> {
  const order = await api.register({ clientId });
  const paid = await payOnForm(order.formUrl, card);
  expect(paid.status).toBe(303);
  const status = await api.status(order.orderId);
  const bindingId = (status["bindingInfo"] as { bindingId?: unknown } | undefined)?.bindingId;
  if (typeof bindingId !== "string") throw new Error(`no binding: ${JSON.stringify(status)}`);
  return bindingId;
}

const pay = (orderId: string, bindingId: string, extra: Record<string, string> = {}) =>
  api.call("paymentOrderBinding.do", { mdOrder: orderId, bindingId, ip: "203.0.113.7", ...extra });

describe("RBS bindings", () => {
  it("a paid order registered with a clientId makes a binding, shown in bindingInfo and getBindings.do", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId);
    expect(bindingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await api.call("getBindings.do", { clientId })).toEqual({
      errorCode: "0",
      errorMessage: "Успешно",
      bindings: [{ bindingId, maskedPan: "400000**3055", expiryDate: "203012", clientId }],
    });
  });

  it("the same card paid again keeps one binding; another card adds one", async () => {
    const clientId = newClient();
    const first = await bindCard(clientId);
    expect(await bindCard(clientId)).toBe(first);
    const second = await bindCard(clientId, RBS_CARDS.threeDs);
    expect(second).not.toBe(first);
    const { bindings } = (await api.call("getBindings.do", { clientId })) as { bindings: Array<{ bindingId: string }> };
    expect(bindings.map((b) => b.bindingId).sort()).toEqual([first, second].sort());
  });

  it("no binding without a clientId, nor for a declined payment", async () => {
    const anonymous = await api.register();
    await payOnForm(anonymous.formUrl, RBS_CARDS.approved);
    expect(await api.status(anonymous.orderId)).not.toHaveProperty("bindingInfo");
    const clientId = newClient();
    const declined = await api.register({ clientId });
    await payOnForm(declined.formUrl, RBS_CARDS.declined);
    expect(await api.status(declined.orderId)).toMatchObject({ bindingInfo: { clientId } });
    expect(await api.call("getBindings.do", { clientId })).toMatchObject({ errorCode: "2" });
  });

  it("getBindings.do: an unknown client is errorCode 2, no clientId errorCode 4, a bad bindingType errorCode 5", async () => {
    expect(await api.call("getBindings.do", { clientId: "nobody", language: "en" })).toEqual({ errorCode: "2", errorMessage: "No bindings found" });
    expect(await api.call("getBindings.do", {})).toMatchObject({ errorCode: "4" });
    expect(await api.call("getBindings.do", { clientId: "nobody", bindingType: "Z" })).toMatchObject({ errorCode: "5" });
  });

  it("unBindCard.do deactivates: not listed, pays nothing; again or unknown is errorCode 2", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId);
    expect(await api.call("unBindCard.do", { bindingId })).toEqual({ errorCode: "0", errorMessage: "Успешно" });
    expect(await api.call("getBindings.do", { clientId })).toMatchObject({ errorCode: "2" });
    const order = await api.register({ clientId, features: "AUTO_PAYMENT" });
    expect(await pay(order.orderId, bindingId)).toMatchObject({ errorCode: "2" });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 0 });
    expect(await api.call("unBindCard.do", { bindingId })).toMatchObject({ errorCode: "2" });
    expect(await api.call("unBindCard.do", { bindingId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ errorCode: "2" });
    expect(await api.call("unBindCard.do", {})).toMatchObject({ errorCode: "4" });
  });
});

describe("RBS paymentOrderBinding.do with AUTO_PAYMENT", () => {
  it("charges a one-stage order without the shopper (2), even for a 3-D Secure card", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const order = await api.register({ clientId, features: "AUTO_PAYMENT", amount: "99900" });
    const answer = await pay(order.orderId, bindingId);
    expect(answer).toMatchObject({ errorCode: "0", redirect: `https://shop.example/rbs/return?orderId=${order.orderId}` });
    expect(answer).not.toHaveProperty("acsUrl");
    expect(await api.status(order.orderId)).toMatchObject({
      orderStatus: 2,
      actionCode: 0,
      amount: 99900,
      ip: "203.0.113.7",
      bindingInfo: { clientId, bindingId },
      cardAuthInfo: { maskedPan: "424242**4242" },
      paymentAmountInfo: { depositedAmount: 99900 },
    });
  });

  it("holds a two-stage order (1), which deposit.do then takes", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId);
    const order = await api.register({ clientId, features: "AUTO_PAYMENT" }, true);
    expect((await pay(order.orderId, bindingId))["errorCode"]).toBe("0");
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 1 });
    expect((await api.call("deposit.do", { orderId: order.orderId, amount: "0" }))["errorCode"]).toBe("0");
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2 });
  });

  it("a card whose later payments are declined ends the order declined (6, 116) and points at failUrl", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.bindingDeclined);
    const order = await api.register({ clientId, features: "AUTO_PAYMENT" });
    expect(await pay(order.orderId, bindingId)).toMatchObject({ errorCode: "0", redirect: `https://shop.example/rbs/fail?orderId=${order.orderId}` });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 6, actionCode: 116 });
  });

  it("charges one order once: a second payment is errorCode 7", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId);
    const order = await api.register({ clientId, features: "AUTO_PAYMENT" });
    await pay(order.orderId, bindingId);
    expect(await pay(order.orderId, bindingId)).toMatchObject({ errorCode: "7" });
    expect(await api.status(order.orderId)).toMatchObject({ paymentAmountInfo: { depositedAmount: 150050 } });
  });

  it("refuses another client's binding, an order without clientId, an unknown binding (2), mdOrder (6), a missing or bad ip (4, 5)", async () => {
    const owner = newClient();
    const bindingId = await bindCard(owner);
    const stranger = await api.register({ clientId: newClient(), features: "AUTO_PAYMENT" });
    expect(await pay(stranger.orderId, bindingId)).toMatchObject({ errorCode: "2", errorMessage: "Связка не найдена" });
    const anonymous = await api.register();
    expect(await pay(anonymous.orderId, bindingId)).toMatchObject({ errorCode: "2" });
    const own = await api.register({ clientId: owner, features: "AUTO_PAYMENT" });
    expect(await pay(own.orderId, "00000000-0000-4000-8000-000000000000")).toMatchObject({ errorCode: "2" });
    expect(await pay("00000000-0000-4000-8000-000000000000", bindingId)).toMatchObject({ errorCode: "6" });
    expect(await api.call("paymentOrderBinding.do", { mdOrder: own.orderId, bindingId })).toMatchObject({ errorCode: "4" });
    expect(await pay(own.orderId, bindingId, { ip: "not-an-ip" })).toMatchObject({ errorCode: "5" });
    for (const order of [stranger, anonymous, own]) expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 0 });
  });
});

describe("RBS paymentOrderBinding.do without AUTO_PAYMENT: 3-D Secure at the ACS", () => {
  async function challenge(clientId: string, bindingId: string) {
    const order = await api.register({ clientId });
    const answer = await pay(order.orderId, bindingId);
    return { order, answer };
  }

  it("a 3-D Secure card's binding asks for it (acsUrl, paReq, termUrl; status 5); the code pays and returns to returnUrl", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const { order, answer } = await challenge(clientId, bindingId);
    expect(answer).toMatchObject({
      errorCode: "0",
      acsUrl: `${sandbox.url}/acs`,
      paReq: expect.stringMatching(/^\+\//),
      termUrl: `${sandbox.url}/payment/rest/finish3ds.do`,
    });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 5, paymentAmountInfo: { paymentState: "STARTED" } });
    const { finish, paRes } = await passAcs({ acsUrl: String(answer["acsUrl"]), paReq: String(answer["paReq"]), termUrl: String(answer["termUrl"]), md: order.orderId }, "123456");
    expect(finish.status).toBe(303);
    expect(finish.headers.get("location")).toBe(`https://shop.example/rbs/return?orderId=${order.orderId}`);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2, actionCode: 0, bindingInfo: { bindingId } });

    // The same PaRes again (a reload): nothing changes, the shopper is sent back again.
    const replay = await fetch(String(answer["termUrl"]), {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MD: order.orderId, PaRes: paRes }),
    });
    expect(replay.status).toBe(303);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2, paymentAmountInfo: { depositedAmount: 150050 } });
  });

  it("the order's language reaches the bank's page: acsUrl names it, the ACS speaks it whatever the browser says", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const order = await api.register({ clientId, language: "en" });
    const answer = await pay(order.orderId, bindingId);
    expect(answer["acsUrl"]).toBe(`${sandbox.url}/acs?lang=en`);
    const page = await fetch(String(answer["acsUrl"]), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "ru" },
      body: new URLSearchParams({ MD: order.orderId, PaReq: String(answer["paReq"]), TermUrl: String(answer["termUrl"]) }),
    });
    expect(await page.text()).toContain('<html lang="en">');
    // Without a language the browser decides, as on the form page.
    const plain = await challenge(clientId, bindingId);
    expect(plain.answer["acsUrl"]).toBe(`${sandbox.url}/acs`);
  });

  it("a wrong code declines the order (6, -2006) and returns to failUrl", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const { order, answer } = await challenge(clientId, bindingId);
    const { finish } = await passAcs({ acsUrl: String(answer["acsUrl"]), paReq: String(answer["paReq"]), termUrl: String(answer["termUrl"]), md: order.orderId }, "000000");
    expect(finish.headers.get("location")).toBe(`https://shop.example/rbs/fail?orderId=${order.orderId}`);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 6, actionCode: -2006 });
  });

  it("a card without 3-D Secure is charged at once", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId);
    const { order, answer } = await challenge(clientId, bindingId);
    expect(answer).not.toHaveProperty("acsUrl");
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2 });
  });

  it("finish3ds.do refuses a forged PaRes, one of another order, and an unknown MD, changing nothing", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const first = await challenge(clientId, bindingId);
    const second = await challenge(clientId, bindingId);
    const termUrl = String(first.answer["termUrl"]);
    const post = (md: string, paRes: string) =>
      fetch(termUrl, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ MD: md, PaRes: paRes }) });
    expect((await post(first.order.orderId, "eyJUcmFuc2FjdGlvbklkIjoxLCJBdXRoZW50aWNhdGVkIjp0cnVlfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(400);
    // A genuine PaRes, but of the second order.
    const back = await acsHandBack(
      { acsUrl: String(second.answer["acsUrl"]), paReq: String(second.answer["paReq"]), termUrl, md: second.order.orderId },
      "123456",
    );
    expect((await post(first.order.orderId, back.paRes)).status).toBe(400);
    expect((await post("00000000-0000-4000-8000-000000000000", "x.y")).status).toBe(400);
    expect(await api.status(first.order.orderId)).toMatchObject({ orderStatus: 5 });
    // …and the second one's own PaRes still completes it.
    expect((await post(second.order.orderId, back.paRes)).status).toBe(303);
    expect(await api.status(second.order.orderId)).toMatchObject({ orderStatus: 2 });
  });

  it("the ACS will not show a challenge for a PaReq of another order", async () => {
    const clientId = newClient();
    const bindingId = await bindCard(clientId, RBS_CARDS.threeDs);
    const first = await challenge(clientId, bindingId);
    const second = await challenge(clientId, bindingId);
    const response = await fetch(`${sandbox.url}/acs`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MD: first.order.orderId, PaReq: String(second.answer["paReq"]), TermUrl: String(first.answer["termUrl"]) }),
    });
    expect(response.status).toBe(400);
  });
});
