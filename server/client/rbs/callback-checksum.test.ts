import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rbsCallbackChecksum as sandboxChecksum, startSandbox, type Sandbox } from "../../../sandbox/index.ts";
import { payOnForm, RBS_CARDS, rbsApi, startCallbackServer } from "../../../sandbox/rbs-test-client.ts";
import { rbsCallbackChecksum, verifyRbsCallback } from "./index.ts";

const SECRET = "sandbox-callback-secret";

describe("verifyRbsCallback on notifications the sandbox sends", () => {
  let sandbox: Sandbox;
  let shop: Awaited<ReturnType<typeof startCallbackServer>>;
  let received: URLSearchParams;
  let orderId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    shop = await startCallbackServer();
    const api = rbsApi(sandbox);
    const order = await api.register({ dynamicCallbackUrl: shop.url });
    orderId = order.orderId;
    await payOnForm(order.formUrl, RBS_CARDS.approved);
    const [callback] = await shop.waitFor(1, orderId);
    if (!callback) throw new Error("no callback");
    received = callback.query;
  });
  afterAll(async () => {
    await sandbox.close();
    await shop.close();
  });

  const tampered = (change: (params: URLSearchParams) => void) => {
    const copy = new URLSearchParams(received);
    change(copy);
    return copy;
  };

  it("accepts the genuine one and reads it", async () => {
    expect(await verifyRbsCallback(received, SECRET)).toEqual({
      ok: true,
      callback: { mdOrder: orderId, orderNumber: received.get("orderNumber"), operation: "deposited", status: 1, params: Object.fromEntries(received) },
    });
    // The record form and a lower-case checksum are the same notification.
    const lower = tampered((p) => p.set("checksum", (p.get("checksum") ?? "").toLowerCase()));
    expect((await verifyRbsCallback(Object.fromEntries(lower), SECRET)).ok).toBe(true);
  });

  it("refuses it under another secret", async () => {
    expect(await verifyRbsCallback(received, "another-secret")).toEqual({ ok: false, reason: "bad_checksum" });
  });

  it.each([
    ["a changed status", (p: URLSearchParams) => p.set("status", "0")],
    ["a changed operation", (p: URLSearchParams) => p.set("operation", "refunded")],
    ["another order", (p: URLSearchParams) => p.set("mdOrder", "00000000-0000-4000-8000-000000000000")],
    ["an added parameter", (p: URLSearchParams) => p.set("amount", "1")],
    ["a removed parameter", (p: URLSearchParams) => p.delete("orderNumber")],
    ["one flipped checksum digit", (p: URLSearchParams) => p.set("checksum", flip(p.get("checksum") ?? ""))],
    ["a truncated checksum", (p: URLSearchParams) => p.set("checksum", (p.get("checksum") ?? "").slice(0, 63))],
    ["a checksum that is not hex", (p: URLSearchParams) => p.set("checksum", "Z".repeat(64))],
  ])("refuses %s", async (_name, change) => {
    expect(await verifyRbsCallback(tampered(change), SECRET)).toEqual({ ok: false, reason: "bad_checksum" });
  });

  it("refuses one without a checksum, and a parameter given twice", async () => {
    expect(await verifyRbsCallback(tampered((p) => p.delete("checksum")), SECRET)).toEqual({ ok: false, reason: "no_checksum" });
    expect(await verifyRbsCallback(tampered((p) => p.append("status", "0")), SECRET)).toEqual({ ok: false, reason: "malformed" });
  });

  it("a well-signed notification without the fields it must carry is malformed", async () => {
    const params = { mdOrder: "o-1", orderNumber: "n-1", operation: "deposited", status: "2" };
    const signed = { ...params, checksum: await rbsCallbackChecksum(params, SECRET) };
    expect(await verifyRbsCallback(signed, SECRET)).toEqual({ ok: false, reason: "malformed" });
  });

  it("needs a secret", async () => {
    await expect(verifyRbsCallback(received, "")).rejects.toThrow(TypeError);
  });
});

function flip(hex: string): string {
  const last = hex.at(-1) ?? "0";
  return hex.slice(0, -1) + (last === "0" ? "1" : "0");
}

describe("rbsCallbackChecksum", () => {
  it("agrees with the sandbox's for any parameters", async () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,11}$/);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, fc.string({ maxLength: 40 }), { maxKeys: 8 }), fc.string({ minLength: 1, maxLength: 30 }), async (params, secret) => {
        expect(await rbsCallbackChecksum(params, secret)).toBe(sandboxChecksum(params, secret));
      }),
      { numRuns: 100 },
    );
  });

  it("sorts names by code unit, as the platform's Java does (upper case first)", async () => {
    const params = { b: "2", a: "1", B: "3" };
    const reordered = new Map([["B", "3"], ["a", "1"], ["b", "2"]]);
    expect(await rbsCallbackChecksum(params, "k")).toBe(await rbsCallbackChecksum(reordered, "k"));
    expect(await rbsCallbackChecksum(params, "k")).toBe(sandboxChecksum(params, "k"));
  });

  it("uses Web Crypto only: the module imports nothing, so it runs on edge runtimes", () => {
    const source = readFileSync(new URL("./callback-checksum.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).toContain("crypto.subtle");
  });
});
