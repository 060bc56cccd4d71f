// @vitest-environment jsdom
import { constants, generateKeyPairSync, privateDecrypt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createCpCheckoutClass, readBoundFields } from "./cp-checkout.ts";
import type { CpCheckoutErrors } from "./cp-checkout.ts";
import { setLateSource } from "./late.ts";
import { useTestLate } from "./test-page.ts";

let publicPem = "";
let privatePem = "";
beforeAll(() => {
  const pair = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  publicPem = pair.publicKey;
  privatePem = pair.privateKey;
});

afterEach(() => {
  document.body.innerHTML = "";
});

/** Node refuses PKCS#1 v1.5 private decryption: decrypt raw and strip 00 02 <non-zero pad> 00 ourselves. */
function decryptPacket(cryptogram: string): { packet: Record<string, unknown>; plaintext: string } {
  const packet = JSON.parse(Buffer.from(cryptogram, "base64").toString("utf8")) as Record<string, unknown>;
  const block = privateDecrypt({ key: privatePem, padding: constants.RSA_NO_PADDING }, Buffer.from(String(packet.Value), "base64"));
  expect(block[0]).toBe(0);
  expect(block[1]).toBe(2);
  const end = block.indexOf(0, 2);
  expect(end).toBeGreaterThanOrEqual(10);
  return { packet, plaintext: block.subarray(end + 1).toString("ascii") };
}

function fixture(html: string): HTMLElement {
  const form = document.createElement("form");
  form.innerHTML = html;
  document.body.appendChild(form);
  return form;
}

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, "0");
let late = useTestLate({ cryptogram: "real" });
const Checkout = createCpCheckoutClass();

async function rejection(promise: Promise<unknown>): Promise<CpCheckoutErrors> {
  try {
    await promise;
  } catch (error) {
    return error as CpCheckoutErrors;
  }
  throw new Error("expected a rejection");
}

