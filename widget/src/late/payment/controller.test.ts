// @vitest-environment jsdom
import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PayApproved, PayRequestBody } from "../../../../server/contract.ts";
import type { CheckoutOptions } from "../../shared/index.ts";
import type { PaymentControllerDeps } from "./controller.ts";
import type { CardInput, PaymentOutcomeEvent, PaymentState } from "../../shared/index.ts";
import { createFakeCrypto, createFakeFetch, json, sequentialIds } from "./fake-endpoint.ts";
import type { FakeAnswer } from "./fake-endpoint.ts";
import { createPaymentController, createSettledPayments } from "./index.ts";

const PEM = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";

const baseOptions: CheckoutOptions = {
  publicId: "pk_test_1",
  publicKey: { pem: PEM, version: 4 },
  endpoint: "https://shop.test/api/",
  invoiceId: "order-1",
  amount: 1500,
  currency: "RUB",
  accountId: "user-7",
  email: "buyer@shop.test",
  scheme: "charge",
};

const card: CardInput = {
  cardNumber: "4242 4242 4242 4242",
  expDateMonthYear: "12/30",
  cvv: "987",
  name: "IVAN PETROV",
};

const approved: PayApproved = {
  status: "approved",
  transactionId: 101,
  amount: 1500,
  currency: "RUB",
  cardType: "Visa",
  cardLastFour: "4242",
  authCode: "A1B2C3",
};

const declined = {
  status: "declined",
  transactionId: 102,
  reasonCode: 5051,
  reason: "InsufficientFunds",
  message: "Недостаточно средств на карте",
};

function setup(
  script: FakeAnswer[],
  options: Partial<CheckoutOptions> = {},
  deps: Partial<PaymentControllerDeps> = {},
) {
  const endpoint = createFakeFetch(script);
  const crypto = createFakeCrypto();
  const onSuccess = vi.fn();
  const onFail = vi.fn();
  const onComplete = vi.fn();
  const controller = createPaymentController(
    { ...baseOptions, onSuccess, onFail, onComplete, ...options },
    { loadCrypto: crypto.loadCrypto, fetch: endpoint.fetch, randomId: sequentialIds(), ...deps },
  );
  const states: PaymentState["kind"][] = [];
  controller.subscribe((state) => states.push(state.kind));
  const events: PaymentOutcomeEvent[] = [];
  controller.onOutcome((event) => events.push(event));
  return { controller, requests: endpoint.requests, crypto, states, events, onSuccess, onFail, onComplete };
}

