import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuthHeader } from "./basic-auth.ts";
import type { Sandbox } from "./index.ts";
import { startSandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

let sandbox: Sandbox;
let api: SandboxClient;
let auth: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = new SandboxClient(sandbox);
  auth = basicAuthHeader(sandbox.publicId, sandbox.apiSecret);
});
afterAll(() => sandbox.close());

async function raw(path: string, body: string, contentType?: string) {
  const headers: Record<string, string> = { Authorization: auth };
  if (contentType !== undefined) headers["Content-Type"] = contentType;
  const response = await fetch(`${sandbox.url}${path}`, { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as { Success: boolean; Message: string } };
}

describe("malformed input gets a 4xx or Success:false, never a crash", () => {
  it.each([
    ["bad JSON", "{\"Amount\": 4242424242424242,", "application/json", 400, "Request body is not valid JSON"],
    ["a JSON array", "[1,2,3]", "application/json", 400, "Request body must be a JSON object"],
    ["a JSON string", "\"hello\"", "application/json; charset=utf-8", 400, "Request body must be a JSON object"],
    ["text/plain", "Amount=10", "text/plain", 415, "Content-Type must be application/json or application/x-www-form-urlencoded"],
    ["multipart", "--x\r\n", "multipart/form-data; boundary=x", 415, "Content-Type must be application/json or application/x-www-form-urlencoded"],
    ["no content type with a body", "Amount=10", undefined, 415, "Content-Type must be application/json or application/x-www-form-urlencoded"],
  ])("%s", async (_label, body, type, status, message) => {
    const r = await raw("/payments/cards/charge", body, type);
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ Success: false, Message: message });
    expect(JSON.stringify(r.body)).not.toContain("4242");
  });

  it("refuses a body over 64 KB with 413", async () => {
    const big = JSON.stringify({ Description: "x".repeat(70 * 1024) });
    const r = await raw("/payments/cards/charge", big, "application/json");
    expect(r.status).toBe(413);
    expect(r.body.Success).toBe(false);
    expect(r.body.Message).toMatch(/64 KB/);
    const streamed = await fetch(`${sandbox.url}/payments/cards/charge`, {
      method: "POST",
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it.each([
    ["NaN", "NaN", "Invalid Amount value"],
    ["Infinity", "Infinity", "Invalid Amount value"],
    ["negative", -1, "Invalid Amount value"],
    ["huge", 1e300, "Invalid Amount value"],
    ["exponent", "1e3", "Invalid Amount value"],
    ["an object", { value: 10 }, "Invalid Amount value"],
    ["a boolean", true, "Invalid Amount value"],
    ["null", null, "Amount is required"],
  ])("an Amount of %s", async (_label, amount, message) => {
    const r = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), Amount: amount });
    expect(r.body).toEqual({ Success: false, Message: message });
  });

  it("refuses JsonData nested deeper than 32 levels with a field message, never a 500", async () => {
    const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    const payment = JSON.stringify(api.payment("4000000000003055"));
    const send = (path: string, jsonData: string, base = payment) =>
      raw(path, `${base.slice(0, -1)},"JsonData":${jsonData}}`, "application/json");
    for (const path of ["/payments/cards/charge", "/payments/refund", "/payments/confirm"]) {
      const base = path === "/payments/cards/charge" ? payment : JSON.stringify({ TransactionId: 1, Amount: 1 });
      const r = await send(path, deep(10_000), base);
      expect(r.status, path).toBe(200);
      expect(r.body, path).toEqual({ Success: false, Message: "Invalid JsonData value" });
    }
    const objects = await send("/payments/cards/charge", '{"a":'.repeat(40) + "1" + "}".repeat(40));
    expect(objects.body).toEqual({ Success: false, Message: "Invalid JsonData value" });
    const fine = await send("/payments/cards/charge", deep(32));
    expect(fine.body).toMatchObject({ Success: true });
  });

  it("refuses arrays and objects where strings belong, in every method", async () => {
    const r1 = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), CardCryptogramPacket: ["a", "b"] });
    expect(r1.body).toEqual({ Success: false, Message: "Invalid CardCryptogramPacket value" });
    const r2 = await api.post("/payments/tokens/charge", { Amount: 1, Currency: "RUB", AccountId: { id: 1 }, Token: "t" });
    expect(r2.body).toEqual({ Success: false, Message: "Invalid AccountId value" });
    const r3 = await api.post("/payments/get", { TransactionId: [1] });
    expect(r3.body).toEqual({ Success: false, Message: "Invalid TransactionId value" });
    const r4 = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), Currency: ["RUB"] });
    expect(r4.body).toEqual({ Success: false, Message: "Currency is not supported" });
    const r5 = await api.post("/payments/cards/charge", { Amount: [1, 2] }, { form: true });
    expect(r5.body).toEqual({ Success: false, Message: "Invalid Amount value" });
  });

  it("treats __proto__ and constructor keys as plain data", async () => {
    const r = await raw("/payments/cards/charge", '{"__proto__":{"Amount":10},"constructor":{"prototype":{}}}', "application/json");
    expect(r.body).toEqual({ Success: false, Message: "Amount is required" });
  });

  it("refuses a too long X-Request-ID and over-long fields", async () => {
    const r = await api.post("/test", {}, { requestId: "x".repeat(300) });
    expect(r.status).toBe(400);
    const long = await api.post("/payments/cards/charge", { ...api.payment("4000000000003055"), Description: "d".repeat(1001) });
    expect(long.body).toEqual({ Success: false, Message: "Description is too long (at most 1000 characters)" });
  });

  it("still answers /test after all of it", async () => {
    expect((await api.post("/test")).body.Success).toBe(true);
  });
});
