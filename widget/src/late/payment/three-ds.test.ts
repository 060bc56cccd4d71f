// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PayApproved, PayThreeDs, ThreeDsResultMessage } from "../../../../server/contract.ts";
import type { CheckoutOptions } from "../../shared/index.ts";
import { createFakeCrypto, createFakeFetch, json, sequentialIds } from "./fake-endpoint.ts";
import type { FakeAnswer } from "./fake-endpoint.ts";
import { createPaymentController } from "./index.ts";
import type { CardInput, PaymentFlowController } from "../../shared/index.ts";

// The widget sits on the shop's page; the endpoint is on an API host; the return page (termUrl)
// is the merchant's own handler on yet another origin: only that one may report the result.
const TERM_ORIGIN = "https://pay.shop.test";
const challenge: PayThreeDs = {
  status: "3ds",
  transactionId: 777,
  acsUrl: "https://acs.bank.test/challenge",
  paReq: "eJxVUdtu",
  termUrl: `${TERM_ORIGIN}/api/3ds/return`,
  iframeAllowed: true,
  frameWidth: 500,
  frameHeight: 600,
};

const approved: PayApproved = {
  status: "approved",
  transactionId: 777,
  amount: 1500,
  currency: "RUB",
  cardType: "Visa",
  cardLastFour: "4242",
  authCode: "OK1234",
};

const options: CheckoutOptions = {
  publicId: "pk_test_1",
  publicKey: { pem: "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", version: 4 },
  endpoint: "https://api.shop.test/checkout",
  invoiceId: "order-3",
  amount: 1500,
  currency: "RUB",
};

const card: CardInput = { cardNumber: "4242424242424242", expDateMonthYear: "12/30", cvv: "123", name: "IVAN PETROV" };

function resultMessage(result: ThreeDsResultMessage["result"], transactionId = 777): ThreeDsResultMessage {
  return { type: "checkout-widget:3ds-result", version: 1, transactionId, result };
}

function post(data: unknown, origin = TERM_ORIGIN): void {
  window.dispatchEvent(new MessageEvent("message", { data, origin }));
}

async function startThreeDs(
  overrides: Partial<CheckoutOptions> = {},
  answer: FakeAnswer = json(200, challenge),
  more: FakeAnswer[] = [],
): Promise<{ controller: PaymentFlowController; onSuccess: ReturnType<typeof vi.fn>; onFail: ReturnType<typeof vi.fn>; onComplete: ReturnType<typeof vi.fn>; requests: ReturnType<typeof createFakeFetch>["requests"] }> {
  const endpoint = createFakeFetch([answer, ...more]);
  const onSuccess = vi.fn();
  const onFail = vi.fn();
  const onComplete = vi.fn();
  const controller = createPaymentController(
    { ...options, onSuccess, onFail, onComplete, ...overrides },
    { loadCrypto: createFakeCrypto().loadCrypto, fetch: endpoint.fetch, randomId: sequentialIds(), win: window },
  );
  await controller.submit(card);
  return { controller, onSuccess, onFail, onComplete, requests: endpoint.requests };
}

const controllers: PaymentFlowController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.destroy();
  vi.restoreAllMocks();
});