function bodyOf(request: { body: string | undefined } | undefined): PayRequestBody {
  return JSON.parse(request?.body ?? "null") as PayRequestBody;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createPaymentController: submit", () => {
  it("posts the cryptogram to {endpoint}/pay and ends approved with brand and last four", async () => {
    const t = setup([json(200, approved)]);
    expect(t.controller.getState()).toEqual({ kind: "idle" });

    await t.controller.submit(card);

    expect(t.states).toEqual(["submitting", "approved"]);
    expect(t.controller.getState()).toEqual({ kind: "approved", result: approved, card: { brand: "visa", lastFour: "4242" } });
    expect(t.requests).toHaveLength(1);
    const [request] = t.requests;
    expect(request?.url).toBe("https://shop.test/api/pay");
    expect(request?.method).toBe("POST");
    expect(request?.headers["x-request-id"]).toBe("id-1");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(bodyOf(request)).toEqual({
      cryptogram: "CRYPTOGRAM-1",
      name: "IVAN PETROV",
      email: "buyer@shop.test",
      invoiceId: "order-1",
      accountId: "user-7",
      scheme: "charge",
      amount: 1500,
    });
    expect(t.crypto.calls[0]?.key).toEqual({ publicId: "pk_test_1", publicKeyPem: PEM, keyVersion: 4 });
  });

  it("shows submitting with the attempt's request id while the answer is on its way", async () => {
    const t = setup([json(200, approved)]);
    const done = t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "submitting", requestId: "id-1" });
    await done;
  });

  it("joins the endpoint without a doubled slash whether or not it ends with one", async () => {
    const t = setup([json(200, approved)], { endpoint: "/api/checkout" });
    await t.controller.submit(card);
    expect(t.requests[0]?.url).toBe("/api/checkout/pay");
  });

  it("uses the shopper's email from the form over the option", async () => {
    const t = setup([json(200, approved)]);
    await t.controller.submit({ ...card, email: "typed@shop.test" });
    expect(bodyOf(t.requests[0]).email).toBe("typed@shop.test");
  });

  it("pays once on a double click: a second submit while busy sends nothing", async () => {
    const t = setup([json(200, approved), json(200, approved)]);
    const first = t.controller.submit(card);
    const second = t.controller.submit(card);
    await Promise.all([first, second]);
    await t.controller.submit(card); // approved: not idle either
    expect(t.requests).toHaveLength(1);
    expect(t.crypto.calls).toHaveLength(1);
  });

  it("ends declined with the reason code and message, and a retry starts a new attempt with a new id", async () => {
    const t = setup([json(200, declined), json(200, approved)]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({
      kind: "declined",
      transactionId: 102,
      reasonCode: 5051,
      message: "Недостаточно средств на карте",
    });

    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    await t.controller.submit(card);

    expect(t.states).toEqual(["submitting", "declined", "idle", "submitting", "approved"]);
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-2"]);
    expect(bodyOf(t.requests[1]).cryptogram).toBe("CRYPTOGRAM-2");
  });

  it("ends failed with Error_Config and sends nothing when there is neither publicKey nor publicKeyUrl", async () => {
    const t = setup([], { publicKey: undefined, publicKeyUrl: undefined });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "config", messageKey: "Error_Config", retrySameRequest: false });
    expect(t.requests).toHaveLength(0);
    expect(t.crypto.calls).toHaveLength(0);
  });

  it("turns a card the cryptogram refuses into failed with the card's error code", async () => {
    const endpoint = createFakeFetch([]);
    const validation = Object.assign(new Error("Card is invalid: CardNumber_Invalid"), {
      name: "CardValidationError",
      errors: { cardNumber: "CardNumber_Invalid" },
    });
    const crypto = createFakeCrypto(() => validation);
    const controller = createPaymentController(baseOptions, { loadCrypto: crypto.loadCrypto, fetch: endpoint.fetch });
    await controller.submit(card);
    expect(controller.getState()).toEqual({ kind: "failed", code: "card_invalid", messageKey: "CardNumber_Invalid", retrySameRequest: false });
    expect(endpoint.requests).toHaveLength(0);
    await controller.retry();
    expect(controller.getState()).toEqual({ kind: "idle" });
  });

  it("ends failed with Error_Crypto when the cryptogram fails for another reason", async () => {
    const endpoint = createFakeFetch([]);
    const crypto = createFakeCrypto(() => new Error("PublicKey_Invalid"));
    const controller = createPaymentController(baseOptions, { loadCrypto: crypto.loadCrypto, fetch: endpoint.fetch });
    await controller.submit(card);
    expect(controller.getState()).toEqual({ kind: "failed", code: "crypto_failed", messageKey: "Error_Crypto", retrySameRequest: false });
  });

  it("ends failed with script_unavailable when the crypto chunk cannot be loaded", async () => {
    const endpoint = createFakeFetch([]);
    const controller = createPaymentController(baseOptions, {
      loadCrypto: () => Promise.reject(new Error("chunk load failed")),
      fetch: endpoint.fetch,
    });
    await controller.submit(card);
    expect(controller.getState()).toEqual({ kind: "failed", code: "script_unavailable", messageKey: "Error_Config", retrySameRequest: false });
    expect(endpoint.requests).toHaveLength(0);
  });

  it("waits for a slow crypto chunk before posting", async () => {
    const endpoint = createFakeFetch([json(200, approved)]);
    const crypto = createFakeCrypto();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const controller = createPaymentController(baseOptions, {
      loadCrypto: async () => {
        await gate;
        return crypto.loadCrypto();
      },
      fetch: endpoint.fetch,
    });
    const done = controller.submit(card);
    await Promise.resolve();
    expect(endpoint.requests).toHaveLength(0);
    expect(controller.getState().kind).toBe("submitting");
    release();
    await done;
    expect(endpoint.requests).toHaveLength(1);
    expect(controller.getState().kind).toBe("approved");
  });
});

