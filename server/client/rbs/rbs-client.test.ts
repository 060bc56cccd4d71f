import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/index.ts";
import { passAcs, payOnForm, RBS_CARDS } from "../../../sandbox/rbs-test-client.ts";
import { closeServer, listen } from "../../merchant.fixture.ts";
import { GatewayAuthError, GatewayError, GatewayHttpError, GatewayTransportError } from "../errors.ts";
import type { GatewayHttp, GatewayHttpRequest } from "../gateway-http.ts";
import { RbsClient, RbsError, isRbsError } from "./index.ts";
import type { RbsRegisterRequest } from "./index.ts";

let sandbox: Sandbox;
let client: RbsClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: sandbox.rbs.password });
});
afterAll(() => sandbox.close());

let numbers = 0;
function order(extra: Partial<RbsRegisterRequest> = {}): RbsRegisterRequest {
  return {
    orderNumber: `client-${Date.now()}-${numbers++}`,
    amount: 1500.5,
    returnUrl: "https://shop.example/rbs/return",
    failUrl: "https://shop.example/rbs/fail",
    ...extra,
  };
}

async function paid(extra: Partial<RbsRegisterRequest> = {}, preAuth = false, card: string = RBS_CARDS.approved) {
  const registered = preAuth ? await client.registerPreAuth(order(extra)) : await client.register(order(extra));
  expect((await payOnForm(registered.formUrl, card)).status).toBe(303);
  return registered;
}

async function refusal(promise: Promise<unknown>): Promise<RbsError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RbsError)) throw new Error(`expected an RbsError, got ${String(error)}`);
  return error;
}

