import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../index.ts";
import { payOnForm, RBS_CARDS, rbsApi } from "../rbs-test-client.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof rbsApi>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = rbsApi(sandbox);
});
afterAll(() => sandbox.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function paidOrder(params: Record<string, string> = {}, preAuth = false) {
  const order = await api.register(params, preAuth);
  const paid = await payOnForm(order.formUrl, RBS_CARDS.approved);
  expect(paid.status).toBe(303);
  return order;
}

describe("RBS register.do / registerPreAuth.do", () => {
  it("answers orderId and a formUrl on the sandbox", async () => {
    const answer = await api.call("register.do", { orderNumber: api.orderNumber(), amount: "150050", returnUrl: "https://shop.example/r" });
    expect(Object.keys(answer).sort()).toEqual(["formUrl", "orderId"]);
    expect(answer["orderId"]).toMatch(UUID);
    expect(answer["formUrl"]).toBe(`${sandbox.url}/payment/merchants/sandbox/form/${String(answer["orderId"])}`);
  });

  it("works as a GET with a query, and puts language=en on the formUrl", async () => {
    const answer = await api.call(
      "registerPreAuth.do",
      { orderNumber: api.orderNumber(), amount: "100", returnUrl: "https://shop.example/r", language: "en" },
      { get: true },
    );
    expect(answer["formUrl"]).toMatch(/\?lang=en$/);
  });

  it("refuses an orderNumber used before with errorCode 1", async () => {
    const { orderNumber } = await api.register();
    const again = await api.call("register.do", { orderNumber, amount: "100", returnUrl: "https://shop.example/r" });
    expect(again).toEqual({ errorCode: "1", errorMessage: "Заказ с таким номером уже обработан" });
  });

  it.each([
    ["orderNumber", { amount: "100", returnUrl: "https://shop.example/r" }],
    ["amount", { orderNumber: "x-missing-amount", returnUrl: "https://shop.example/r" }],
    ["returnUrl", { orderNumber: "x-missing-return", amount: "100" }],
  ])("a missing %s is errorCode 4 naming it", async (name, params) => {
    const answer = await api.call("register.do", { ...params, language: "en" });
    expect(answer).toEqual({ errorCode: "4", errorMessage: `Required parameter ${name} is missing` });
  });

  it.each([
    ["amount", { amount: "1500.50" }],
    ["amount", { amount: "0" }],
    ["amount", { amount: "-100" }],
    ["returnUrl", { returnUrl: "javascript:alert(1)" }],
    ["failUrl", { failUrl: "not a url" }],
    ["features", { features: "FORCE_EVERYTHING" }],
    ["language", { language: "de" }],
    ["sessionTimeoutSecs", { sessionTimeoutSecs: "soon" }],
    ["jsonParams", { jsonParams: "{not json" }],
    ["dynamicCallbackUrl", { dynamicCallbackUrl: "https://shop.example/callback" }],
  ])("a bad %s is errorCode 5 naming it", async (name, params) => {
    const answer = await api.call("register.do", { orderNumber: api.orderNumber(), amount: "100", returnUrl: "https://shop.example/r", ...params });
    expect(answer["errorCode"]).toBe("5");
    expect(answer["errorMessage"]).toContain(name);
  });

  it("an unknown currency is errorCode 3; a known numeric one is kept", async () => {
    const bad = await api.call("register.do", { orderNumber: api.orderNumber(), amount: "100", returnUrl: "https://shop.example/r", currency: "RUB" });
    expect(bad).toEqual({ errorCode: "3", errorMessage: "Неизвестная валюта" });
    const { orderId } = await api.register({ currency: "978" });
    expect(await api.status(orderId)).toMatchObject({ currency: "978" });
  });

  it("AUTO_PAYMENT needs a clientId (errorCode 4)", async () => {
    const answer = await api.call("register.do", { orderNumber: api.orderNumber(), amount: "100", returnUrl: "https://shop.example/r", features: "AUTO_PAYMENT" });
    expect(answer["errorCode"]).toBe("4");
    expect(answer["errorMessage"]).toContain("clientId");
  });

  it("a parameter given twice with different values is refused, not guessed", async () => {
    const body = new URLSearchParams({ userName: sandbox.rbs.userName, password: sandbox.rbs.password, orderNumber: api.orderNumber(), returnUrl: "https://shop.example/r" });
    body.append("amount", "100");
    body.append("amount", "999999");
    const response = await fetch(`${sandbox.rbs.restUrl}/register.do`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(await response.json()).toMatchObject({ errorCode: "5", errorMessage: expect.stringContaining("amount") });
  });
});

describe("RBS credentials and transport", () => {
  it("a wrong or missing password is errorCode 5 access denied, in the request's language", async () => {
    const params = { orderNumber: api.orderNumber(), amount: "100", returnUrl: "https://shop.example/r" };
    expect(await api.call("register.do", params, { auth: { userName: sandbox.rbs.userName, password: "wrong" } })).toEqual({
      errorCode: "5",
      errorMessage: "Доступ запрещён",
    });
    expect(await api.call("register.do", { ...params, language: "en" }, { auth: false })).toEqual({ errorCode: "5", errorMessage: "Access denied" });
    // Nothing was registered: the number is still free.
    expect((await api.register({ orderNumber: params.orderNumber })).orderNumber).toBe(params.orderNumber);
  });

  it("takes the credentials and defaults from the sandbox options", async () => {
    const other = await startSandbox({ port: 0, rbs: { userName: "shop-api", password: "s3cret" } });
    try {
      expect(other.rbs).toMatchObject({ userName: "shop-api", password: "s3cret", restUrl: `${other.url}/payment/rest` });
      expect(sandbox.rbs).toMatchObject({ userName: "sandbox-api", password: "sandbox-password", callbackSecret: "sandbox-callback-secret" });
      const answer = await rbsApi(other).call("getOrderStatusExtended.do", { orderNumber: "none" }, { auth: { userName: "sandbox-api", password: "sandbox-password" } });
      expect(answer["errorCode"]).toBe("5");
    } finally {
      await other.close();
    }
  });

  it("a JSON body is refused with a hint to send a form", async () => {
    const response = await fetch(`${sandbox.rbs.restUrl}/register.do`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userName: "sandbox-api", password: "sandbox-password" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ errorCode: "4", errorMessage: expect.stringContaining("application/x-www-form-urlencoded") });
  });

  it("an unknown method is a 404 in the API's shape; other HTTP methods a 405", async () => {
    const unknown = await fetch(`${sandbox.rbs.restUrl}/payOrder.do`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errorCode: "7", errorMessage: "Unknown method" });
    const put = await fetch(`${sandbox.rbs.restUrl}/register.do`, { method: "PUT" });
    expect(put.status).toBe(405);
  });

  it("a body over 64 KB is a 413 in the API's shape", async () => {
    const response = await fetch(`${sandbox.rbs.restUrl}/register.do`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `description=${"x".repeat(70 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errorCode: "5" });
  });
});

describe("RBS getOrderStatusExtended.do", () => {
  it("a registered order: status 0, no attempt, kopecks, numeric currency, mdOrder, jsonParams", async () => {
    const { orderId, orderNumber } = await api.register({ description: "Заказ 7", jsonParams: JSON.stringify({ cart: "c-9", items: 2 }), clientId: "cust-1" });
    const answer = await api.status(orderId);
    expect(answer).toMatchObject({
      errorCode: "0",
      errorMessage: "Успешно",
      orderNumber,
      orderStatus: 0,
      actionCode: -100,
      amount: 150050,
      currency: "643",
      orderDescription: "Заказ 7",
      attributes: [{ name: "mdOrder", value: orderId }],
      merchantOrderParams: [
        { name: "cart", value: "c-9" },
        { name: "items", value: "2" },
      ],
      bindingInfo: { clientId: "cust-1" },
      paymentAmountInfo: { paymentState: "CREATED", approvedAmount: 0, depositedAmount: 0, refundedAmount: 0 },
    });
    expect(answer).not.toHaveProperty("cardAuthInfo");
  });

  it("finds an order by orderNumber; orderId wins when both are given", async () => {
    const a = await api.register();
    const b = await api.register();
    expect(await api.call("getOrderStatusExtended.do", { orderNumber: a.orderNumber })).toMatchObject({ attributes: [{ value: a.orderId }] });
    expect(await api.call("getOrderStatusExtended.do", { orderNumber: a.orderNumber, orderId: b.orderId })).toMatchObject({ orderNumber: b.orderNumber });
  });

  it("an unknown order is errorCode 6; no id at all errorCode 4", async () => {
    expect(await api.call("getOrderStatusExtended.do", { orderId: "00000000-0000-4000-8000-000000000000" })).toEqual({ errorCode: "6", errorMessage: "Заказ не найден" });
    expect(await api.call("getOrderStatusExtended.do", {})).toMatchObject({ errorCode: "4" });
  });
});

describe("RBS one-stage payment on formUrl", () => {
  it("an approved card pays the order (2) and returns to returnUrl?orderId=", async () => {
    const order = await api.register({ clientId: "cust-status" });
    const paid = await payOnForm(order.formUrl, RBS_CARDS.approved);
    expect(paid).toMatchObject({ status: 303, location: `https://shop.example/rbs/return?orderId=${order.orderId}` });
    const answer = await api.status(order.orderId);
    expect(answer).toMatchObject({
      orderStatus: 2,
      actionCode: 0,
      cardAuthInfo: { maskedPan: "400000**3055", expiration: "203012", cardholderName: "IVAN PETROV", paymentSystem: "VISA", approvalCode: expect.any(String) },
      paymentAmountInfo: { paymentState: "DEPOSITED", approvedAmount: 150050, depositedAmount: 150050, refundedAmount: 0 },
    });
    expect(JSON.stringify(answer)).not.toContain(RBS_CARDS.approved);
  });

  it("a declined card ends the order declined (6) with its actionCode, on failUrl?orderId=", async () => {
    const order = await api.register();
    const declined = await payOnForm(order.formUrl, RBS_CARDS.declined);
    expect(declined).toMatchObject({ status: 303, location: `https://shop.example/rbs/fail?orderId=${order.orderId}` });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 6, actionCode: 116, paymentAmountInfo: { paymentState: "DECLINED", depositedAmount: 0 } });
  });

  it("without failUrl a failure returns to returnUrl", async () => {
    const order = await api.register({ failUrl: "" });
    expect((await payOnForm(order.formUrl, RBS_CARDS.declined)).location).toBe(`https://shop.example/rbs/return?orderId=${order.orderId}`);
  });

  it("a 3-D Secure card asks for the code on the page; 123456 pays, another code declines -2006", async () => {
    const good = await api.register();
    expect((await payOnForm(good.formUrl, RBS_CARDS.threeDs)).status).toBe(303);
    expect(await api.status(good.orderId)).toMatchObject({ orderStatus: 2 });
    const bad = await api.register();
    expect((await payOnForm(bad.formUrl, RBS_CARDS.threeDs, { code: "000000" })).location).toContain("/rbs/fail?orderId=");
    expect(await api.status(bad.orderId)).toMatchObject({ orderStatus: 6, actionCode: -2006 });
  });

  it("a paid order cannot be paid again on its page", async () => {
    const order = await paidOrder();
    const again = await payOnForm(order.formUrl, RBS_CARDS.declined);
    expect(again.status).toBe(200);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2, actionCode: 0 });
  });

  it("an order not paid within sessionTimeoutSecs is declined (6, -2007) and its page says so", async () => {
    const order = await api.register({ sessionTimeoutSecs: "1", language: "en" });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 6, actionCode: -2007 });
    const page = await (await fetch(order.formUrl)).text();
    expect(page).not.toContain('name="cardNumber"');
  });
});

