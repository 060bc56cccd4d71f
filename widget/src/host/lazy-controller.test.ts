import { describe, expect, it, vi } from "vitest";
import type { FinalPaymentState, PaymentFlowController, PaymentState } from "../shared/index.ts";
import { createLazyController } from "./lazy-controller.ts";
import { TEST_OPTIONS } from "./test-page.ts";

const card = { cardNumber: "4242424242424242", expDateMonthYear: "12/34", cvv: "123", name: "IVAN PETROV" };
const deps = { loadCrypto: () => Promise.reject(new Error("unused")) };

function fakeReal(): PaymentFlowController & { submit: ReturnType<typeof vi.fn> } {
  let listener: ((s: PaymentState) => void) | undefined;
  return {
    getState: () => ({ kind: "idle" }),
    subscribe: (l) => ((listener = l), () => undefined),
    onOutcome: () => () => undefined,
    preload: vi.fn(),
    submit: vi.fn(async () => listener?.({ kind: "submitting", requestId: "r1" })),
    retry: vi.fn(async () => undefined),
    cancelThreeDs: vi.fn(),
    attachThreeDsFrame: vi.fn(),
    destroy: vi.fn(),
  };
}

describe("createLazyController", () => {
  it("is idle at once, loads the flow on preload and hands the card to the real controller", async () => {
    const real = fakeReal();
    const load = vi.fn(async () => () => real);
    const lazy = createLazyController(TEST_OPTIONS, deps, load);
    const seen: string[] = [];
    lazy.subscribe((s) => seen.push(s.kind));
    expect(lazy.getState()).toEqual({ kind: "idle" });
    expect(load).not.toHaveBeenCalled();
    lazy.preload();
    await lazy.submit(card);
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.submit).toHaveBeenCalledWith(card);
    expect(seen).toEqual(["submitting"]);
    lazy.destroy();
    expect(real.destroy).toHaveBeenCalled();
  });

  it("a real controller that starts in a payment this page saw (not idle): the listeners hear that state", async () => {
    const paid: PaymentState = { kind: "paid" };
    const real = { ...fakeReal(), getState: () => paid };
    const lazy = createLazyController(TEST_OPTIONS, deps, async () => () => real);
    const seen: PaymentState[] = [];
    lazy.subscribe((s) => seen.push(s));
    lazy.preload();
    await vi.waitFor(() => expect(seen).toEqual([paid]));
    expect(lazy.getState()).toBe(paid);
  });

  it("reports a chunk that does not load as script_unavailable, to the callbacks too; retry returns to the form and loads again", async () => {
    const real = fakeReal();
    const load = vi.fn().mockRejectedValueOnce(new Error("blocked")).mockResolvedValue(() => real);
    const onFail = vi.fn();
    const onComplete = vi.fn();
    const lazy = createLazyController({ ...TEST_OPTIONS, language: "en", onFail, onComplete }, deps, load);
    const seen: PaymentState[] = [];
    const heard: string[] = [];
    lazy.subscribe((s) => seen.push(s));
    lazy.onOutcome((event) => heard.push(event.type));
    await lazy.submit(card);
    expect(seen).toEqual([{ kind: "failed", code: "script_unavailable", messageKey: "Error_Config", retrySameRequest: false }]);
    const payload = {
      invoiceId: TEST_OPTIONS.invoiceId,
      kind: "failed",
      code: "script_unavailable",
      message: "The payment form is set up incorrectly. Please tell the shop",
    };
    expect(onFail).toHaveBeenCalledWith(payload);
    expect(onComplete).toHaveBeenCalledWith({ status: "failed", ...payload });
    expect(heard).toEqual(["fail", "complete"]);
    expect(lazy.getState().kind).toBe("failed");
    await lazy.retry();
    expect(lazy.getState().kind).toBe("idle");
    await lazy.submit(card);
    expect(real.submit).toHaveBeenCalledTimes(1);
    expect(onFail).toHaveBeenCalledTimes(1);
  });

  it("a preload that fails says so at once, before the shopper pays", async () => {
    const onFail = vi.fn();
    const lazy = createLazyController({ ...TEST_OPTIONS, onFail }, deps, () => Promise.reject(new Error("404")));
    lazy.preload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lazy.getState()).toMatchObject({ kind: "failed", code: "script_unavailable" });
    expect(onFail).toHaveBeenCalledTimes(1);
    lazy.destroy();
  });
});

describe("createLazyController after a redirect outcome", () => {
  it("returns to an idle form in one retry when the redirect brought back a failure", async () => {
    const { createPaymentController } = await import("../late/payment/index.ts");
    const failed: FinalPaymentState = { kind: "failed", code: "three_ds_failed", messageKey: "Error_ThreeDs", retrySameRequest: false };
    const lazy = createLazyController(TEST_OPTIONS, { ...deps, initialOutcome: failed }, async () => createPaymentController);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lazy.getState().kind).toBe("failed");
    await lazy.retry();
    // The form reads getState() before paying: it must agree with what subscribers were told.
    expect(lazy.getState().kind).toBe("idle");
    lazy.destroy();
  });
});

describe("createLazyController and the redirect outcome's announcement", () => {
  it("passes the real controller's one announcement to the listeners it had before the late code came", async () => {
    const { createPaymentController } = await import("../late/payment/index.ts");
    const declined: FinalPaymentState = { kind: "declined", transactionId: 5, reasonCode: 5051, message: "Error_Declined" };
    const onComplete = vi.fn();
    const lazy = createLazyController({ ...TEST_OPTIONS, onComplete }, { ...deps, initialOutcome: declined }, async () => createPaymentController);
    const heard: string[] = [];
    lazy.onOutcome((event) => heard.push(event.type)); // as CheckoutRoot does after its first commit
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual(["fail", "complete"]);
    expect(onComplete).toHaveBeenCalledTimes(1);
    lazy.destroy();
  });
});

describe("createLazyController retry before the chunk arrives", () => {
  it("a retry of a redirect failure waits for the real controller, so both agree on idle", async () => {
    const { createPaymentController } = await import("../late/payment/index.ts");
    const failed: FinalPaymentState = { kind: "failed", code: "three_ds_failed", messageKey: "Error_ThreeDs", retrySameRequest: false };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async () => {
      await gate;
      return createPaymentController;
    };
    const lazy = createLazyController(TEST_OPTIONS, { ...deps, initialOutcome: failed }, load);
    const retried = lazy.retry();
    release();
    await retried;
    await new Promise((resolve) => setTimeout(resolve, 0)); // the chunk has surely arrived
    expect(lazy.getState().kind).toBe("idle");
    lazy.destroy();
  });
});
