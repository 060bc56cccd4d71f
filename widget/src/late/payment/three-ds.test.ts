// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PayApproved, PayThreeDs, ThreeDsResultMessage } from "../../../../server/contract.ts";
import type { CheckoutOptions } from "../../shared/index.ts";
import { createFakeCrypto, createFakeFetch, json, sequentialIds } from "./fake-endpoint.ts";
import type { FakeAnswer } from "./fake-endpoint.ts";
import { createPaymentController } from "./index.ts";
import type { PaymentControllerDeps } from "./index.ts";
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

/** The dialog's frame: the window the merchant's return page posts from. */
let frame: HTMLIFrameElement;

function frameWindow(): Window {
  if (!frame.contentWindow) throw new Error("the test frame has no window");
  return frame.contentWindow;
}

function post(data: unknown, origin = TERM_ORIGIN, source: Window | null = frameWindow()): void {
  window.dispatchEvent(new MessageEvent("message", { data, origin, source }));
}

type Spy = ReturnType<typeof vi.fn>;

async function startThreeDs(
  overrides: Partial<CheckoutOptions> = {},
  answer: FakeAnswer = json(200, challenge),
  more: FakeAnswer[] = [],
  { attach = true, deps = {} }: { attach?: boolean; deps?: Partial<PaymentControllerDeps> } = {},
): Promise<{ controller: PaymentFlowController; onSuccess: Spy; onFail: Spy; onComplete: Spy; onCancel: Spy; requests: ReturnType<typeof createFakeFetch>["requests"] }> {
  const endpoint = createFakeFetch([answer, ...more]);
  const onSuccess = vi.fn();
  const onFail = vi.fn();
  const onComplete = vi.fn();
  const onCancel = vi.fn();
  const controller = createPaymentController(
    { ...options, onSuccess, onFail, onComplete, onCancel, ...overrides },
    { loadCrypto: createFakeCrypto().loadCrypto, fetch: endpoint.fetch, randomId: sequentialIds(), win: window, ...deps },
  );
  await controller.submit(card);
  // As the dialog does once its frame is in the document.
  if (attach) controller.attachThreeDsFrame(frameWindow());
  return { controller, onSuccess, onFail, onComplete, onCancel, requests: endpoint.requests };
}