describe("createPaymentController: transport failures and retry", () => {
  it("retries a network failure with the same X-Request-ID and the same body, without re-encrypting", async () => {
    const t = setup([{ network: true }, json(200, approved)]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "network", messageKey: "Error_Network", retrySameRequest: true });

    const retried = t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "submitting", requestId: "id-1" });
    await retried;

    expect(t.controller.getState().kind).toBe("approved");
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-1"]);
    expect(t.requests[1]?.body).toBe(t.requests[0]?.body);
    expect(t.crypto.calls).toHaveLength(1);
  });

  it("times out after 30 s by default, aborts the request and retries with the same id", async () => {
    vi.useFakeTimers();
    const t = setup([{ hang: true }, json(200, approved)]);
    const done = t.controller.submit(card);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(t.controller.getState().kind).toBe("submitting");
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "timeout", messageKey: "Error_Timeout", retrySameRequest: true });
    expect(t.requests[0]?.signal?.aborted).toBe(true);

    await t.controller.retry();
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-1"]);
    expect(t.controller.getState().kind).toBe("approved");
  });

  it("honours options.timeoutMs", async () => {
    vi.useFakeTimers();
    const t = setup([{ hang: true }], { timeoutMs: 5000 });
    const done = t.controller.submit(card);
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "timeout", messageKey: "Error_Timeout", retrySameRequest: true });
  });

  it("times out even when fetch ignores its abort signal", async () => {
    vi.useFakeTimers();
    const controller = createPaymentController(
      { ...baseOptions, timeoutMs: 1000 },
      { loadCrypto: createFakeCrypto().loadCrypto, fetch: () => new Promise<Response>(() => undefined) },
    );
    const done = controller.submit(card);
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(controller.getState()).toEqual({ kind: "failed", code: "timeout", messageKey: "Error_Timeout", retrySameRequest: true });
  });

  it("retries a 5xx answer with the same id", async () => {
    const t = setup([json(502, { status: "error", message: "Gateway unavailable" }), json(200, approved)]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "server_error", messageKey: "Error_Server", retrySameRequest: true });
    await t.controller.retry();
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-1"]);
    expect(t.states).toEqual(["submitting", "failed", "submitting", "approved"]);
  });

  it("treats a 4xx refusal as failed without a same-id retry: retry goes back to the form", async () => {
    const t = setup([json(400, { status: "error", message: "Unknown invoice" }), json(200, approved)]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "bad_request", messageKey: "Error_BadRequest", retrySameRequest: false });
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    expect(t.requests).toHaveLength(1);
    await t.controller.submit(card);
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-2"]);
  });

  it.each([
    ["not JSON", { status: 200, body: "<html>Bad gateway</html>" }],
    ["empty body", { status: 200, body: "" }],
    ["JSON null", json(200, null)],
    ["an array", json(200, [approved])],
    ["no status", json(200, { transactionId: 1 })],
    ["an unknown status", json(200, { status: "pending", transactionId: 1 })],
    ["approved without authCode", json(200, { ...approved, authCode: undefined })],
    ["approved with a string transactionId", json(200, { ...approved, transactionId: "101" })],
    ["approved with a string amount", json(200, { ...approved, amount: "1500" })],
    ["declined without reasonCode", json(200, { ...declined, reasonCode: undefined })],
    ["3ds with a javascript: acsUrl", json(200, { status: "3ds", transactionId: 5, acsUrl: "javascript:alert(1)", paReq: "x", termUrl: "https://shop.test/r", iframeAllowed: true })],
    ["3ds without iframeAllowed", json(200, { status: "3ds", transactionId: 5, acsUrl: "https://acs.test", paReq: "x", termUrl: "https://shop.test/r" })],
    ["an error with 200", json(200, { status: "error", message: "x" })],
  ] satisfies Array<[string, FakeAnswer]>)("ends failed, never crashes, on %s", async (name, answer) => {
    const t = setup([answer]);
    await expect(t.controller.submit(card)).resolves.toBeUndefined();
    const state = t.controller.getState();
    expect(state.kind).toBe("failed");
    if (state.kind !== "failed") return;
    // Unreadable answers may hide a payment that went through: only the same id is safe to retry.
    expect(state.retrySameRequest).toBe(true);
    expect(state.messageKey).toBe(name === "an error with 200" ? "Error_Server" : "Error_BadResponse");
    expect(t.onFail).toHaveBeenCalledTimes(1);
  });

  it("goes back to idle on retry from a failure that cannot reuse the request", async () => {
    const t = setup([], { publicKey: undefined });
    await t.controller.submit(card);
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
  });

  it("ignores retry while idle, submitting or approved", async () => {
    const t = setup([json(200, approved)]);
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    const done = t.controller.submit(card);
    await t.controller.retry();
    await done;
    await t.controller.retry();
    expect(t.requests).toHaveLength(1);
    expect(t.controller.getState().kind).toBe("approved");
  });
});