describe("RBS two-stage: deposit.do and reverse.do", () => {
  it("a preauth order is held (1) and deposit amount=0 takes all of it (2)", async () => {
    const order = await paidOrder({}, true);
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 1, paymentAmountInfo: { paymentState: "APPROVED", approvedAmount: 150050, depositedAmount: 0 } });
    expect(await api.call("deposit.do", { orderId: order.orderId, amount: "0" })).toEqual({ errorCode: "0", errorMessage: "Успешно" });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2, paymentAmountInfo: { depositedAmount: 150050 } });
  });

  it("a partial deposit takes less than the hold; more than the hold is errorCode 5", async () => {
    const order = await paidOrder({}, true);
    expect(await api.call("deposit.do", { orderId: order.orderId, amount: "150051" })).toMatchObject({ errorCode: "5" });
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 1 });
    expect((await api.call("deposit.do", { orderId: order.orderId, amount: "100000" }))["errorCode"]).toBe("0");
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 2, paymentAmountInfo: { approvedAmount: 150050, depositedAmount: 100000 } });
  });

  it("reverse releases a hold (3); a reversed or paid order cannot be deposited or reversed (errorCode 7)", async () => {
    const held = await paidOrder({}, true);
    expect((await api.call("reverse.do", { orderId: held.orderId }))["errorCode"]).toBe("0");
    expect(await api.status(held.orderId)).toMatchObject({ orderStatus: 3, paymentAmountInfo: { paymentState: "REVERSED" } });
    expect(await api.call("deposit.do", { orderId: held.orderId, amount: "0" })).toMatchObject({ errorCode: "7" });
    expect(await api.call("reverse.do", { orderId: held.orderId })).toMatchObject({ errorCode: "7" });
    const paid = await paidOrder();
    expect(await api.call("reverse.do", { orderId: paid.orderId, language: "en" })).toMatchObject({
      errorCode: "7",
      errorMessage: expect.stringContaining("orderStatus is 2"),
    });
    expect(await api.call("deposit.do", { orderId: paid.orderId, amount: "0" })).toMatchObject({ errorCode: "7" });
  });

  it("deposit and reverse of an unregistered or unpaid order: errorCode 6 and 7; a missing amount errorCode 4", async () => {
    expect(await api.call("deposit.do", { orderId: "00000000-0000-4000-8000-000000000000", amount: "0" })).toMatchObject({ errorCode: "6" });
    const fresh = await api.register({}, true);
    expect(await api.call("deposit.do", { orderId: fresh.orderId, amount: "0" })).toMatchObject({ errorCode: "7" });
    expect(await api.call("reverse.do", { orderId: fresh.orderId })).toMatchObject({ errorCode: "7" });
    expect(await api.call("deposit.do", { orderId: fresh.orderId })).toMatchObject({ errorCode: "4" });
  });
});

