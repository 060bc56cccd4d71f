// threeDsReturn over fake gateways: what it asks the gateway, and what it believes of the answers.
import { describe, expect, it } from "vitest";
import type { CheckoutGateway, GatewayPayOutcome, GatewayTransaction } from "../gateway/index.ts";
import type { GatewayPaymentState } from "../gateway/index.ts";
import { createCheckoutHandlers } from "./create-checkout-handlers.ts";
import type { CheckoutHandlerOptions, CheckoutResultEvent } from "./options.ts";
import { createSigner } from "./signing.ts";
import { bindTermUrl } from "./term-url-binding.ts";

const TERM_URL = "https://shop.example/api/3ds/return";
const SECRET = "three-ds-return-test-secret-0123456789";
const ORDER = { amount: 10, currency: "RUB" };

function approval(transactionId: number, change: Partial<GatewayTransaction> = {}): GatewayPayOutcome & GatewayPaymentState {
  return {
    kind: "approved",
    transaction: {
      transactionId,
      amount: 10,
      currency: "RUB",
      invoiceId: "inv-1",
      cardType: "Visa",
      cardLastFour: "4242",
      authCode: "A1",
      status: "Completed",
      captured: true,
      raw: {},
      ...change,
    },
  };
}

/** A gateway that answers post3ds as the real one does with X-Request-ID: a shared key shares the first answer. */
function keyedGateway(genuinePaRes: string) {
  const keys: string[] = [];
  const answers = new Map<string, Promise<GatewayPayOutcome>>();
  const gateway: CheckoutGateway = {
    name: "fake",
    findOutcome: async () => null,
    reverse: async () => false,
    cryptogram: {
      pay: () => Promise.reject(new Error("unused")),
      completeThreeDs({ transactionId, paRes }, { requestId }) {
        const key = requestId ?? `none-${keys.length}`;
        keys.push(key);
        let answer = answers.get(key);
        if (!answer) {
          answer = Promise.resolve<GatewayPayOutcome>(
            paRes === genuinePaRes ? approval(transactionId) : { kind: "invalid", message: "Invalid PaRes" },
          );
          answers.set(key, answer);
        }
        return answer;
      },
    },
  };
  return { gateway, keys };
}

function handlers(gateway: CheckoutGateway, overrides: Partial<CheckoutHandlerOptions> = {}) {
  const events: CheckoutResultEvent[] = [];
  const logs: string[] = [];
  const { threeDsReturn } = createCheckoutHandlers({
    client: gateway,
    secret: SECRET,
    getOrder: (id) => (id === "inv-1" ? ORDER : null),
    termUrl: TERM_URL,
    allowedOrigins: ["https://shop.example"],
    returnUrl: "https://shop.example/done",
    getClientIp: () => "198.51.100.9",
    onResult: (event) => {
      events.push(event);
    },
    logger: { warn: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`), error: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`) },
    ...overrides,
  });
  return { threeDsReturn, events, logs };
}

async function postReturn(handler: (r: Request) => Promise<Response>, transactionId: number, paRes: string, invoiceId = "inv-1") {
  const url = await bindTermUrl(
    TERM_URL,
    { transactionId, invoiceId, attemptId: "cw-attempt-a", expiresAt: Math.floor(Date.now() / 1000) + 600 },
    createSigner(SECRET),
  );
  return handler(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MD: String(transactionId), PaRes: paRes }).toString(),
    }),
  );
}

describe("threeDsReturn post3ds idempotency key", () => {
  it("a forged PaRes posted at the same moment does not share the genuine return's key", async () => {
    const { gateway, keys } = keyedGateway("genuine");
    const { threeDsReturn } = handlers(gateway);
    const [forged, genuine] = await Promise.all([
      postReturn(threeDsReturn, 77, "forged"),
      postReturn(threeDsReturn, 77, "genuine"),
    ]);
    expect(await forged.text()).toContain('"status":"error"');
    expect(await genuine.text()).toContain('"status":"approved"');
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key).toMatch(/^cw-post3ds-77-[0-9a-f]{24}$/);
  });
});

describe("threeDsReturn believes only what matches the order", () => {
  it("a fallback answer of another amount or currency is no approval", async () => {
    for (const change of [{ amount: 9999 }, { currency: "USD" }, { invoiceId: "inv-2" }]) {
      const reversed: number[] = [];
      const gateway: CheckoutGateway = {
        name: "fake",
        cryptogram: { pay: () => Promise.reject(new Error("unused")), completeThreeDs: async () => ({ kind: "invalid", message: "PaRes has already been used" }) },
        findOutcome: async (reference) => approval(Number(reference), change),
        reverse: async (transaction) => {
          reversed.push(Number(transaction.transactionId));
          return true;
        },
      };
      const { threeDsReturn, events } = handlers(gateway);
      const html = await (await postReturn(threeDsReturn, 501, "paRes")).text();
      expect(html, JSON.stringify(change)).toContain('"code":"payment_unconfirmed"');
      expect(html).not.toContain('"status":"approved"');
      expect(events.map((e) => e.result.status)).toEqual(["error"]);
      expect(events[0]?.extraPayment).toEqual({ reason: "mismatch", action: "reversed", transactionId: 501 });
      expect(reversed).toEqual([501]);
    }
  });

  it("asks the fallback only about the transaction its signed TermUrl names", async () => {
    const asked: string[] = [];
    const gateway: CheckoutGateway = {
      name: "fake",
      cryptogram: { pay: () => Promise.reject(new Error("unused")), completeThreeDs: async () => ({ kind: "invalid", message: "Transaction not found" }) },
      findOutcome: async (reference) => {
        asked.push(reference);
        return null;
      },
      reverse: async () => false,
    };
    const { threeDsReturn, events } = handlers(gateway);
    const response = await postReturn(threeDsReturn, 9001, "x");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"code":"payment_rejected"');
    expect(asked).toEqual(["9001"]);
    expect(events.every((e) => e.result.status !== "approved")).toBe(true);
    // A post for an order the shop does not have never reaches the gateway.
    expect((await (await postReturn(threeDsReturn, 9002, "x", "inv-unknown")).text())).toContain('"code":"unknown_order"');
    expect(asked).toEqual(["9001"]);
  });

  it("the gateway's refusal text stays in the log, the page says a fixed text", async () => {
    const gateway: CheckoutGateway = {
      name: "fake",
      cryptogram: { pay: () => Promise.reject(new Error("unused")), completeThreeDs: async () => ({ kind: "invalid", message: "Invalid PaRes: signature check failed" }) },
      findOutcome: async () => null,
      reverse: async () => false,
    };
    const { threeDsReturn, logs } = handlers(gateway);
    const html = await (await postReturn(threeDsReturn, 42, "forged")).text();
    expect(html).not.toContain("signature check failed");
    expect(logs.join("\n")).toContain("signature check failed");
  });
});