describe("createPaymentController: callbacks", () => {
  it("fires onSuccess and onComplete once with card-free payloads", async () => {
    const t = setup([json(200, approved)]);
    await t.controller.submit(card);
    await t.controller.retry();
    await t.controller.submit(card);

    const { status: _status, ...rest } = approved;
    const success = { ...rest, invoiceId: "order-1" };
    expect(t.onSuccess).toHaveBeenCalledTimes(1);
    expect(t.onSuccess).toHaveBeenCalledWith(success);
    expect(t.onComplete).toHaveBeenCalledTimes(1);
    expect(t.onComplete).toHaveBeenCalledWith({ status: "approved", ...success });
    expect(t.onFail).not.toHaveBeenCalled();
    expect(t.events.map((e) => e.type)).toEqual(["success", "complete"]);
    expect(JSON.stringify(t.events)).not.toContain("4242424242424242");
    expect(JSON.stringify(t.events)).not.toContain("987");
  });

  it("fires onFail and onComplete once per outcome, again for a new outcome after retry", async () => {
    const t = setup([json(200, declined), { network: true }, json(200, approved)], { language: "ru" });
    await t.controller.submit(card);
    const declinedPayload = {
      invoiceId: "order-1",
      kind: "declined",
      code: "declined",
      transactionId: 102,
      reasonCode: 5051,
      message: "Недостаточно средств на карте",
    };
    expect(t.onFail).toHaveBeenCalledTimes(1);
    expect(t.onFail).toHaveBeenLastCalledWith(declinedPayload);
    expect(t.onComplete).toHaveBeenLastCalledWith({ status: "declined", ...declinedPayload });

    await t.controller.retry();
    await t.controller.submit(card);
    expect(t.onFail).toHaveBeenCalledTimes(2);
    expect(t.onFail).toHaveBeenLastCalledWith({ invoiceId: "order-1", kind: "failed", code: "network", message: "Нет связи. Проверьте интернет и попробуйте снова" });

    await t.controller.retry();
    expect(t.onSuccess).toHaveBeenCalledTimes(1);
    expect(t.onComplete).toHaveBeenCalledTimes(3);
    expect(t.events.map((e) => e.type)).toEqual(["fail", "complete", "fail", "complete", "success", "complete"]);
  });

  it("keeps working when a merchant callback throws", async () => {
    const reportError = vi.fn();
    vi.stubGlobal("reportError", reportError);
    try {
      const t = setup([json(200, approved)], {
        onSuccess: () => {
          throw new Error("merchant bug");
        },
      });
      await t.controller.submit(card);
      expect(t.controller.getState().kind).toBe("approved");
      expect(t.onComplete).toHaveBeenCalledTimes(1);
      expect(reportError).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("starts from an initial outcome (redirect return) and announces it once", async () => {
    const t = setup([], {}, { initialOutcome: { kind: "declined", transactionId: 9, reasonCode: 5206, message: "Error_Declined" } });
    expect(t.controller.getState()).toEqual({ kind: "declined", transactionId: 9, reasonCode: 5206, message: "Error_Declined" });
    await Promise.resolve();
    expect(t.onFail).toHaveBeenCalledTimes(1);
    expect(t.onFail).toHaveBeenCalledWith({
      invoiceId: "order-1",
      kind: "declined",
      code: "declined",
      transactionId: 9,
      reasonCode: 5206,
      message: "Contact your bank or use a different card",
    });
    expect(t.events.map((e) => e.type)).toEqual(["fail", "complete"]);
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
  });

  it("announces the initial outcome once, on the next microtask, to the listeners subscribed by then", async () => {
    const endpoint = createFakeFetch([]);
    const onComplete = vi.fn();
    const initialOutcome = { kind: "failed", code: "three_ds_failed", messageKey: "Error_ThreeDs", retrySameRequest: false } as const;
    const controller = createPaymentController(
      { ...baseOptions, onComplete },
      { loadCrypto: createFakeCrypto().loadCrypto, fetch: endpoint.fetch, initialOutcome },
    );
    const heard: string[] = [];
    controller.onOutcome((event) => heard.push(event.type)); // as the host's stand-in does, at once
    expect(heard).toEqual([]);
    await Promise.resolve();
    expect(heard).toEqual(["fail", "complete"]);
    expect(onComplete).toHaveBeenCalledTimes(1);

    // One path only: a listener that comes later is not told an old outcome again.
    const later: string[] = [];
    controller.onOutcome((event) => later.push(event.type));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(later).toEqual([]);
    expect(heard).toEqual(["fail", "complete"]);
  });
});

describe("createPaymentController: public key", () => {
  const keyAnswer = json(200, { Pem: PEM, Version: 7 });

  it("fetches the key from publicKeyUrl once and reuses it for the next attempt", async () => {
    const t = setup([keyAnswer, json(200, declined), json(200, approved)], {
      publicKey: undefined,
      publicKeyUrl: "https://gateway.test/payments/publickey",
    });
    await t.controller.submit(card);
    await t.controller.retry();
    await t.controller.submit(card);
    expect(t.requests.map((r) => r.url)).toEqual([
      "https://gateway.test/payments/publickey",
      "https://shop.test/api/pay",
      "https://shop.test/api/pay",
    ]);
    expect(t.crypto.calls.map((c) => c.key.keyVersion)).toEqual([7, 7]);
    expect(t.crypto.calls[0]?.key.publicKeyPem).toBe(PEM);
  });

  it("asks again on the next attempt after a failed key fetch", async () => {
    const t = setup([{ network: true }, keyAnswer, json(200, approved)], {
      publicKey: undefined,
      publicKeyUrl: "https://gateway.test/payments/publickey",
    });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "network", messageKey: "Error_Network", retrySameRequest: false });
    await t.controller.retry();
    await t.controller.submit(card);
    expect(t.controller.getState().kind).toBe("approved");
    expect(t.requests).toHaveLength(3);
  });

  it.each([
    ["a key without Version", json(200, { Pem: PEM })],
    ["a key that is not PEM", json(200, { Pem: "abc", Version: 1 })],
    ["a Version as text", json(200, { Pem: PEM, Version: "04" })],
    ["not JSON", { status: 200, body: "oops" }],
  ] satisfies Array<[string, FakeAnswer]>)("refuses %s", async (_name, answer) => {
    const t = setup([answer], { publicKey: undefined, publicKeyUrl: "https://gateway.test/payments/publickey" });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "bad_response", messageKey: "Error_BadResponse", retrySameRequest: false });
    expect(t.crypto.calls).toHaveLength(0);
  });

  it("uses deps.getPublicKey once when given", async () => {
    const getPublicKey = vi.fn(async () => ({ pem: PEM, version: 2 }));
    const t = setup([json(200, declined), json(200, approved)], { publicKey: undefined }, { getPublicKey });
    await t.controller.submit(card);
    await t.controller.retry();
    await t.controller.submit(card);
    expect(getPublicKey).toHaveBeenCalledTimes(1);
    expect(t.crypto.calls.map((c) => c.key.keyVersion)).toEqual([2, 2]);
  });

  it("preload starts the key fetch and the chunk load before submit", async () => {
    const loadCrypto = vi.fn(createFakeCrypto().loadCrypto);
    const t = setup([keyAnswer, json(200, approved)], { publicKey: undefined, publicKeyUrl: "https://gateway.test/k" }, { loadCrypto });
    t.controller.preload();
    expect(loadCrypto).toHaveBeenCalledTimes(1);
    expect(t.requests.map((r) => r.url)).toEqual(["https://gateway.test/k"]);
    await t.controller.submit(card);
    expect(t.requests).toHaveLength(2);
    expect(t.controller.getState().kind).toBe("approved");
  });
});