describe("RBS decline.do", () => {
  it("declines an unpaid order by orderId or orderNumber: reversed (3) with nothing approved, and its page takes no card", async () => {
    const byId = await api.register();
    expect(await api.call("decline.do", { orderId: byId.orderId })).toEqual({ errorCode: "0", errorMessage: "Успешно" });
    expect(await api.status(byId.orderId)).toMatchObject({ orderStatus: 3, paymentAmountInfo: { approvedAmount: 0, depositedAmount: 0 } });
    const page = await payOnForm(byId.formUrl, RBS_CARDS.approved);
    expect(page.status).not.toBe(303);
    expect(await api.status(byId.orderId)).toMatchObject({ orderStatus: 3, paymentAmountInfo: { approvedAmount: 0 } });
    const byNumber = await api.register();
    expect((await api.call("decline.do", { orderNumber: byNumber.orderNumber }))["errorCode"]).toBe("0");
    expect(await api.status(byNumber.orderId)).toMatchObject({ orderStatus: 3 });
  });

  it("refuses a paid or ended order (7), an unknown one (6) and a request naming none (4)", async () => {
    const paid = await paidOrder();
    expect(await api.call("decline.do", { orderId: paid.orderId, language: "en" })).toMatchObject({ errorCode: "7", errorMessage: expect.stringContaining("orderStatus is 2") });
    const declined = await api.register();
    expect((await api.call("decline.do", { orderId: declined.orderId }))["errorCode"]).toBe("0");
    expect(await api.call("decline.do", { orderId: declined.orderId })).toMatchObject({ errorCode: "7" });
    expect(await api.call("decline.do", { orderId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ errorCode: "6" });
    expect(await api.call("decline.do", {})).toMatchObject({ errorCode: "4" });
  });
});

describe("RBS refund.do", () => {
  it("partial refunds (4) while their sum stays within the paid amount", async () => {
    const order = await paidOrder();
    expect((await api.call("refund.do", { orderId: order.orderId, amount: "50000" }))["errorCode"]).toBe("0");
    expect(await api.status(order.orderId)).toMatchObject({ orderStatus: 4, paymentAmountInfo: { paymentState: "REFUNDED", refundedAmount: 50000 } });
    expect((await api.call("refund.do", { orderId: order.orderId, amount: "100050" }))["errorCode"]).toBe("0");
    expect(await api.call("refund.do", { orderId: order.orderId, amount: "1" })).toMatchObject({ errorCode: "5" });
    expect(await api.status(order.orderId)).toMatchObject({ paymentAmountInfo: { refundedAmount: 150050 } });
  });

  it("a partly deposited order refunds at most what was deposited", async () => {
    const order = await paidOrder({}, true);
    await api.call("deposit.do", { orderId: order.orderId, amount: "1000" });
    expect(await api.call("refund.do", { orderId: order.orderId, amount: "1001" })).toMatchObject({ errorCode: "5" });
    expect((await api.call("refund.do", { orderId: order.orderId, amount: "1000" }))["errorCode"]).toBe("0");
  });

  it("refunds nothing of an unpaid or held order (7), of an unknown one (6), without an amount (4)", async () => {
    const fresh = await api.register();
    expect(await api.call("refund.do", { orderId: fresh.orderId, amount: "100" })).toMatchObject({ errorCode: "7" });
    const held = await paidOrder({}, true);
    expect(await api.call("refund.do", { orderId: held.orderId, amount: "100" })).toMatchObject({ errorCode: "7" });
    expect(await api.call("refund.do", { orderId: "00000000-0000-4000-8000-000000000000", amount: "100" })).toMatchObject({ errorCode: "6" });
    expect(await api.call("refund.do", { orderId: fresh.orderId })).toMatchObject({ errorCode: "4" });
    expect(await api.call("refund.do", { orderId: fresh.orderId, amount: "0" })).toMatchObject({ errorCode: "5" });
  });
});

describe("RBS state is bounded", () => {
  it("keeps at most maxOrders orders, forgetting the oldest", async () => {
    const small = await startSandbox({ port: 0, rbs: { maxOrders: 3 } });
    try {
      const smallApi = rbsApi(small);
      const orders = [];
      for (let i = 0; i < 5; i++) orders.push(await smallApi.register());
      expect(await smallApi.status(orders[0]?.orderId ?? "")).toMatchObject({ errorCode: "6" });
      expect(await smallApi.call("getOrderStatusExtended.do", { orderNumber: orders[1]?.orderNumber ?? "" })).toMatchObject({ errorCode: "6" });
      expect(await smallApi.status(orders[4]?.orderId ?? "")).toMatchObject({ errorCode: "0", orderStatus: 0 });
    } finally {
      await small.close();
    }
  });
});
