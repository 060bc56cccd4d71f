// What a stranger (a prober, a card tester, someone holding a victim's TermUrl) can do to a shop
// and its shoppers: not lock their orders, not drive the gateway without limit, not crash a
// route, not learn about orders before being counted. Against the real sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import type { PayThreeDs } from "./contract.ts";
import type { CheckoutOrder } from "./handlers/index.ts";
import { CARDS, postPay, postReturn, startMerchant, type Merchant, type MerchantSetup } from "./merchant.fixture.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox?.close());

let invoices = 0;
function newOrder(m: Merchant, order: CheckoutOrder = { amount: 1500, currency: "RUB" }): string {
  const invoiceId = `inv-str-${Date.now().toString(36)}-${++invoices}`;
  m.orders.set(invoiceId, order);
  return invoiceId;
}
const body = (m: Merchant, invoiceId: string, card: string = CARDS.approved) => ({ cryptogram: m.cryptogram(card), name: "CARD HOLDER", invoiceId });
const junk = (invoiceId: string) => ({ cryptogram: "bm90IGEgY3J5cHRvZ3JhbQ==", name: "X Y", invoiceId });
/** The address a test request claims to come from (the merchant trusts x-real-ip here). */
const from = (ip: string) => ({ requestId: crypto.randomUUID(), origin: null, headers: { "x-real-ip": ip } });
const behindProxy = (extra: MerchantSetup["handlerOptions"] = {}): MerchantSetup => ({ sandbox, handlerOptions: { trustedProxyHeader: "x-real-ip", ...extra } });

describe("a stranger cannot lock another shopper's order", () => {
  it("ten worthless attempts from one address lock that address out of the order, not the shopper", async () => {
    const merchant = await startMerchant(behindProxy());
    try {
      const invoiceId = newOrder(merchant);
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await postPay(merchant, junk(invoiceId), from("203.0.113.9"))).status);
      expect(codes).toEqual([...Array<number>(10).fill(400), 429]);
      const victim = await postPay(merchant, body(merchant, invoiceId), from("198.51.100.7"));
      expect(victim).toMatchObject({ status: 200, json: { status: "approved" } });
    } finally {
      await merchant.close();
    }
  });

  it("many addresses against one order meet its own, far higher cap", async () => {
    const merchant = await startMerchant(behindProxy({ failureLimits: { perInvoice: { max: 4, windowMs: 60_000 } } }));
    try {
      const invoiceId = newOrder(merchant);
      for (let i = 1; i <= 4; i++) expect((await postPay(merchant, junk(invoiceId), from(`203.0.113.${i}`))).status).toBe(400);
      const calls = merchant.gatewayCalls.length;
      expect(await postPay(merchant, body(merchant, invoiceId), from("198.51.100.7"))).toMatchObject({ status: 429, json: { code: "too_many_attempts" } });
      expect(merchant.gatewayCalls.length).toBe(calls);
    } finally {
      await merchant.close();
    }
  });
});

describe("the per-address limit counts one client once", () => {
  it("an IPv6 client counts by its /64 however it spells its address", async () => {
    const merchant = await startMerchant(behindProxy({ failureLimits: { perIp: { max: 2, windowMs: 60_000 }, perInvoiceAndIp: false, perInvoice: false } }));
    try {
      const statuses: number[] = [];
      for (const ip of ["2001:db8::1", "2001:DB8::1", "2001:db8:0::2", "2001:db8::ffff:3"]) {
        statuses.push((await postPay(merchant, junk(newOrder(merchant)), from(ip))).status);
      }
      expect(statuses).toEqual([400, 400, 429, 429]);
      // Another /64 is another client.
      expect((await postPay(merchant, junk(newOrder(merchant)), from("2001:db8:0:1::1"))).status).toBe(400);
    } finally {
      await merchant.close();
    }
  });

  it("warns once when every shopper seems to come from a proxy the kit was not told about", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      for (let i = 0; i < 2; i++) {
        await postPay(merchant, body(merchant, newOrder(merchant)), { requestId: crypto.randomUUID(), headers: { "x-forwarded-for": "203.0.113.50" } });
      }
      expect(merchant.logs.filter((line) => line.includes("trustedProxyHeader is not set"))).toHaveLength(1);
    } finally {
      await merchant.close();
    }
  });
});

