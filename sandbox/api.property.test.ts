// Fuzzing the sandbox API: random JSON shapes, types, sizes and content types always
// get a 4xx or Success:false with a Message, never a 5xx, and the sandbox still answers /test.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_HANDLERS } from "./api-routes.ts";
import { basicAuthHeader } from "./basic-auth.ts";
import type { Sandbox } from "./index.ts";
import { startSandbox } from "./index.ts";
import { SandboxClient } from "./test-client.ts";

let sandbox: Sandbox;
let api: SandboxClient;
let validPayment: Record<string, unknown>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  api = new SandboxClient(sandbox);
  validPayment = api.payment("4000000000003055");
});
afterAll(() => sandbox.close());

const paths = Object.keys(API_HANDLERS);
const fieldNames = ["Amount", "Currency", "IpAddress", "Name", "CardCryptogramPacket", "TransactionId", "PaRes", "Token", "AccountId", "Id", "Email", "JsonData", "InvoiceId", "Description", "StartDate", "Interval", "Period", "RequireConfirmation"];

const contentTypes = fc.oneof(
  fc.constantFrom("application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml", ""),
  fc.string({ maxLength: 40 }),
);

/** Bodies that look like API requests: known field names with values of any type and size. */
const plausibleObject = fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 12 })), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 2000 }), fc.double()), { maxKeys: 8 });

/** A valid payment with one field replaced by anything. */
const mutatedPayment = fc.record({ field: fc.constantFrom(...Object.keys({ Amount: 1, Currency: 1, IpAddress: 1, Name: 1, CardCryptogramPacket: 1, Email: 1, JsonData: 1 })), value: fc.jsonValue({ maxDepth: 2 }) });

/** Stands for a body over the 64 KB limit (expanded in the property, so a failure report stays short). */
const OVERSIZED = "<oversized body>";

const bodies = fc.oneof(
  plausibleObject.map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? "null"),
  plausibleObject.map((o) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""])).toString()),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constant(OVERSIZED),
);

function isCleanRefusal(status: number, body: unknown): boolean {
  if (status >= 500) return false;
  if (typeof body !== "object" || body === null) return false;
  const { Success, Message, Model } = body as Record<string, unknown>;
  if (typeof Success !== "boolean") return false;
  if (status >= 400) return Success === false && typeof Message === "string" && Message.length > 0;
  // 200 and refused: either a Message, or a Model (declined / 3-D Secure needed).
  return Success || (typeof Message === "string" && Message.length > 0) || (typeof Model === "object" && Model !== null);
}

describe("sandbox API under random input", () => {
  it("answers every random request with a clean refusal or a valid answer, never a 5xx", async () => {
    const auth = basicAuthHeader(sandbox.publicId, sandbox.apiSecret);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), contentTypes, bodies, fc.boolean(), async (path, type, body, withAuth) => {
        const headers: Record<string, string> = {};
        if (withAuth) headers["Authorization"] = auth;
        if (type !== "") headers["Content-Type"] = type;
        const sent = body === OVERSIZED ? "x".repeat(70 * 1024) : body;
        const response = await fetch(`${sandbox.url}${path}`, { method: "POST", headers, body: sent });
        const text = await response.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        expect(isCleanRefusal(response.status, parsed), `${path} ${response.status} ${text.slice(0, 200)}`).toBe(true);
        // The size limit is checked before the credentials.
        if (!withAuth) expect([401, 413]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
    expect((await api.post("/test")).body.Success).toBe(true);
  });

  it("never fails with a 5xx when one field of a valid payment is replaced by anything", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedPayment, fc.boolean(), async ({ field, value }, form) => {
        const r = await api.post("/payments/cards/charge", { ...validPayment, [field]: value }, { form });
        expect(isCleanRefusal(r.status, r.body)).toBe(true);
      }),
      { numRuns: 100 },
    );
    expect((await api.post("/test")).body.Success).toBe(true);
  });

  it("the ACS answers random forms with 200 or a 400 page, never a 5xx", async () => {
    const fields = fc.dictionary(fc.constantFrom("MD", "PaReq", "TermUrl", "code", "action", "lang", "x"), fc.oneof(fc.string({ maxLength: 50 }), fc.webUrl(), fc.nat().map(String)), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/acs", "/acs/complete"), fields, contentTypes, async (path, form, type) => {
        const response = await fetch(`${sandbox.url}${path}`, {
          method: "POST",
          headers: type === "" ? {} : { "Content-Type": type },
          body: new URLSearchParams(form).toString(),
        });
        await response.text();
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
    expect((await api.post("/test")).body.Success).toBe(true);
  });
});
