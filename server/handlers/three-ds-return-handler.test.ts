import { describe, expect, it } from "vitest";
import type { CheckoutGateway, GatewayPayOutcome } from "../gateway/index.ts";
import { createCheckoutHandlers } from "./create-checkout-handlers.ts";

const TERM_URL = "https://shop.example/api/3ds/return";

/** A gateway that answers post3ds as the real one does with X-Request-ID: a shared key shares the first answer. */
function keyedGateway(genuinePaRes: string) {
  const keys: string[] = [];
  const answers = new Map<string, Promise<GatewayPayOutcome>>();
  const gateway: CheckoutGateway = {
    pay: () => Promise.reject(new Error("unused")),
    findOutcome: async () => null,
    completeThreeDs({ transactionId, paRes }, { requestId }) {
      const key = requestId ?? `none-${keys.length}`;
      keys.push(key);
      let answer = answers.get(key);
      if (!answer) {
        answer = Promise.resolve<GatewayPayOutcome>(
          paRes === genuinePaRes
            ? {
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
                  raw: {},
                },
              }
            : { kind: "invalid", message: "Invalid PaRes" },
        );
        answers.set(key, answer);
      }
      return answer;
    },
  };
  return { gateway, keys };
}

function postReturn(handler: (r: Request) => Promise<Response>, transactionId: number, paRes: string) {
  return handler(
    new Request(`${TERM_URL}?tx=${transactionId}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MD: String(transactionId), PaRes: paRes }).toString(),
    }),
  );
}

describe("threeDsReturn post3ds idempotency key", () => {
  it("a forged PaRes posted at the same moment does not share the genuine return's key", async () => {
    const { gateway, keys } = keyedGateway("genuine");
    const { threeDsReturn } = createCheckoutHandlers({
      client: gateway,
      getOrder: () => null,
      termUrl: TERM_URL,
      allowedOrigins: ["https://shop.example"],
      returnUrl: "https://shop.example/done",
      getClientIp: () => "198.51.100.9",
      logger: { warn: () => undefined, error: () => undefined },
    });
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