describe("cp.Checkout", () => {
  it("reads data-cp inputs and resolves a cryptogram the gateway key can open", async () => {
    const container = fixture(`
      <input data-cp="cardNumber" value="4242 4242 4242 4242">
      <input data-cp="expDateMonth" value="12">
      <input data-cp="expDateYear" value="${nextYear}">
      <input data-cp="cvv" value="123">
      <input data-cp="name" value="IVAN PETROV">`);
    const checkout = new Checkout({ publicId: "pk_test_1", container, publicKey: { pem: publicPem, version: 4 } });
    const cryptogram = await checkout.createPaymentCryptogram();
    const { packet, plaintext } = decryptPacket(cryptogram);
    expect(plaintext).toBe(`4242424242424242@${nextYear}12@123@pk_test_1`);
    expect(packet).toMatchObject({
      Type: "CloudCard",
      KeyVersion: "04",
      CardInfo: { FirstSixDigits: "424242", LastFourDigits: "4242", ExpDateYear: nextYear, ExpDateMonth: "12" },
    });
  });

  it("accepts the legacy positional constructor and field values passed in", async () => {
    const container = fixture(`<input data-cp="cardNumber" value="5555555555554444"><input data-cp="cvv" value="999">`);
    const checkout = new Checkout("pk_legacy", container, { publicKey: { pem: publicPem, version: 4 } });
    // Passed values win over bound ones.
    const cryptogram = await checkout.createPaymentCryptogram({ expDateMonthYear: `01/${nextYear}`, cvv: "321" });
    expect(decryptPacket(cryptogram).plaintext).toBe(`5555555555554444@${nextYear}01@321@pk_legacy`);
    // Without a key (checkout.js knows its own; we must be told) construction fails loudly.
    expect(() => new Checkout("pk_legacy", container)).toThrow(/publicKey/);
  });

  // The card check is late code (a cryptogram waits for it anyway): invalid fields reject once it
  // has loaded, with codes only, and never fetch the key.
  it("rejects with codes per field, before fetching the key", async () => {
    late = useTestLate({ cryptogram: "real" });
    const fetchKey = vi.fn(async () => new Response(JSON.stringify({ Pem: publicPem, Version: 7 })));
    const WithFetch = createCpCheckoutClass({ fetch: fetchKey as unknown as typeof fetch });
    const container = fixture(`
      <input data-cp="cardNumber" value="4242 4242 4242 4241">
      <input data-cp="expDateMonthYear" value="">
      <input data-cp="cvv" value="1">`);
    const checkout = new WithFetch({ publicId: "pk", container, publicKeyUrl: "/payments/publickey" });
    expect(await rejection(checkout.createPaymentCryptogram())).toEqual({
      cardNumber: "CardNumber_Invalid",
      expDateMonthYear: "ExpDateMonthYear_Empty",
      cvv: "Cvv_Invalid",
    });
    expect(late.load).toHaveBeenCalledTimes(1);
    expect(fetchKey).not.toHaveBeenCalled();
  });

  it("reads the bound inputs when called, not when the chunk arrives", async () => {
    let arrive: () => void = () => undefined;
    setLateSource(() => new Promise<void>((resolve) => (arrive = resolve)).then(() => import("../late/index.ts")));
    const Slow = createCpCheckoutClass();
    const container = fixture(`<input data-cp="cardNumber" value="4242424242424242"><input data-cp="expDateMonthYear" value="12/${nextYear}"><input data-cp="cvv" value="123">`);
    const checkout = new Slow({ publicId: "pk", container, publicKey: { pem: publicPem, version: 4 } });
    const pending = checkout.createPaymentCryptogram();
    (container.querySelector('[data-cp="cvv"]') as HTMLInputElement).value = "";
    arrive();
    expect(decryptPacket(await pending).plaintext).toBe(`4242424242424242@${nextYear}12@123@pk`);
  });

  it("gives separate month and year inputs their own codes", async () => {
    const container = fixture(`
      <input data-cp="cardNumber" value="4242424242424242">
      <input data-cp="expDateMonth" value="13">
      <input data-cp="expDateYear" value="">
      <input data-cp="cvv" value="">`);
    const checkout = new Checkout({ publicId: "pk", container, publicKey: { pem: publicPem, version: 4 } });
    expect(await rejection(checkout.createPaymentCryptogram())).toEqual({
      expDateMonth: "ExpDateMonth_Invalid",
      expDateYear: "ExpDateYear_Empty",
      cvv: "Cvv_Empty",
    });
    const lastYear = String((new Date().getFullYear() - 1) % 100).padStart(2, "0");
    expect(
      await rejection(checkout.createPaymentCryptogram({ expDateMonth: "", expDateYear: lastYear, cvv: "123" })),
    ).toEqual({ expDateMonth: "ExpDateMonth_Empty" });
    expect(
      await rejection(checkout.createPaymentCryptogram({ expDateMonth: "01", expDateYear: lastYear, cvv: "123" })),
    ).toEqual({ expDateYear: "ExpDateYear_Invalid" });
  });

  it("checks the name only when a name field is bound or given", async () => {
    const checkout = new Checkout({ publicId: "pk", publicKey: { pem: publicPem, version: 4 } });
    const card = { cardNumber: "4242424242424242", expDateMonthYear: `12/${nextYear}`, cvv: "123" };
    await expect(checkout.createPaymentCryptogram(card)).resolves.toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(await rejection(checkout.createPaymentCryptogram({ ...card, name: "" }))).toEqual({ name: "Name_Empty" });
  });

  it("parses expDateMonthYear by checkout.js's digit rule", async () => {
    const checkout = new Checkout({ publicId: "pk", publicKey: { pem: publicPem, version: 4 } });
    const cryptogram = await checkout.createPaymentCryptogram({
      cardNumber: "4242424242424242",
      expDateMonthYear: `3${nextYear}`, // 3 digits: the first is the month
      cvv: "123",
    });
    expect(decryptPacket(cryptogram).plaintext).toBe(`4242424242424242@${nextYear}03@123@pk`);
  });

  it("fetches { Pem, Version } from publicKeyUrl once", async () => {
    const fetchKey = vi.fn(async () => new Response(JSON.stringify({ Pem: publicPem, Version: 7 })));
    const WithFetch = createCpCheckoutClass({ fetch: fetchKey as unknown as typeof fetch });
    const checkout = new WithFetch({ publicId: "pk", publicKeyUrl: "/payments/publickey" });
    const card = { cardNumber: "4242424242424242", expDateMonthYear: `12${nextYear}`, cvv: "123" };
    const first = decryptPacket(await checkout.createPaymentCryptogram(card));
    await checkout.createPaymentCryptogram(card);
    expect(first.packet.KeyVersion).toBe("07");
    expect(fetchKey).toHaveBeenCalledTimes(1);
  });

  // The payment flow's key source: the same answer check and timeout; a failure is asked again.
  it("rejects when the key cannot be had, saying why, and asks again on the next call", async () => {
    const answers = [new Response("busy", { status: 503 }), new Response(JSON.stringify({ Pem: "not a key", Version: 7 })), new Response(JSON.stringify({ Pem: publicPem, Version: 7 }))];
    const fetchKey = vi.fn(async () => answers.shift() ?? new Response("", { status: 500 }));
    const WithFetch = createCpCheckoutClass({ fetch: fetchKey as unknown as typeof fetch });
    const checkout = new WithFetch({ publicId: "pk", publicKeyUrl: "/payments/publickey" });
    const card = { cardNumber: "4242424242424242", expDateMonthYear: `12${nextYear}`, cvv: "123" };
    await expect(checkout.createPaymentCryptogram(card)).rejects.toThrow("could not get the public key (server_error)");
    await expect(checkout.createPaymentCryptogram(card)).rejects.toThrow("could not get the public key (bad_response)");
    expect(decryptPacket(await checkout.createPaymentCryptogram(card)).plaintext).toBe(`4242424242424242@${nextYear}12@123@pk`);
    expect(fetchKey).toHaveBeenCalledTimes(3);
    expect((fetchKey.mock.calls[0] as unknown as [string, RequestInit])[1].signal).toBeInstanceOf(AbortSignal);
  });

  it("refuses construction without a Public ID or a key, naming what is missing", () => {
    expect(() => new Checkout({ publicId: "" })).toThrow(/publicId/);
    expect(() => new Checkout({ publicId: "pk" })).toThrow(/publicKey.*publicKeyUrl/);
  });
});

describe("readBoundFields", () => {
  it("reads only the fields that are present", () => {
    const container = fixture(`<input data-cp="cardNumber" value="1"><input data-cp="cvv" value="2"><input name="other" value="3">`);
    expect(readBoundFields(container)).toEqual({ cardNumber: "1", cvv: "2" });
    expect(readBoundFields(null)).toEqual({});
  });
});