describe("createPaymentController: destroy", () => {
  it("aborts the request in flight; nothing changes and no callback fires afterwards", async () => {
    const t = setup([{ hang: true }]);
    const done = t.controller.submit(card);
    await vi.waitFor(() => expect(t.requests).toHaveLength(1));
    t.controller.destroy();
    await done;
    expect(t.requests[0]?.signal?.aborted).toBe(true);
    expect(t.controller.getState().kind).toBe("submitting");
    expect(t.states).toEqual(["submitting"]);
    expect(t.onComplete).not.toHaveBeenCalled();

    await t.controller.submit(card);
    await t.controller.retry();
    expect(t.requests).toHaveLength(1);
  });

  it("clears the timeout timer", async () => {
    vi.useFakeTimers();
    const t = setup([{ hang: true }]);
    const done = t.controller.submit(card);
    await vi.advanceTimersByTimeAsync(10);
    t.controller.destroy();
    await done;
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("createPaymentController: card data", () => {
  it("sends the PAN and CVC only inside the cryptogram (real cryptogram module)", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const endpoint = createFakeFetch([{ network: true }, json(200, approved)]);
    const events: PaymentOutcomeEvent[] = [];
    const states: PaymentState[] = [];
    const controller = createPaymentController(
      { ...baseOptions, publicKey: { pem, version: 1 } },
      { loadCrypto: () => import("../../cryptogram/index.ts"), fetch: endpoint.fetch, randomId: sequentialIds() },
    );
    controller.subscribe((s) => states.push(s));
    controller.onOutcome((e) => events.push(e));
    const secretCard: CardInput = { cardNumber: "5555 5555 5555 4444", expDateMonthYear: "11/31", cvv: "314", name: "ANNA SMIRNOVA" };
    await controller.submit(secretCard);
    await controller.retry();

    expect(controller.getState().kind).toBe("approved");
    expect(endpoint.requests).toHaveLength(2);
    for (const request of endpoint.requests) {
      const body = bodyOf(request);
      expect(typeof body.cryptogram).toBe("string");
      expect(body.cryptogram).not.toContain("5555555555554444");
      const { cryptogram: _c, ...rest } = body;
      const outside = JSON.stringify(rest) + JSON.stringify(request.headers) + request.url;
      expect(outside).not.toMatch(/5555\s?5555\s?5555\s?4444/);
      expect(outside).not.toContain("314");
    }
    const visible = JSON.stringify(states) + JSON.stringify(events);
    expect(visible).not.toContain("5555555555554444");
    expect(visible).not.toContain("5555 5555 5555 4444");
    expect(visible).not.toContain("314");
    expect(controller.getState()).toMatchObject({ card: { brand: "mastercard", lastFour: "4444" } });
  });
});

describe("createPaymentController: the endpoint's error codes", () => {
  const error = (code: string, message = "x") => ({ status: "error", code, message });

  it("409 already_paid: the order shows as paid, onFail says already_paid, and nothing can pay it again", async () => {
    const t = setup([json(409, error("already_paid", "This order is already paid"))], { language: "en" });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "paid" });
    const payload = { invoiceId: "order-1", kind: "failed", code: "already_paid", message: "This order is already paid" };
    expect(t.onFail).toHaveBeenCalledWith(payload);
    expect(t.onComplete).toHaveBeenCalledWith({ status: "failed", ...payload });
    await t.controller.retry();
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "paid" });
    expect(t.requests).toHaveLength(1);
  });

  it("409 payment_in_progress is its own failure, not 'already paid': a retry starts a new attempt later", async () => {
    const t = setup([json(409, error("payment_in_progress")), json(200, approved)], { language: "ru" });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "payment_in_progress", messageKey: "Error_InProgress", retrySameRequest: false });
    expect(t.onFail).toHaveBeenCalledWith({
      invoiceId: "order-1",
      kind: "failed",
      code: "payment_in_progress",
      message: "Платёж по этому заказу уже выполняется. Подождите минуту и проверьте заказ",
    });
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    await t.controller.submit(card);
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-2"]);
  });

  it("a 409 without a code still means paid (endpoints before stable codes)", async () => {
    const t = setup([json(409, { status: "error", message: "Already paid" })]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "paid" });
  });

  it.each([
    ["en", "900", "Too many payment attempts. Try again in 15 minutes"],
    ["en", "45", "Too many payment attempts. Try again in 1 minute"],
    ["ru", "900", "Слишком много попыток оплаты. Попробуйте снова через 15 минут"],
    ["ru", "120", "Слишком много попыток оплаты. Попробуйте снова через 2 минуты"],
    ["ru", "1260", "Слишком много попыток оплаты. Попробуйте снова через 21 минуту"],
  ] as const)("429 too_many_attempts (%s, Retry-After %s s): %s; not re-sent as a server error", async (language, retryAfter, text) => {
    const t = setup([json(429, error("too_many_attempts"), { "Retry-After": retryAfter })], { language });
    await t.controller.submit(card);
    expect(t.controller.getState()).toMatchObject({ kind: "failed", code: "too_many_attempts", retrySameRequest: false, retryAfter: Number(retryAfter) });
    expect(t.onFail).toHaveBeenCalledWith({ invoiceId: "order-1", kind: "failed", code: "too_many_attempts", message: text, retryAfter: Number(retryAfter) });
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    expect(t.requests).toHaveLength(1);
  });

  it("a 429 without the kit's code or Retry-After: too many attempts, try later", async () => {
    const t = setup([{ status: 429, body: "Too Many Requests" }], { language: "en" });
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "too_many_attempts", messageKey: "Error_TooManyAttempts", retrySameRequest: false });
    expect(t.onFail).toHaveBeenCalledWith(expect.objectContaining({ message: "Too many payment attempts. Try again later" }));
  });

  it.each([
    ["payment_rejected", 400, "Error_Rejected", false],
    ["gateway_unavailable", 502, "Error_Server", true],
    ["payment_unconfirmed", 502, "Error_Unconfirmed", false],
    ["unknown_order", 404, "Error_BadRequest", false],
    ["order_unavailable", 500, "Error_Server", true],
  ] as const)("%s (%i) is failed with that code and its own text", async (code, status, messageKey, retrySameRequest) => {
    const t = setup([json(status, error(code))]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code, messageKey, retrySameRequest });
    expect(t.onFail).toHaveBeenCalledWith(expect.objectContaining({ code }));
  });

  it("an unknown code is read by the HTTP status", async () => {
    const t = setup([json(503, error("brand_new_code"))]);
    await t.controller.submit(card);
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "server_error", messageKey: "Error_Server", retrySameRequest: true });
  });

  it("a decline's message is the widget's text in its language, never the gateway's words", async () => {
    const t = setup([json(200, declined)], { language: "en" });
    await t.controller.submit(card);
    expect(t.onFail).toHaveBeenCalledWith(expect.objectContaining({ code: "declined", reasonCode: 5051, message: "Insufficient funds on the card" }));
    const overridden = setup([json(200, declined)], { language: "en", texts: { R_5051: "Top up your card" } });
    await overridden.controller.submit(card);
    expect(overridden.onFail).toHaveBeenCalledWith(expect.objectContaining({ message: "Top up your card" }));
  });
});

