import { describe, expect, it, vi } from "vitest";
import type { HostedResultMessage } from "../../../server/contract.ts";
import type { HostedOptions } from "../shared/index.ts";
import { createHostedFlow } from "./flow.ts";
import type { HostedFlowDeps } from "./flow.ts";
import { fakeEndpoint, fakeWindow, memoryStorage, OPTIONS, PAGE, settle } from "./test-kit.ts";

const frame = {} as Window;
const approved = { status: "approved", transactionId: PAGE.paymentId, amount: 1500, currency: "RUB", cardType: "Visa", cardLastFour: "", authCode: "A1", captured: true } as const;
const message = (result: unknown, paymentId = PAGE.paymentId): HostedResultMessage => ({ type: "checkout-widget:hosted-result", version: 2, paymentId, result } as HostedResultMessage);

function setUp(answers: Parameters<typeof fakeEndpoint>[0], options: Partial<HostedOptions> = {}, deps: HostedFlowDeps = {}) {
  const endpoint = fakeEndpoint(answers);
  const window = fakeWindow();
  let ids = 0;
  const callbacks = { onSuccess: vi.fn(), onFail: vi.fn(), onComplete: vi.fn(), onCancel: vi.fn() };
  const storage = memoryStorage();
  const flow = createHostedFlow({ ...OPTIONS, ...callbacks, ...options }, { fetch: endpoint.fetch, win: window.win, randomId: () => `id-${++ids}`, storage, ...deps });
  return { flow, endpoint, window, callbacks, storage };
}

/** Pay, get the page in the frame, attach the frame. */
async function onPage(kit: ReturnType<typeof setUp>) {
  await kit.flow.pay();
  expect(kit.flow.getState()).toEqual({ kind: "page", page: PAGE });
  kit.flow.attachFrame(frame);
}

