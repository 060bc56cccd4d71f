// The pay handler over a fake CheckoutGateway: a second gateway is an adapter, and the
// handler's own guards hold whatever the gateway says.
import { describe, expect, it } from "vitest";
import type { CheckoutGateway, CryptogramPaymentInput, GatewayPayOutcome } from "../gateway/index.ts";
import { createCheckoutHandlers } from "./create-checkout-handlers.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutHandlerOptions, CheckoutLogger } from "./options.ts";

const ORIGIN = "https://shop.example";
const SECRET = "pay-handler-test-secret-0123456789abcdef";

function setup(outcome: GatewayPayOutcome, overrides: Partial<CheckoutHandlerOptions> = {}) {
  const inputs: CryptogramPaymentInput[] = [];
  const gateway: CheckoutGateway = {
    name: "fake",
    cryptogram: {
      async pay(input) {
        inputs.push(input);
        return outcome;
      },
      completeThreeDs: async () => outcome,
    },
    savedCards: { pay: async () => outcome, remove: async () => undefined },
    findOutcome: async () => null,
    reverse: async () => true,
  };
  const logs: string[] = [];
  const logger: CheckoutLogger = {
    warn: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
    error: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
  };
  const { pay } = createCheckoutHandlers({
    client: gateway,
    secret: SECRET,
    getOrder: (id) => (id === "inv-1" ? { amount: 100, currency: "EUR", accountId: "acc-1", email: "order@example.com" } : null),
    termUrl: "https://shop.example/3ds?lang=ru",
    returnUrl: "https://shop.example/done",
    allowedOrigins: [ORIGIN],
    getClientIp: () => "198.51.100.9",
    logger,
    ...overrides,
  });
  const post = (body: Record<string, unknown>) =>
    pay(
      new Request("https://shop.example/api/pay", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify({ cryptogram: "Q1JZUFRP", name: "A B", invoiceId: "inv-1", ...body }),
      }),
    );
  return { post, inputs, logs };
}

const transaction = {
  transactionId: 7,
  amount: 100,
  currency: "EUR",
  invoiceId: "inv-1",
  cardType: "Visa",
  cardLastFour: "3055",
  authCode: "A1",
  status: "Completed",
  captured: true,
  raw: {},
};

describe("pay handler with another gateway adapter", () => {
  it("hands the adapter the order's facts, the shopper IP and the body's card fields", async () => {
    const { post, inputs } = setup({ kind: "approved", transaction });
    const response = await post({ accountId: "attacker", email: "shopper@example.com", amount: 1, saveCard: true });
    expect(response.status).toBe(200);
    expect(inputs).toEqual([
      {
        scheme: "charge",
        amount: 100,
        currency: "EUR",
        invoiceId: "inv-1",
        cryptogram: "Q1JZUFRP",
        name: "A B",
        ipAddress: "198.51.100.9",
        accountId: "acc-1",
        email: "order@example.com",
      },
    ]);
  });

  it("saves a card only for the merchant's logged-in customer, under that customer's account", async () => {
    const guest = setup({ kind: "approved", transaction });
    await guest.post({ saveCard: true });
    expect(guest.inputs[0]).not.toHaveProperty("saveCard");
    const customer = setup({ kind: "approved", transaction }, { getCustomer: () => ({ id: "cust-9" }) });
    await customer.post({ saveCard: true, accountId: "attacker" });
    expect(customer.inputs[0]).toMatchObject({ saveCard: true, accountId: "cust-9" });
  });

  it("refuses an approval that does not match the order (502), and says why in the log", async () => {
    const { post, logs } = setup({ kind: "approved", transaction: { ...transaction, amount: 1 } });
    const response = await post({});
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ status: "error" });
    expect(logs.join("\n")).toMatch(/does not match the order/);
  });

  it("keeps the termUrl's own query and binds the transaction", async () => {
    const { post } = setup({ kind: "3ds", transactionId: 55, acsUrl: "https://acs.example", paReq: "pr", iframeAllowed: false, frameWidth: 500 });
    const answer = (await (await post({})).json()) as Record<string, unknown>;
    expect(answer).toEqual({
      status: "3ds",
      transactionId: 55,
      acsUrl: "https://acs.example",
      paReq: "pr",
      termUrl: expect.stringMatching(/^https:\/\/shop\.example\/3ds\?lang=ru&tx=55&inv=inv-1&att=cw-once-[0-9a-f-]+&exp=\d+&sig=[\w-]{43}$/),
      iframeAllowed: false,
      frameWidth: 500,
    });
  });

  it("an onResult that throws does not change the shopper's answer", async () => {
    const { post, logs } = setup({ kind: "approved", transaction }, { onResult: () => Promise.reject(new Error("db down")) });
    expect((await post({})).status).toBe(200);
    expect(logs.join("\n")).toMatch(/onResult threw/);
  });

  it("a getOrder that throws answers 500 with a safe message", async () => {
    const { post } = setup({ kind: "approved", transaction }, { getOrder: () => { throw new Error("sql: password=x"); } });
    const response = await post({});
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/sql|password/);
  });

  it("without a client IP it refuses to pay rather than invent one", async () => {
    const { post, inputs } = setup({ kind: "approved", transaction }, { getClientIp: () => undefined });
    const response = await post({});
    expect(response.status).toBe(500);
    // The merchant's setup is not the shopper's business, nor is it about the order.
    const { message } = (await response.json()) as { message: string };
    expect(message).toBe(MESSAGES.gatewayUnavailable);
    expect(inputs).toHaveLength(0);
  });
});

describe("pay handler when something it calls throws", () => {
  it("a throwing merchant logger fails that request only, leaving no unhandled rejection behind", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const { pay } = createCheckoutHandlers({
        client: {
          name: "fake",
          cryptogram: {
            pay: async () => ({ kind: "approved", transaction }),
            completeThreeDs: async () => ({ kind: "invalid", message: "" }),
          },
          findOutcome: async () => null,
          reverse: async () => true,
        },
        secret: SECRET,
        getOrder: () => ({ amount: 100, currency: "EUR" }),
        termUrl: "https://shop.example/3ds",
        returnUrl: "https://shop.example/done",
        allowedOrigins: [ORIGIN],
        getClientIp: () => "198.51.100.9",
        logger: {
          info: () => {
            throw new Error("log sink down");
          },
          warn: () => undefined,
          error: () => undefined,
        },
      });
      const request = new Request("https://shop.example/api/pay", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN, "X-Request-ID": "req-12345678" },
        body: JSON.stringify({ cryptogram: "Q1JZUFRP", name: "A B", invoiceId: "inv-1" }),
      });
      await expect(pay(request)).rejects.toThrow("log sink down");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
