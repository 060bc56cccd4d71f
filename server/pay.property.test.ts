// Fuzz: whatever arrives at the endpoint, the answer is a 4xx `{status:"error", message}`,
// never a 5xx, and the endpoint still pays afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS, SHOP_ORIGIN, postPay, startMerchant, type Merchant } from "./merchant.fixture.ts";

let merchant: Merchant;
beforeAll(async () => {
  // Input handling only: the failed-attempt limits have their own tests (charging-once.test.ts).
  merchant = await startMerchant({ handlerOptions: { failureLimits: false } });
});
afterAll(() => merchant.close());

const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);

const payShaped = fc
  .record(
    {
      cryptogram: fc.oneof(anyValue, fc.base64String({ maxLength: 600 })),
      name: anyValue,
      invoiceId: fc.oneof(fc.constant("inv-1"), anyValue),
      email: fc.oneof(anyValue, fc.emailAddress()),
      accountId: anyValue,
      scheme: fc.oneof(fc.constantFrom("charge", "auth"), anyValue),
      saveCard: anyValue,
      amount: anyValue,
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

// Well-formed but for the cryptogram: these reach the gateway, which refuses them.
const reachesGateway = fc
  .record({ cryptogram: fc.base64String({ minLength: 4, maxLength: 800 }), name: fc.constant("CARD HOLDER"), invoiceId: fc.constant("inv-1") })
  .map((value) => JSON.stringify(value));

const body = fc.oneof(
  payShaped,
  reachesGateway,
  fc.json(),
  fc.string(),
  fc.anything().map((value) => {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "";
    }
  }),
  fc.integer({ min: 16 * 1024, max: 40 * 1024 }).map((size) => JSON.stringify({ cryptogram: "A".repeat(size), name: "A", invoiceId: "inv-1" })),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);

const requestId = fc.oneof(
  fc.constant(undefined),
  fc.uuid(),
  fc.stringMatching(/^[\x21-\x7e]{0,120}$/),
);

describe("pay handler fuzz", () => {
  it("answers any body, type and size with a 4xx error, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, requestId, async (text, type, id) => {
        const headers: Record<string, string> = { Origin: SHOP_ORIGIN };
        if (type !== "") headers["Content-Type"] = type;
        if (id !== undefined) headers["X-Request-ID"] = id;
        const response = await fetch(merchant.payUrl, { method: "POST", headers, body: text });
        const answer = (await response.json()) as { status?: unknown; message?: unknown };
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(answer.status).toBe("error");
        expect(typeof answer.message).toBe("string");
        expect(String(answer.message).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    // And bodies the gateway itself must refuse.
    await fc.assert(
      fc.asyncProperty(reachesGateway, fc.uuid(), async (text, id) => {
        const response = await fetch(merchant.payUrl, {
          method: "POST",
          headers: { Origin: SHOP_ORIGIN, "Content-Type": "application/json", "X-Request-ID": id },
          body: text,
        });
        const answer = (await response.json()) as { status?: unknown; message?: unknown };
        expect(response.status).toBe(400);
        expect(answer.status).toBe("error");
        expect(typeof answer.message).toBe("string");
      }),
      { numRuns: 50 },
    );
    expect(merchant.gatewayCalls.length).toBeGreaterThanOrEqual(50);
    const { json } = await postPay(merchant, {
      cryptogram: merchant.cryptogram(CARDS.approved),
      name: "CARD HOLDER",
      invoiceId: "inv-1",
    });
    expect(json.status).toBe("approved");
  });

  it("answers any 3-D Secure return body with a 4xx page, never a 5xx", async () => {
    const form = fc.dictionary(fc.constantFrom("MD", "PaRes", "x"), fc.oneof(fc.string(), fc.nat().map(String)));
    await fc.assert(
      fc.asyncProperty(form, fc.option(fc.nat(), { nil: undefined }), contentType, async (fields, tx, type) => {
        const url = tx === undefined ? merchant.termUrl : `${merchant.termUrl}?tx=${tx}`;
        const headers: Record<string, string> = {};
        if (type !== "") headers["Content-Type"] = type;
        const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