describe("hosted flow", () => {
  it("Pay posts the invoice and language with one X-Request-ID, opens the page in the frame, and an approval from that frame ends it", async () => {
    const kit = setUp([{ status: 200, body: PAGE }], { email: "a@b.test" });
    await onPage(kit);
    expect(kit.endpoint.sent).toEqual([{ url: "/api/invoice/pay", requestId: "id-1", body: { invoiceId: "1001", language: "en", email: "a@b.test" } }]);
    expect(kit.window.listeners()).toBe(1);
    kit.window.post(message(approved), frame, PAGE.returnOrigin);
    expect(kit.flow.getState()).toMatchObject({ kind: "approved", result: approved });
    const { status: _status, ...payload } = approved;
    expect(kit.callbacks.onSuccess).toHaveBeenCalledWith({ ...payload, invoiceId: "1001" });
    expect(kit.callbacks.onComplete).toHaveBeenCalledWith({ status: "approved", ...payload, invoiceId: "1001" });
    expect(kit.callbacks.onFail).not.toHaveBeenCalled();
    expect(kit.window.listeners()).toBe(0);
  });

  it("ignores a result from another window, another origin, another payment or off the contract", async () => {
    const kit = setUp([{ status: 200, body: PAGE }]);
    await kit.flow.pay();
    // Before the frame is attached nothing counts, not even from the right origin.
    kit.window.post(message(approved), frame, PAGE.returnOrigin);
    kit.flow.attachFrame(frame);
    kit.window.post(message(approved), {} as Window, PAGE.returnOrigin);
    kit.window.post(message(approved), frame, "https://gateway.test");
    kit.window.post(message({ ...approved, transactionId: "other" }, "other"), frame, PAGE.returnOrigin);
    kit.window.post(message({ ...approved, transactionId: "other" }), frame, PAGE.returnOrigin);
    kit.window.post({ ...message(approved), version: 1 }, frame, PAGE.returnOrigin);
    kit.window.post(message({ ...approved, amount: "1500" }), frame, PAGE.returnOrigin);
    expect(kit.flow.getState().kind).toBe("page");
    expect(kit.callbacks.onSuccess).not.toHaveBeenCalled();
  });

  it("the gateway page's 'return to the shop' and the widget's Cancel go back to Pay with onCancel only; Pay again is a new attempt", async () => {
    const kit = setUp([{ status: 200, body: PAGE }, { status: 200, body: PAGE }]);
    await onPage(kit);
    kit.window.post(message({ status: "cancelled", paymentId: PAGE.paymentId, message: "left" }), frame, PAGE.returnOrigin);
    expect(kit.flow.getState()).toEqual({ kind: "idle", cancelled: true });
    expect(kit.callbacks.onCancel).toHaveBeenCalledWith({ invoiceId: "1001", code: "cancelled", stage: "hosted", transactionId: PAGE.paymentId, message: "You left the payment page. If you did not pay there, you can pay again" });
    await onPage(kit);
    kit.flow.cancel();
    expect(kit.flow.getState()).toEqual({ kind: "idle", cancelled: true });
    expect(kit.window.listeners()).toBe(0);
    expect(kit.callbacks.onCancel).toHaveBeenCalledTimes(2);
    expect(kit.callbacks.onFail).not.toHaveBeenCalled();
    expect(kit.callbacks.onComplete).not.toHaveBeenCalled();
    expect(kit.endpoint.sent.map((s) => s.requestId)).toEqual(["id-1", "id-2"]);
    // A late message of the page that was left changes nothing.
    kit.window.post(message(approved), frame, PAGE.returnOrigin);
    expect(kit.flow.getState().kind).toBe("idle");
  });

  it("a decline shows the gateway's reason in the shopper's language; Try again goes back to Pay", async () => {
    const kit = setUp([{ status: 200, body: PAGE }], { language: "ru" });
    await onPage(kit);
    kit.window.post(message({ status: "declined", transactionId: PAGE.paymentId, reasonCode: 5051, reason: "InsufficientFunds", message: "no" }), frame, PAGE.returnOrigin);
    expect(kit.flow.getState()).toMatchObject({ kind: "declined", reasonCode: 5051 });
    expect(kit.callbacks.onFail).toHaveBeenCalledWith({ invoiceId: "1001", kind: "declined", code: "declined", reasonCode: 5051, transactionId: PAGE.paymentId, message: "Недостаточно средств на карте" });
    await kit.flow.retry();
    expect(kit.flow.getState()).toEqual({ kind: "idle" });
  });

  it("retries a request that may have got through with the same X-Request-ID, and a refused one as a new attempt", async () => {
    const kit = setUp([
      "network",
      { status: 502, body: { status: "error", code: "gateway_unavailable", message: "x" } },
      { status: 200, body: PAGE },
    ]);
    await kit.flow.pay();
    expect(kit.flow.getState()).toMatchObject({ kind: "failed", code: "network", retrySameRequest: true });
    await kit.flow.retry();
    expect(kit.flow.getState()).toMatchObject({ kind: "failed", code: "gateway_unavailable", retrySameRequest: true });
    await kit.flow.retry();
    expect(kit.flow.getState().kind).toBe("page");
    expect(kit.endpoint.sent.map((s) => s.requestId)).toEqual(["id-1", "id-1", "id-1"]);
    expect(kit.callbacks.onFail).toHaveBeenCalledTimes(2);

    const refused = setUp([{ status: 409, body: { status: "error", code: "payment_in_progress", message: "x" } }, { status: 200, body: PAGE }]);
    await refused.flow.pay();
    expect(refused.flow.getState()).toMatchObject({ kind: "failed", code: "payment_in_progress", retrySameRequest: false });
    await refused.flow.retry();
    expect(refused.flow.getState()).toEqual({ kind: "idle" });
    await refused.flow.pay();
    expect(refused.endpoint.sent.map((s) => s.requestId)).toEqual(["id-1", "id-2"]);
  });

  it("already paid is the paid state, and an answer off the contract a failure", async () => {
    const paid = setUp([{ status: 409, body: { status: "error", code: "already_paid", message: "x" } }]);
    await paid.flow.pay();
    expect(paid.flow.getState()).toEqual({ kind: "paid" });
    expect(paid.callbacks.onFail).toHaveBeenCalledWith({ invoiceId: "1001", kind: "failed", code: "already_paid", message: "This order is already paid" });
    await paid.flow.pay();
    expect(paid.endpoint.sent).toHaveLength(1);

    for (const body of [{ ...PAGE, url: "javascript:alert(1)" }, { ...PAGE, returnOrigin: "https://shop.test/return" }, { status: "approved" }]) {
      const odd = setUp([{ status: 200, body }]);
      await odd.flow.pay();
      expect(odd.flow.getState()).toMatchObject({ kind: "failed", code: "bad_response" });
    }
  });

  it("takes changed options for the next request (the shopper ticked 'save this card')", async () => {
    const kit = setUp([{ status: 200, body: PAGE }]);
    kit.flow.setOptions({ ...OPTIONS, saveCard: true });
    await kit.flow.pay();
    expect(kit.endpoint.sent[0]?.body).toEqual({ invoiceId: "1001", language: "en", saveCard: true });
  });

  it("a double click pays once", async () => {
    const kit = setUp([{ status: 200, body: PAGE }]);
    await Promise.all([kit.flow.pay(), kit.flow.pay()]);
    expect(kit.endpoint.sent).toHaveLength(1);
  });

  it("goes to the page at top level when the gateway forbids framing or the merchant chose redirect, leaving a ticket for this tab", async () => {
    for (const [answer, options] of [[{ ...PAGE, frameAllowed: false }, {}], [PAGE, { paymentPage: "redirect" }]] as const) {
      const kit = setUp([{ status: 200, body: answer }], options);
      await kit.flow.pay();
      expect(kit.flow.getState()).toMatchObject({ kind: "leaving" });
      expect(kit.window.assigned).toEqual([PAGE.url]);
      expect(kit.window.listeners()).toBe(0);
      const tickets = JSON.parse(kit.storage.data.get("checkout-widget:3ds-redirect") ?? "[]") as { invoiceId: string; transactionId: string }[];
      expect(tickets).toEqual([expect.objectContaining({ invoiceId: "1001", transactionId: PAGE.paymentId })]);
    }
  });

  it("starts in what the return URL brought, marked unverified, and announces it once on a microtask", async () => {
    const kit = setUp([], {}, { initial: { paymentId: PAGE.paymentId, result: approved } });
    expect(kit.flow.getState()).toMatchObject({ kind: "approved", unverified: true });
    expect(kit.callbacks.onSuccess).not.toHaveBeenCalled();
    await settle();
    expect(kit.callbacks.onSuccess).toHaveBeenCalledTimes(1);
    expect(kit.callbacks.onSuccess.mock.calls[0]?.[0]).toMatchObject({ transactionId: PAGE.paymentId, unverified: true });

    const back = setUp([], {}, { initial: { paymentId: PAGE.paymentId, result: { status: "cancelled", paymentId: PAGE.paymentId, message: "" } } });
    expect(back.flow.getState()).toEqual({ kind: "idle", cancelled: true });
    await settle();
    expect(back.callbacks.onCancel).toHaveBeenCalledTimes(1);
    expect(back.callbacks.onComplete).not.toHaveBeenCalled();
  });

  it("destroy removes its listener and ignores what arrives afterwards", async () => {
    const kit = setUp([{ status: 200, body: PAGE }]);
    await onPage(kit);
    kit.flow.destroy();
    expect(kit.window.listeners()).toBe(0);
    kit.window.post(message(approved), frame, PAGE.returnOrigin);
    expect(kit.callbacks.onSuccess).not.toHaveBeenCalled();

    let answer!: (response: Response) => void;
    const slow = createHostedFlow(OPTIONS, { fetch: (() => new Promise<Response>((resolve) => (answer = resolve))) as unknown as typeof fetch, win: fakeWindow().win });
    const paying = slow.pay();
    slow.destroy();
    answer(new Response(JSON.stringify(PAGE)));
    await paying;
    expect(slow.getState().kind).toBe("submitting");
  });
});