describe("RbsClient against the sandbox", () => {
  it("register answers orderId and formUrl; the status reads roubles, RUB and the state", async () => {
    const request = order({ description: "Order 7", jsonParams: { cart: "c-1", items: 2 } });
    const registered = await client.register(request);
    expect(registered.formUrl).toContain(registered.orderId);
    const status = await client.getOrderStatusExtended({ orderId: registered.orderId });
    expect(status).toMatchObject({
      orderId: registered.orderId,
      orderNumber: request.orderNumber,
      status: 0,
      state: "registered",
      actionCode: -100,
      amount: 1500.5,
      currency: "RUB",
      description: "Order 7",
      card: null,
      merchantOrderParams: { cart: "c-1", items: "2" },
      amounts: { approved: 0, deposited: 0, refunded: 0, paymentState: "CREATED" },
    });
    expect(status.raw["amount"]).toBe(150050);
    expect(status.createdAt).toBeInstanceOf(Date);
  });

  it("a paid order: state paid, the card's mask, expiry and brand, its binding", async () => {
    const registered = await paid({ clientId: "client-card" });
    const status = await client.getOrderStatusExtended({ orderId: registered.orderId });
    expect(status).toMatchObject({
      status: 2,
      state: "paid",
      actionCode: 0,
      card: { maskedPan: "400000**3055", firstSix: "400000", lastFour: "3055", expiry: { month: 12, year: 2030 }, cardholderName: "IVAN PETROV", paymentSystem: "VISA" },
      binding: { clientId: "client-card", bindingId: expect.any(String) },
      amounts: { approved: 1500.5, deposited: 1500.5, refunded: 0 },
    });
  });

  it("getOrderStatusExtended by orderNumber; an unknown order is RbsError 6", async () => {
    const request = order();
    const registered = await client.register(request);
    expect(await client.getOrderStatusExtended({ orderNumber: request.orderNumber })).toMatchObject({ orderId: registered.orderId });
    const error = await refusal(client.getOrderStatusExtended({ orderId: "00000000-0000-4000-8000-000000000000" }));
    expect(error).toMatchObject({ method: "getOrderStatusExtended.do", errorCode: "6", code: "gateway_refused" });
    expect(error).toBeInstanceOf(GatewayError);
  });

  it("register twice with one orderNumber is RbsError 1; a declined payment reads declined", async () => {
    const request = order();
    await client.register(request);
    expect(isRbsError(await refusal(client.register(request)), "1")).toBe(true);
    const declined = await paid({}, false, RBS_CARDS.declined);
    expect(await client.getOrderStatusExtended({ orderId: declined.orderId })).toMatchObject({ state: "declined", actionCode: 116 });
  });

  it("registerPreAuth holds; deposit takes part in roubles; a second deposit is RbsError 7", async () => {
    const registered = await paid({}, true);
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "held", amounts: { approved: 1500.5, deposited: 0 } });
    await client.deposit({ orderId: registered.orderId, amount: 1000.25 });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "paid", amounts: { deposited: 1000.25 } });
    expect((await refusal(client.deposit({ orderId: registered.orderId }))).errorCode).toBe("7");
  });

  it("deposit without an amount takes the whole hold; reverse releases a hold", async () => {
    const whole = await paid({}, true);
    await client.deposit({ orderId: whole.orderId });
    expect(await client.getOrderStatusExtended({ orderId: whole.orderId })).toMatchObject({ amounts: { deposited: 1500.5 } });
    const released = await paid({}, true);
    await client.reverse({ orderId: released.orderId });
    expect(await client.getOrderStatusExtended({ orderId: released.orderId })).toMatchObject({ status: 3, state: "reversed" });
    expect((await refusal(client.reverse({ orderId: released.orderId }))).errorCode).toBe("7");
  });

  it("decline closes an unpaid order by orderId or orderNumber (reversed, nothing approved); a paid one is RbsError 7", async () => {
    const unpaid = await client.register(order());
    await client.decline({ orderId: unpaid.orderId });
    expect(await client.getOrderStatusExtended({ orderId: unpaid.orderId })).toMatchObject({ state: "reversed", amounts: { approved: 0 } });
    const byNumber = order();
    const registered = await client.register(byNumber);
    await client.decline({ orderNumber: byNumber.orderNumber });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "reversed" });
    const done = await paid();
    expect((await refusal(client.decline({ orderId: done.orderId }))).errorCode).toBe("7");
  });

  it("refund is partial within the paid amount; more is RbsError 5", async () => {
    const registered = await paid();
    await client.refund({ orderId: registered.orderId, amount: 500.5 });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "refunded", amounts: { refunded: 500.5 } });
    expect((await refusal(client.refund({ orderId: registered.orderId, amount: 1000.01 }))).errorCode).toBe("5");
    await client.refund({ orderId: registered.orderId, amount: 1000 });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ amounts: { refunded: 1500.5 } });
  });

  it("getBindings lists a client's cards, unBindCard removes one, an empty list is []", async () => {
    const clientId = `bindings-${Date.now()}`;
    expect(await client.getBindings({ clientId })).toEqual([]);
    await paid({ clientId });
    const bindings = await client.getBindings({ clientId });
    expect(bindings).toEqual([
      { bindingId: expect.any(String), clientId, maskedPan: "400000**3055", firstSix: "400000", lastFour: "3055", expiry: { month: 12, year: 2030 } },
    ]);
    await client.unBindCard({ bindingId: bindings[0]?.bindingId ?? "" });
    expect(await client.getBindings({ clientId })).toEqual([]);
    expect((await refusal(client.unBindCard({ bindingId: bindings[0]?.bindingId ?? "" }))).errorCode).toBe("2");
  });

  it("paymentOrderBinding with autoPayment charges without the shopper", async () => {
    const clientId = `auto-${Date.now()}`;
    await paid({ clientId }, false, RBS_CARDS.threeDs);
    const [binding] = await client.getBindings({ clientId });
    const registered = await client.register(order({ clientId, autoPayment: true, amount: 99 }));
    const payment = await client.paymentOrderBinding({ orderId: registered.orderId, bindingId: binding?.bindingId ?? "", ip: "203.0.113.7" });
    expect(payment).toEqual({ kind: "processed", redirect: `https://shop.example/rbs/return?orderId=${registered.orderId}`, info: expect.any(String) });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "paid", amount: 99, binding: { bindingId: binding?.bindingId } });
  });

  it("paymentOrderBinding without autoPayment answers 3ds for a 3-D Secure card; the ACS completes it", async () => {
    const clientId = `tds-${Date.now()}`;
    await paid({ clientId }, false, RBS_CARDS.threeDs);
    const [binding] = await client.getBindings({ clientId });
    const registered = await client.register(order({ clientId }));
    const payment = await client.paymentOrderBinding({ orderId: registered.orderId, bindingId: binding?.bindingId ?? "", ip: "203.0.113.7" });
    if (payment.kind !== "3ds") throw new Error(`expected 3ds, got ${payment.kind}`);
    expect(payment).toMatchObject({ acsUrl: `${sandbox.url}/acs`, termUrl: `${sandbox.url}/payment/rest/finish3ds.do`, md: registered.orderId });
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "acs" });
    const { finish } = await passAcs(payment, "123456");
    expect(finish.headers.get("location")).toBe(`https://shop.example/rbs/return?orderId=${registered.orderId}`);
    expect(await client.getOrderStatusExtended({ orderId: registered.orderId })).toMatchObject({ state: "paid" });
  });

  it("paymentOrderBinding of another client's binding is RbsError 2", async () => {
    const owner = `owner-${Date.now()}`;
    await paid({ clientId: owner });
    const [binding] = await client.getBindings({ clientId: owner });
    const registered = await client.register(order({ clientId: "someone-else", autoPayment: true }));
    const error = await refusal(client.paymentOrderBinding({ orderId: registered.orderId, bindingId: binding?.bindingId ?? "", ip: "203.0.113.7" }));
    expect(error.errorCode).toBe("2");
  });

  it("a wrong password is GatewayAuthError", async () => {
    const wrong = new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: "wrong" });
    await expect(wrong.register(order())).rejects.toBeInstanceOf(GatewayAuthError);
    const english = new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: "nobody", password: "x", language: "en" });
    await expect(english.getBindings({ clientId: "c" })).rejects.toMatchObject({ code: "gateway_auth" });
  });
});