describe("3-D Secure in an iframe", () => {
  it("enters threeDs with the challenge and a unique frame name", async () => {
    const a = await startThreeDs();
    const b = await startThreeDs();
    controllers.push(a.controller, b.controller);
    const state = a.controller.getState();
    expect(state).toMatchObject({ kind: "threeDs", transactionId: 777, mode: "iframe", challenge });
    if (state.kind !== "threeDs") return;
    const other = b.controller.getState();
    expect(other.kind === "threeDs" && other.frameName).not.toBe(state.frameName);
    expect(state.frameName).not.toBe("_top");
    expect(a.onComplete).not.toHaveBeenCalled();
  });

  it("accepts the result from the termUrl origin for this transaction", async () => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    post(resultMessage(approved));
    expect(t.controller.getState()).toEqual({ kind: "approved", result: approved, card: { brand: "visa", lastFour: "4242" } });
    expect(t.onSuccess).toHaveBeenCalledTimes(1);
    const { status: _status, ...payload } = approved;
    expect(t.onSuccess).toHaveBeenCalledWith({ ...payload, invoiceId: "order-3" });
  });

  it.each([
    ["the endpoint's origin", resultMessage(approved), "https://api.shop.test"],
    ["the ACS origin", resultMessage(approved), "https://acs.bank.test"],
    ["the widget page's own origin", resultMessage(approved), window.location.origin],
    ["a look-alike origin", resultMessage(approved), "https://pay.shop.test.evil.test"],
    ["another transaction", resultMessage({ ...approved, transactionId: 778 }, 778), TERM_ORIGIN],
    ["a result naming another transaction", resultMessage({ ...approved, transactionId: 778 }), TERM_ORIGIN],
    ["another message type", { ...resultMessage(approved), type: "checkout-widget:other" }, TERM_ORIGIN],
    ["another contract version", { ...resultMessage(approved), version: 2 }, TERM_ORIGIN],
    ["a string payload", JSON.stringify(resultMessage(approved)), TERM_ORIGIN],
    ["a malformed result", resultMessage({ ...approved, amount: "1500" } as never), TERM_ORIGIN],
    ["a 3ds result", resultMessage(challenge as never), TERM_ORIGIN],
    ["null", null, TERM_ORIGIN],
  ])("ignores a message from %s", async (_name, data, origin) => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    const before = t.controller.getState();
    post(data, origin);
    expect(t.controller.getState()).toBe(before);
    expect(t.onComplete).not.toHaveBeenCalled();
    // The right message still works afterwards: the listener stayed in place.
    post(resultMessage(approved));
    expect(t.controller.getState().kind).toBe("approved");
  });

  it("ends declined from a declined result and fails from an error result", async () => {
    const d = await startThreeDs();
    controllers.push(d.controller);
    post(resultMessage({ status: "declined", reasonCode: 5206, reason: "AuthenticationFailed", message: "Свяжитесь с банком" }));
    expect(d.controller.getState()).toEqual({ kind: "declined", transactionId: 777, reasonCode: 5206, message: "Свяжитесь с банком" });
    expect(d.onFail).toHaveBeenCalledTimes(1);

    const e = await startThreeDs();
    controllers.push(e.controller);
    post(resultMessage({ status: "error", message: "post3ds failed" }));
    expect(e.controller.getState()).toEqual({ kind: "failed", messageKey: "Error_ThreeDs", retrySameRequest: false });
  });

  it("stops listening after the result: a repeated message fires no second callback", async () => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    post(resultMessage(approved));
    post(resultMessage({ status: "declined", transactionId: 777, reasonCode: 5051, reason: "x", message: "y" }));
    expect(t.controller.getState().kind).toBe("approved");
    expect(t.onSuccess).toHaveBeenCalledTimes(1);
    expect(t.onComplete).toHaveBeenCalledTimes(1);
    expect(t.onFail).not.toHaveBeenCalled();
  });

  it("cancel ends declined with 5206, fires the callbacks once, and a late result changes nothing", async () => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    t.controller.cancelThreeDs();
    const cancelled = { kind: "declined", transactionId: 777, reasonCode: 5206, message: "ThreeDs_Cancelled" };
    expect(t.controller.getState()).toEqual(cancelled);
    t.controller.cancelThreeDs();
    post(resultMessage(approved));
    expect(t.controller.getState()).toEqual(cancelled);
    expect(t.onFail).toHaveBeenCalledTimes(1);
    expect(t.onFail).toHaveBeenCalledWith({ invoiceId: "order-3", kind: "declined", transactionId: 777, reasonCode: 5206, message: "ThreeDs_Cancelled" });
    expect(t.onComplete).toHaveBeenCalledTimes(1);
    expect(t.onSuccess).not.toHaveBeenCalled();
  });

  it("after a failed 3-D Secure, retry starts a new attempt with a new id", async () => {
    const t = await startThreeDs({}, json(200, challenge), [json(200, approved)]);
    controllers.push(t.controller);
    post(resultMessage({ status: "declined", transactionId: 777, reasonCode: 5206, reason: "AuthenticationFailed", message: "x" }));
    await t.controller.retry();
    expect(t.controller.getState()).toEqual({ kind: "idle" });
    await t.controller.submit(card);
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", "id-3"]);
    expect(t.controller.getState().kind).toBe("approved");
  });

  it("ignores submit while the 3-D Secure dialog is open", async () => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    await t.controller.submit(card);
    expect(t.requests).toHaveLength(1);
    expect(t.controller.getState().kind).toBe("threeDs");
  });

  it("destroy removes the message listener: a result afterwards changes nothing", async () => {
    const remove = vi.spyOn(window, "removeEventListener");
    const t = await startThreeDs();
    t.controller.destroy();
    expect(remove).toHaveBeenCalledWith("message", expect.any(Function));
    const before = t.controller.getState();
    post(resultMessage(approved));
    expect(t.controller.getState()).toBe(before);
    expect(t.onComplete).not.toHaveBeenCalled();
    t.controller.cancelThreeDs();
    expect(t.controller.getState()).toBe(before);
  });
});

describe("3-D Secure by redirect", () => {
  function captureSubmits(): Array<{ action: string; target: string; method: string; fields: Record<string, string> }> {
    const submits: Array<{ action: string; target: string; method: string; fields: Record<string, string> }> = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      const fields = Object.fromEntries(
        Array.from(this.querySelectorAll("input")).map((input) => [input.name, input.value]),
      );
      submits.push({ action: this.action, target: this.target, method: this.method, fields });
    });
    return submits;
  }

  it("posts the whole page to the ACS when the gateway forbids iframes", async () => {
    const submits = captureSubmits();
    const add = vi.spyOn(window, "addEventListener");
    const t = await startThreeDs({}, json(200, { ...challenge, iframeAllowed: false }));
    controllers.push(t.controller);
    expect(t.controller.getState()).toMatchObject({ kind: "threeDs", mode: "redirect", transactionId: 777 });
    expect(submits).toEqual([
      {
        action: challenge.acsUrl,
        target: "_top",
        method: "post",
        fields: { MD: "777", PaReq: challenge.paReq, TermUrl: challenge.termUrl },
      },
    ]);
    expect(add).not.toHaveBeenCalledWith("message", expect.any(Function));
  });

  it("fails instead of hanging when the page cannot be sent to the ACS", async () => {
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {
      throw new Error("navigation blocked");
    });
    const t = await startThreeDs({ threeDs: "redirect" });
    controllers.push(t.controller);
    expect(t.controller.getState()).toEqual({ kind: "failed", messageKey: "Error_ThreeDs", retrySameRequest: false });
    expect(t.onFail).toHaveBeenCalledTimes(1);
  });

  it("posts the whole page to the ACS when the options ask for redirect mode", async () => {
    const submits = captureSubmits();
    const t = await startThreeDs({ threeDs: "redirect" });
    controllers.push(t.controller);
    expect(t.controller.getState()).toMatchObject({ kind: "threeDs", mode: "redirect" });
    expect(submits.map((s) => s.target)).toEqual(["_top"]);
  });
});