describe("createPaymentController: what this page has seen paid", () => {
  it("a widget opened again for a paid order starts in its answer, and says nothing again", async () => {
    const settled = createSettledPayments();
    const first = setup([json(200, approved)], {}, { settled });
    await first.controller.submit(card);
    expect(first.onSuccess).toHaveBeenCalledTimes(1);

    const again = setup([], {}, { settled });
    expect(again.controller.getState()).toEqual(first.controller.getState());
    await Promise.resolve();
    expect(again.events).toEqual([]);
    await again.controller.submit(card);
    expect(again.controller.getState().kind).toBe("approved");

    const other = setup([], { invoiceId: "order-2" }, { settled });
    expect(other.controller.getState()).toEqual({ kind: "idle" });
  });

  it("remembers an order the endpoint says is paid; forgets nothing that was not paid", async () => {
    const settled = createSettledPayments();
    const paid = setup([json(409, { status: "error", code: "already_paid", message: "x" })], {}, { settled });
    await paid.controller.submit(card);
    expect(setup([], {}, { settled }).controller.getState()).toEqual({ kind: "paid" });

    const fresh = createSettledPayments();
    const declinedOnce = setup([json(200, declined)], {}, { settled: fresh });
    await declinedOnce.controller.submit(card);
    expect(setup([], {}, { settled: fresh }).controller.getState()).toEqual({ kind: "idle" });
  });
});

