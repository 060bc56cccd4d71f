// What every AttemptStore must do, run against each implementation (memory, Redis through
// ioredis, Redis through node-redis). `stores()` gives two handles on one backend: two
// instances of a shop sharing the store.
import { describe, expect, it } from "vitest";
import type { AttemptStore, PaidRecord } from "./attempt-store.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let counter = 0;
const freshInvoice = () => `inv-${Date.now().toString(36)}-${++counter}`;
const paidBy = (attemptId: string, reference: string): PaidRecord => ({ attemptId, reference, captured: true, paidAt: 1_700_000_000_000 });

export function describeAttemptStore(name: string, stores: () => readonly [AttemptStore, AttemptStore]): void {
  describe(`${name}: claims`, () => {
    it("lets one attempt hold an invoice and tells another who holds it", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      expect(await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 })).toEqual({ kind: "claimed", replaced: null });
      const refused = await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["challenge"] });
      expect(refused).toMatchObject({ kind: "held", hold: { attemptId: "A", stage: "call", reference: null } });
      if (refused.kind === "held") {
        expect(refused.hold.remainingMs).toBeGreaterThan(50_000);
        expect(refused.hold.remainingMs).toBeLessThanOrEqual(60_000);
      }
      expect((await b.read(invoice)).hold).toMatchObject({ attemptId: "A", stage: "call" });
      expect((await a.read(freshInvoice())).hold).toBeNull();
    });

    it("of 40 attempts claiming at once through two instances, exactly one wins", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const results = await Promise.all(
        Array.from({ length: 40 }, (_v, i) => (i % 2 ? a : b).claim(invoice, { attemptId: `att-${i}`, stage: "call", ttlMs: 60_000 })),
      );
      expect(results.filter((r) => r.kind === "claimed")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "held")).toHaveLength(39);
    });

    it("renews the holder's own claim and keeps its reference unless a new one is given", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "A", stage: "challenge", reference: "tx-1", ttlMs: 60_000 });
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 120_000 })).toEqual({ kind: "claimed", replaced: null });
      const hold = (await a.read(invoice)).hold;
      expect(hold).toMatchObject({ attemptId: "A", stage: "call", reference: "tx-1" });
      expect(hold?.remainingMs).toBeGreaterThan(60_000);
      await a.claim(invoice, { attemptId: "A", stage: "challenge", reference: "tx-2", ttlMs: 60_000 });
      expect((await b.read(invoice)).hold).toMatchObject({ reference: "tx-2", stage: "challenge" });
    });

    it("lets a new attempt take over only the stages it names", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "A", stage: "challenge", reference: "tx-9", ttlMs: 60_000 });
      const taken = await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["challenge"] });
      expect(taken).toMatchObject({ kind: "claimed", replaced: { attemptId: "A", stage: "challenge", reference: "tx-9" } });
      expect((await a.read(invoice)).hold).toMatchObject({ attemptId: "B", stage: "call", reference: null });
      const hosted = freshInvoice();
      await a.claim(hosted, { attemptId: "A", stage: "hosted", reference: "order-1", ttlMs: 60_000 });
      expect(await b.claim(hosted, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["challenge"] })).toMatchObject({ kind: "held" });
    });

    it("frees the invoice only for its holder", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 });
      expect(await b.release(invoice, "B")).toBe(false);
      expect((await a.read(invoice)).hold?.attemptId).toBe("A");
      expect(await b.release(invoice, "A")).toBe(true);
      expect(await a.release(invoice, "A")).toBe(false);
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed" });
    });

    it("a hold lapses by itself, so a crashed instance's claim frees the invoice", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "crashed", stage: "call", ttlMs: 80 });
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "held" });
      await sleep(160);
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toEqual({ kind: "claimed", replaced: null });
    });

    it("keeps invoices apart whatever their ids contain", async () => {
      const [a, b] = stores();
      const base = freshInvoice();
      await a.claim(`${base}}:hold`, { attemptId: "A", stage: "call", ttlMs: 60_000 });
      expect(await b.claim(base, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed" });
      expect(await b.claim(`${base}{x}`, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed" });
    });
  });

  describe(`${name}: paid records`, () => {
    it("records the first approval, frees the hold, and refuses every later claim with it", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 });
      expect(await a.recordPaid(invoice, paidBy("A", "1001"), 60_000)).toEqual({ kind: "recorded" });
      expect(await b.read(invoice)).toEqual({ hold: null, paid: paidBy("A", "1001") });
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 })).toEqual({ kind: "paid", paid: paidBy("A", "1001") });
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["call", "challenge", "hosted"] })).toMatchObject({ kind: "paid" });
    });

    it("answers a second approval with the first (a duplicate), and the same one again as recorded", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      expect(await a.recordPaid(invoice, paidBy("A", "1001"), 60_000)).toEqual({ kind: "recorded" });
      expect(await b.recordPaid(invoice, paidBy("B", "1002"), 60_000)).toEqual({ kind: "already_paid", paid: paidBy("A", "1001") });
      expect(await b.recordPaid(invoice, paidBy("A", "1002"), 60_000)).toMatchObject({ kind: "already_paid" });
      expect(await b.recordPaid(invoice, paidBy("A", "1001"), 60_000)).toEqual({ kind: "recorded" });
      const held = { attemptId: "A", reference: "77", captured: false, paidAt: 5 };
      const other = freshInvoice();
      await b.recordPaid(other, held, 60_000);
      expect((await a.read(other)).paid).toEqual(held);
    });

    it("of 20 approvals recorded at once through two instances, exactly one is first", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_v, i) => (i % 2 ? a : b).recordPaid(invoice, paidBy(`att-${i}`, `${2000 + i}`), 60_000)),
      );
      expect(results.filter((r) => r.kind === "recorded")).toHaveLength(1);
    });
  });

  describe(`${name}: attempt counters`, () => {
    it("counts up to the limit across instances, then says when the window ends", async () => {
      const [a, b] = stores();
      const key = `ip:${freshInvoice()}`;
      const taken = await Promise.all(Array.from({ length: 8 }, (_v, i) => (i % 2 ? a : b).takeAttempt(key, 5, 60_000)));
      expect(taken.filter((t) => t.kind === "taken")).toHaveLength(5);
      const full = await a.takeAttempt(key, 5, 60_000);
      expect(full.kind).toBe("full");
      if (full.kind === "full") {
        expect(full.retryAfterMs).toBeGreaterThan(50_000);
        expect(full.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
      await b.returnAttempt(key);
      expect(await a.takeAttempt(key, 5, 60_000)).toEqual({ kind: "taken" });
      expect((await a.takeAttempt(key, 5, 60_000)).kind).toBe("full");
      expect(await a.takeAttempt(`${key}-other`, 5, 60_000)).toEqual({ kind: "taken" });
    });

    it("starts again when the window ends, and never counts below zero", async () => {
      const [a, b] = stores();
      const key = `invoice:${freshInvoice()}`;
      await a.returnAttempt(key);
      expect(await a.takeAttempt(key, 1, 80)).toEqual({ kind: "taken" });
      expect((await b.takeAttempt(key, 1, 80)).kind).toBe("full");
      await sleep(160);
      expect(await b.takeAttempt(key, 1, 80)).toEqual({ kind: "taken" });
    });
  });
}