describe("a stranger learns nothing about orders for free", () => {
  it("probes of unknown and paid invoices are counted before they are answered", async () => {
    let lookups = 0;
    const orders = new Map<string, CheckoutOrder>();
    const getOrder = async (invoiceId: string) => {
      lookups++;
      return orders.get(invoiceId) ?? null;
    };
    const merchant = await startMerchant({ ...behindProxy({ failureLimits: { perIp: { max: 3, windowMs: 60_000 } }, getOrder }), orders });
    try {
      const paid = newOrder(merchant);
      expect((await postPay(merchant, body(merchant, paid), from("198.51.100.7"))).json.status).toBe("approved");
      orders.set(paid, { amount: 1500, currency: "RUB", paidByRequestId: null });
      const probes = [];
      for (const invoiceId of ["nope-1", paid, "nope-2"]) probes.push((await postPay(merchant, junk(invoiceId), from("203.0.113.9"))).status);
      expect(probes).toEqual([404, 409, 404]);
      const before = lookups;
      expect(await postPay(merchant, junk(paid), from("203.0.113.9"))).toMatchObject({ status: 429 });
      expect(await postPay(merchant, junk("nope-3"), from("203.0.113.9"))).toMatchObject({ status: 429 });
      // Refused before the order was even looked up.
      expect(lookups).toBe(before);
    } finally {
      await merchant.close();
    }
  });
});

describe("one signed TermUrl drives a bounded number of gateway calls", () => {
  it("forged returns of one transaction: five post3ds and one lookup at most, then refused without a gateway call", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      const invoiceId = newOrder(merchant);
      const { json } = await postPay(merchant, body(merchant, invoiceId, CARDS.threeDs), { requestId: crypto.randomUUID() });
      const challenge = json as unknown as PayThreeDs;
      const before = merchant.gatewayCalls.length;
      const codes = new Set<string>();
      for (let i = 0; i < 30; i++) {
        const html = await (await postReturn(challenge.termUrl, { md: String(challenge.transactionId), paRes: `forged-${i}` }, "iframe")).text();
        codes.add(/"code":"(\w+)"/.exec(html)?.[1] ?? "?");
      }
      const made = merchant.gatewayCalls.slice(before);
      expect(made.filter((p) => p === "/payments/cards/post3ds")).toHaveLength(5);
      expect(made.filter((p) => p === "/payments/get")).toHaveLength(1);
      expect(made).toHaveLength(6);
      expect([...codes].sort()).toEqual(["payment_rejected", "too_many_attempts"]);
      // Nothing was charged, and the order is still the shopper's to pay.
      expect(sandbox.transactions().filter((t) => t.InvoiceId === invoiceId && t.Status === "Completed")).toHaveLength(0);
    } finally {
      await merchant.close();
    }
  });

  it("failed returns count against the address too, across transactions", async () => {
    const merchant = await startMerchant(behindProxy({ failureLimits: { perIp: { max: 4, windowMs: 60_000 }, perInvoiceAndIp: false } }));
    try {
      const challenges: PayThreeDs[] = [];
      for (let i = 0; i < 2; i++) {
        const { json } = await postPay(merchant, body(merchant, newOrder(merchant), CARDS.threeDs), from("198.51.100.20"));
        challenges.push(json as unknown as PayThreeDs);
      }
      // Two open challenges count already; two failed returns from the same address fill the limit.
      const post = (c: PayThreeDs, i: number) =>
        fetch(c.termUrl, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "x-real-ip": "198.51.100.20" },
          body: new URLSearchParams({ MD: String(c.transactionId), PaRes: `forged-${i}` }).toString(),
        }).then((r) => r.text());
      const [first, second] = challenges;
      if (!first || !second) throw new Error("no challenges");
      expect(await post(first, 1)).toContain('"code":"payment_rejected"');
      expect(await post(second, 2)).toContain('"code":"payment_rejected"');
      const calls = merchant.gatewayCalls.length;
      expect(await post(first, 3)).toContain('"code":"too_many_attempts"');
      expect(merchant.gatewayCalls.length).toBe(calls);
    } finally {
      await merchant.close();
    }
  });
});

describe("malformed signatures", () => {
  it("a TermUrl with a malformed sig is a bad request, not a crash", async () => {
    const merchant = await startMerchant({ sandbox });
    try {
      for (const sig of ["A", "A".repeat(44), "%00", ""]) {
        const response = await postReturn(`${merchant.termUrl}?tx=1&inv=x&att=y&exp=9999999999&sig=${sig}`, { md: "1", paRes: "x" }, "iframe");
        expect(response.status).toBe(400);
        await response.text();
      }
      expect(merchant.gatewayCalls).toEqual([]);
    } finally {
      await merchant.close();
    }
  });
});