describe("a saved card", () => {
  const choice = { body: { invoiceId: "order-1", savedCardId: "card-1", email: "buyer@shop.test" }, card: { brand: "Visa", lastFour: "4242" } };

  it("posts its body as given with an X-Request-ID and the session cookie: no cryptogram, no key", async () => {
    const { controller, requests, crypto, onSuccess } = setup([json(200, approved)]);
    await controller.submit(choice);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe("https://shop.test/api/pay");
    expect(requests[0]?.headers["x-request-id"]).toBe("id-1");
    expect(JSON.parse(requests[0]?.body ?? "{}")).toEqual({ invoiceId: "order-1", savedCardId: "card-1", email: "buyer@shop.test" });
    expect(requests[0]?.credentials).toBe("include");
    expect(crypto.calls).toHaveLength(0);
    expect(controller.getState()).toMatchObject({ kind: "approved", card: { brand: "Visa", lastFour: "4242" } });
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it("a 3-D Secure answer opens the challenge as for the card form", async () => {
    const { controller } = setup([json(200, { status: "3ds", transactionId: 7, acsUrl: "https://acs.test/3ds", paReq: "x", termUrl: "https://shop.test/r", iframeAllowed: true })]);
    await controller.submit(choice);
    expect(controller.getState()).toMatchObject({ kind: "threeDs", transactionId: 7, mode: "iframe" });
  });

  it("a lost answer is retried with the same request id and body", async () => {
    const { controller, requests } = setup([{ status: 502, body: "" }, json(200, approved)]);
    await controller.submit(choice);
    expect(controller.getState()).toMatchObject({ kind: "failed", retrySameRequest: true });
    await controller.retry();
    expect(requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-1"]);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(controller.getState().kind).toBe("approved");
  });

  it("unknown_saved_card fails with its code (the list drops the card) and is a new attempt next time", async () => {
    const { controller } = setup([json(404, { status: "error", code: "unknown_saved_card", message: "no" })]);
    await controller.submit(choice);
    expect(controller.getState()).toMatchObject({ kind: "failed", code: "unknown_saved_card", retrySameRequest: false });
  });
});

describe("Save this card", () => {
  it("sends saveCard: true with the cryptogram only when ticked", async () => {
    const { controller, requests } = setup([json(200, declined), json(200, approved)]);
    await controller.submit({ ...card, saveCard: true });
    await controller.retry();
    await controller.submit({ ...card, saveCard: false });
    const bodies = requests.map((r) => JSON.parse(r.body ?? "{}") as PayRequestBody);
    expect(bodies[0]?.saveCard).toBe(true);
    expect(bodies[1]).not.toHaveProperty("saveCard");
  });
});
