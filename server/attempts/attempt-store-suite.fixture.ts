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
      expect(await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 })).toEqual({ kind: "claimed", lease: expect.any(String), replaced: null });
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

    it("lets the holder renew its own hold only in the stages it names, and only for the same reference", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const first = await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 });
      // A retry of the same attempt passes its own call whose outcome names nothing yet.
      const again = await b.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 120_000, renews: ["call"] });
      expect(again).toMatchObject({ kind: "claimed", replaced: null });
      expect(again.kind === "claimed" && first.kind === "claimed" && again.lease !== first.lease).toBe(true);
      const lease = again.kind === "claimed" ? again.lease : "";
      expect(await a.update(invoice, lease, { stage: "challenge", reference: "tx-1", ttlMs: 60_000 })).toBe(true);
      // Its challenge names tx-1: a claim without that reference (the pay route's retry) does not pass.
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000, renews: ["call"] })).toMatchObject({ kind: "held" });
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 })).toMatchObject({
        kind: "held",
        hold: { attemptId: "A", stage: "challenge", reference: "tx-1" },
      });
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", reference: "tx-2", ttlMs: 60_000 })).toMatchObject({ kind: "held" });
      // Its 3-D Secure return names tx-1 and passes; then it is a call for tx-1 that nothing of A's passes.
      expect(await b.claim(invoice, { attemptId: "A", stage: "call", reference: "tx-1", ttlMs: 60_000, renews: ["challenge"] })).toMatchObject({
        kind: "claimed",
      });
      expect((await a.read(invoice)).hold).toMatchObject({ attemptId: "A", stage: "call", reference: "tx-1", unresolved: false });
      expect(await a.claim(invoice, { attemptId: "A", stage: "call", reference: "tx-1", ttlMs: 60_000, renews: ["challenge"] })).toMatchObject({
        kind: "held",
      });
      expect(await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000, renews: ["call"] })).toMatchObject({ kind: "held" });
    });

    it("fences every change by the lease of the latest claim", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const first = await a.claim(invoice, { attemptId: "A", stage: "challenge", reference: "tx-1", ttlMs: 60_000 });
      const taken = await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["challenge"] });
      if (first.kind !== "claimed" || taken.kind !== "claimed") throw new Error("expected two claims");
      // A's lease is spent: it can neither move the hold back to its challenge nor free B's call.
      expect(await a.update(invoice, first.lease, { stage: "challenge", reference: "tx-1", ttlMs: 60_000 })).toBe(false);
      expect(await a.release(invoice, first.lease)).toBe(false);
      expect((await b.read(invoice)).hold).toMatchObject({ attemptId: "B", stage: "call", reference: null, lease: taken.lease });
      expect(await b.update(invoice, taken.lease, { stage: "challenge", reference: "tx-2", ttlMs: 60_000 })).toBe(true);
      expect((await a.read(invoice)).hold).toMatchObject({ attemptId: "B", stage: "challenge", reference: "tx-2" });
      expect(await b.update(invoice, taken.lease, { stage: "call", ttlMs: 60_000 })).toBe(true);
      expect((await a.read(invoice)).hold).toMatchObject({ stage: "call", reference: "tx-2" });
      expect(await b.release(invoice, taken.lease)).toBe(true);
      expect(await b.update(invoice, taken.lease, { stage: "call", ttlMs: 60_000 })).toBe(false);
      expect((await a.read(invoice)).hold).toBeNull();
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

    it("frees the invoice only for the lease that holds it", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const claimed = await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 60_000 });
      const lease = claimed.kind === "claimed" ? claimed.lease : "";
      expect(await b.release(invoice, "not-the-lease")).toBe(false);
      expect((await a.read(invoice)).hold?.attemptId).toBe("A");
      expect(await b.release(invoice, lease)).toBe(true);
      expect(await a.release(invoice, lease)).toBe(false);
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed" });
    });

    it("a lapsed challenge frees the invoice", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "A", stage: "challenge", reference: "tx-5", ttlMs: 80 });
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "held" });
      await sleep(160);
      expect((await a.read(invoice)).hold).toBeNull();
      expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed", replaced: null });
    });

    it("a lapsed call or hosted hold is unresolved, not free: kept with its reference, for its own attempt too", async () => {
      const [a, b] = stores();
      for (const stage of ["call", "hosted"] as const) {
        const invoice = freshInvoice();
        const reference = stage === "hosted" ? "order-3" : null;
        const crashed = await a.claim(invoice, { attemptId: "crashed", stage, reference, ttlMs: 80 });
        const lease = crashed.kind === "claimed" ? crashed.lease : "";
        await sleep(160);
        const hold = { attemptId: "crashed", stage, reference, lease, remainingMs: 0, unresolved: true };
        expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000, replaces: ["call", "challenge", "hosted"] })).toEqual({
          kind: "unresolved",
          hold,
        });
        expect(await b.claim(invoice, { attemptId: "crashed", stage: "call", ttlMs: 60_000 })).toEqual({ kind: "unresolved", hold });
        expect((await a.read(invoice)).hold).toEqual(hold);
        // Once the gateway said nothing was paid, whoever asked frees it by the hold's lease.
        expect(await b.release(invoice, lease)).toBe(true);
        expect(await b.claim(invoice, { attemptId: "B", stage: "call", ttlMs: 60_000 })).toMatchObject({ kind: "claimed" });
      }
      // Or the gateway said it was paid: the approval is recorded over the unresolved hold.
      const invoice = freshInvoice();
      await a.claim(invoice, { attemptId: "crashed", stage: "call", ttlMs: 50 });
      await sleep(120);
      expect(await b.recordPaid(invoice, paidBy("crashed", "4001"), 60_000)).toEqual({ kind: "recorded" });
      expect(await a.read(invoice)).toEqual({ hold: null, paid: paidBy("crashed", "4001") });
    });

    it("the holder can move its lapsed hold on while nobody has resolved it", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      const claimed = await a.claim(invoice, { attemptId: "A", stage: "call", ttlMs: 50 });
      const lease = claimed.kind === "claimed" ? claimed.lease : "";
      await sleep(120);
      expect(await a.update(invoice, lease, { stage: "challenge", reference: "tx-8", ttlMs: 60_000 })).toBe(true);
      expect((await b.read(invoice)).hold).toMatchObject({ stage: "challenge", reference: "tx-8", unresolved: false });
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

    it("answers a second approval with the first (a duplicate), and the same payment again as recorded", async () => {
      const [a, b] = stores();
      const invoice = freshInvoice();
      expect(await a.recordPaid(invoice, paidBy("A", "1001"), 60_000)).toEqual({ kind: "recorded" });
      expect(await b.recordPaid(invoice, paidBy("B", "1002"), 60_000)).toEqual({ kind: "already_paid", paid: paidBy("A", "1001") });
      expect(await b.recordPaid(invoice, paidBy("A", "1002"), 60_000)).toMatchObject({ kind: "already_paid" });
      expect(await b.recordPaid(invoice, paidBy("A", "1001"), 60_000)).toEqual({ kind: "recorded" });
      // The same payment told by a notification, under another name: still the one payment.
      expect(await b.recordPaid(invoice, paidBy("cw-notified", "1001"), 60_000)).toEqual({ kind: "recorded" });
      expect((await a.read(invoice)).paid).toEqual(paidBy("A", "1001"));
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