const controllers: PaymentFlowController[] = [];
beforeEach(() => {
  frame = document.createElement("iframe");
  document.body.append(frame);
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.destroy();
  vi.restoreAllMocks();
  document.body.textContent = "";
  sessionStorage.clear();
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

    const e = await startThreeDs({ language: "ru" });
    controllers.push(e.controller);
    post(resultMessage({ status: "error", message: "post3ds failed" }));
    expect(e.controller.getState()).toEqual({ kind: "failed", code: "three_ds_failed", messageKey: "Error_ThreeDs", retrySameRequest: false });
    expect(e.onFail).toHaveBeenCalledWith(expect.objectContaining({ code: "three_ds_failed", message: "Банк не смог подтвердить платёж. Попробуйте снова" }));
  });

  it("an error result with the kit's code: already_paid shows the order paid, others their own failure", async () => {
    const paid = await startThreeDs({ language: "ru" });
    controllers.push(paid.controller);
    post(resultMessage({ status: "error", code: "already_paid", message: "This order is already paid" }));
    expect(paid.controller.getState()).toEqual({ kind: "paid" });
    expect(paid.onFail).toHaveBeenCalledWith({ invoiceId: "order-3", kind: "failed", code: "already_paid", message: "Этот заказ уже оплачен" });
    await paid.controller.retry();
    expect(paid.controller.getState()).toEqual({ kind: "paid" });

    const busy = await startThreeDs({ language: "en" });
    controllers.push(busy.controller);
    post(resultMessage({ status: "error", code: "gateway_unavailable", message: "x" }));
    // Nothing to send again after the bank's page: a retry is a new attempt from the form.
    expect(busy.controller.getState()).toEqual({ kind: "failed", code: "gateway_unavailable", messageKey: "Error_Server", retrySameRequest: false });
    expect(busy.onFail).toHaveBeenCalledWith(expect.objectContaining({ code: "gateway_unavailable", message: "The payment service is unavailable. Try again later" }));
  });

  it("accepts the result only from the dialog's own frame: another frame of the same origin, or the page, cannot end it", async () => {
    const t = await startThreeDs();
    controllers.push(t.controller);
    const other = document.createElement("iframe");
    document.body.append(other);
    post(resultMessage(approved), TERM_ORIGIN, other.contentWindow);
    post(resultMessage(approved), TERM_ORIGIN, window);
    post(resultMessage(approved), TERM_ORIGIN, null);
    expect(t.controller.getState().kind).toBe("threeDs");
    expect(t.onComplete).not.toHaveBeenCalled();
    post(resultMessage(approved));
    expect(t.controller.getState().kind).toBe("approved");
  });

  it("accepts no result before the dialog has given its frame", async () => {
    const t = await startThreeDs({}, json(200, challenge), [], { attach: false });
    controllers.push(t.controller);
    post(resultMessage(approved));
    expect(t.controller.getState().kind).toBe("threeDs");
    t.controller.attachThreeDsFrame(frameWindow());
    post(resultMessage(approved));
    expect(t.controller.getState().kind).toBe("approved");
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

  it("cancel goes back to the form with a note and fires onCancel only: no onFail, no onComplete; a late result changes nothing", async () => {
    const t = await startThreeDs({ language: "en" });
    controllers.push(t.controller);
    t.controller.cancelThreeDs();
    expect(t.controller.getState()).toEqual({ kind: "idle", cancelled: "threeDs" });
    t.controller.cancelThreeDs();
    post(resultMessage(approved));
    expect(t.controller.getState()).toEqual({ kind: "idle", cancelled: "threeDs" });
    expect(t.onCancel).toHaveBeenCalledTimes(1);
    expect(t.onCancel).toHaveBeenCalledWith({
      invoiceId: "order-3",
      code: "cancelled",
      stage: "threeDs",
      transactionId: 777,
      message: "You cancelled the confirmation with your bank. Nothing was charged: you can pay again",
    });
    expect(t.onFail).not.toHaveBeenCalled();
    expect(t.onComplete).not.toHaveBeenCalled();
    expect(t.onSuccess).not.toHaveBeenCalled();
  });

  it("cancel tells the endpoint once (POST /pay/abandon: the order and the transaction, nothing of the card), whatever it answers", async () => {
    const t = await startThreeDs({}, json(200, challenge), [{ network: true }]);
    controllers.push(t.controller);
    t.controller.cancelThreeDs();
    t.controller.cancelThreeDs();
    expect(t.requests).toHaveLength(2);
    const abandon = t.requests[1];
    expect(abandon).toMatchObject({ url: "https://api.shop.test/checkout/pay/abandon", method: "POST", headers: { "content-type": "application/json" } });
    expect(JSON.parse(abandon?.body ?? "")).toEqual({ invoiceId: "order-3", transactionId: 777 });
    expect(abandon?.headers["x-request-id"]).toBeUndefined();
    // The network failure of that prompt changes nothing for the shopper.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.controller.getState()).toEqual({ kind: "idle", cancelled: "threeDs" });
    expect(t.onFail).not.toHaveBeenCalled();
  });

  it("after a cancel the shopper pays again: a new attempt with a new id", async () => {
    const t = await startThreeDs({}, json(200, challenge), [json(200, { status: "abandoned", transactionId: 777, message: "x" }), json(200, approved)]);
    controllers.push(t.controller);
    t.controller.cancelThreeDs();
    await t.controller.submit(card);
    // id-2 named the dialog's frame; the abandon prompt carries no request id.
    expect(t.requests.map((r) => r.headers["x-request-id"])).toEqual(["id-1", undefined, "id-3"]);
    expect(t.controller.getState().kind).toBe("approved");
    expect(t.onSuccess).toHaveBeenCalledTimes(1);
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
    expect(t.controller.getState()).toEqual({ kind: "failed", code: "three_ds_failed", messageKey: "Error_ThreeDs", retrySameRequest: false });
    expect(t.onFail).toHaveBeenCalledTimes(1);
  });

  it("posts the whole page to the ACS when the options ask for redirect mode", async () => {
    const submits = captureSubmits();
    const t = await startThreeDs({ threeDs: "redirect" });
    controllers.push(t.controller);
    expect(t.controller.getState()).toMatchObject({ kind: "threeDs", mode: "redirect" });
    expect(submits.map((s) => s.target)).toEqual(["_top"]);
  });

  it("writes this tab's ticket for the invoice and transaction before leaving, with no card data", async () => {
    const submits = captureSubmits();
    const seen: string[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {
      seen.push(sessionStorage.getItem("checkout-widget:3ds-redirect") ?? "none");
    });
    const t = await startThreeDs({ threeDs: "redirect" });
    controllers.push(t.controller);
    expect(submits).toEqual([]);
    expect(seen).toHaveLength(1);
    const [ticket] = JSON.parse(seen[0] ?? "[]") as Array<Record<string, unknown>>;
    expect(ticket).toMatchObject({ invoiceId: "order-3", transactionId: 777, nonce: expect.any(String) });
    expect(Object.keys(ticket ?? {}).sort()).toEqual(["expires", "invoiceId", "nonce", "transactionId"]);
    expect(seen[0]).not.toMatch(/4242|12\/30|IVAN/);
  });
});