describe("RbsClient at its boundary", () => {
  function recording(answer: (request: GatewayHttpRequest) => { status: number; text: string }) {
    const seen: GatewayHttpRequest[] = [];
    const http: GatewayHttp = async (request) => {
      seen.push(request);
      const { status, text } = answer(request);
      return { status, text, header: () => null };
    };
    return { seen, client: new RbsClient({ baseUrl: "https://gw.example/payment/rest/", userName: "shop-api", password: "p@ss", language: "en", http }) };
  }

  it("posts a form with the credentials, kopecks and the numeric currency, nothing unset", async () => {
    const { seen, client: faked } = recording(() => ({ status: 200, text: JSON.stringify({ orderId: "o-1", formUrl: "https://gw.example/form/o-1" }) }));
    await faked.registerPreAuth({ orderNumber: "42", amount: 0.29, currency: "EUR", returnUrl: "https://shop.example/r", clientId: "c-1", autoPayment: true });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ url: "https://gw.example/payment/rest/registerPreAuth.do", method: "POST", timeoutMs: 30_000 });
    expect(request?.headers["Content-Type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      userName: "shop-api",
      password: "p@ss",
      orderNumber: "42",
      amount: "29",
      currency: "978",
      returnUrl: "https://shop.example/r",
      language: "en",
      clientId: "c-1",
      features: "AUTO_PAYMENT",
    });
  });

  it("refuses a sum it cannot send exactly, an unknown currency, autoPayment without clientId, before any request", async () => {
    const { seen, client: faked } = recording(() => ({ status: 200, text: "{}" }));
    await expect(faked.register({ orderNumber: "1", amount: 10.001, returnUrl: "https://s.example/" })).rejects.toThrow(RangeError);
    await expect(faked.register({ orderNumber: "1", amount: -5, returnUrl: "https://s.example/" })).rejects.toThrow(RangeError);
    await expect(faked.register({ orderNumber: "1", amount: 0, returnUrl: "https://s.example/" })).rejects.toThrow(RangeError);
    await expect(faked.register({ orderNumber: "1", amount: 10, currency: "XYZ", returnUrl: "https://s.example/" })).rejects.toThrow(/XYZ/);
    await expect(faked.register({ orderNumber: "1", amount: 10, returnUrl: "https://s.example/", autoPayment: true })).rejects.toThrow(TypeError);
    await expect(faked.refund({ orderId: "o", amount: Number.NaN })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });

  it("reads a numeric errorCode 0 as success and a numeric refusal as RbsError", async () => {
    const ok = recording(() => ({ status: 200, text: JSON.stringify({ errorCode: 0, info: "ok", redirect: "https://s.example/?orderId=o" }) }));
    expect(await ok.client.paymentOrderBinding({ orderId: "o", bindingId: "b", ip: "127.0.0.1" })).toMatchObject({ kind: "processed" });
    const refused = recording(() => ({ status: 200, text: JSON.stringify({ errorCode: 2, errorMessage: "Binding not found" }) }));
    await expect(refused.client.paymentOrderBinding({ orderId: "o", bindingId: "b", ip: "127.0.0.1" })).rejects.toMatchObject({ errorCode: "2" });
  });

  it.each([
    [500, JSON.stringify({ errorCode: "7", errorMessage: "System error" }), GatewayHttpError],
    [429, "slow down", GatewayHttpError],
    [200, "<html>proxy page</html>", GatewayHttpError],
    [200, JSON.stringify({ errorCode: "0" }), GatewayHttpError],
    [401, "", GatewayAuthError],
    [403, "forbidden", GatewayAuthError],
  ])("HTTP %i with %s is %O", async (status, text, type) => {
    const { client: faked } = recording(() => ({ status, text }));
    await expect(faked.register({ orderNumber: "1", amount: 1, returnUrl: "https://s.example/" })).rejects.toBeInstanceOf(type);
  });

  it("a gateway that never answers is a timeout that may have reached it", async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const slow = new RbsClient({ baseUrl: `${url}/payment/rest`, userName: "u", password: "p", timeoutMs: 150 });
      const error = await slow.deposit({ orderId: "o" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayTransportError);
      expect(error).toMatchObject({ reason: "timeout", mayHaveReachedGateway: true, path: "/payment/rest/deposit.do" });
    } finally {
      await closeServer(silent);
    }
  });

  it("a refused connection did not reach the gateway; an aborted call may have", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await closeServer(closed);
    const refused = new RbsClient({ baseUrl: `${url}/payment/rest`, userName: "u", password: "p" });
    await expect(refused.refund({ orderId: "o", amount: 1 })).rejects.toMatchObject({ code: "gateway_transport", mayHaveReachedGateway: false });

    const silent = createServer(() => undefined);
    const silentUrl = await listen(silent);
    try {
      const slow = new RbsClient({ baseUrl: `${silentUrl}/payment/rest`, userName: "u", password: "p" });
      const controller = new AbortController();
      const pending = slow.getBindings({ clientId: "c" }, { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ reason: "aborted", mayHaveReachedGateway: true });
    } finally {
      await closeServer(silent);
    }
  });

  it("uses an injected fetch when no transport is given, and needs its options", async () => {
    const urls: string[] = [];
    const fake: typeof fetch = async (input) => {
      urls.push(String(input));
      return Response.json({ errorCode: "0", errorMessage: "Success" });
    };
    await new RbsClient({ baseUrl: "https://gw.example/payment/rest", userName: "u", password: "p", fetch: fake }).unBindCard({ bindingId: "b-1" });
    expect(urls).toEqual(["https://gw.example/payment/rest/unBindCard.do"]);
    expect(() => new RbsClient({ baseUrl: "", userName: "u", password: "p" })).toThrow(TypeError);
    expect(() => new RbsClient({ baseUrl: "not a url", userName: "u", password: "p" })).toThrow();
  });
});
