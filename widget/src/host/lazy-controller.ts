// The payment flow (posting, 3-D Secure) is late code: not needed before the shopper pays. This
// stand-in is what the form gets at once, in both builds: idle (or the redirect outcome) until the
// late code arrives, then everything is the real controller's. It subscribes to the real one as
// it creates it, so the real one's first announcement (a redirect outcome) reaches its listeners.
// When the late code does not load (the second script file missing, offline), the stand-in ends
// in a failure of its own (script_unavailable) and tells the merchant's callbacks so.
import type { PaymentControllerDeps } from "../late/payment/index.ts";
import { createTranslator, memoizeUntilFailure, resolveLanguage } from "../shared/index.ts";
import type { CheckoutOptions, CompletePayload, FailPayload, FinalPaymentState, PaymentFlowController, PaymentOutcomeEvent, PaymentState } from "../shared/index.ts";
import { late, loadLate } from "./late.ts";

export type CreateController = (options: CheckoutOptions, deps: PaymentControllerDeps) => PaymentFlowController;

/** What the host passes to the real controller; the cryptogram code comes with the late code. */
export type StandInDeps = Omit<PaymentControllerDeps, "loadCrypto"> & Partial<Pick<PaymentControllerDeps, "loadCrypto">>;

const fromLate = (): Promise<CreateController> => loadLate().then((api) => api.createPaymentController);

export function createLazyController(
  options: CheckoutOptions,
  deps: StandInDeps = {},
  loadFactory: () => Promise<CreateController> = fromLate,
): PaymentFlowController {
  const controllerDeps: PaymentControllerDeps = { loadCrypto: loadLate, ...deps };
  const stateListeners = new Set<(state: PaymentState) => void>();
  const outcomeListeners = new Set<(event: PaymentOutcomeEvent) => void>();
  const initial: FinalPaymentState | null = deps.initialOutcome ?? null;
  /** Our own state while there is no real controller, or after the chunk failed to load. */
  let own: PaymentState = initial ?? { kind: "idle" };
  const setOwn = (next: PaymentState): void => {
    own = next;
    if (!destroyed) stateListeners.forEach((listener) => listener(next));
  };
  let real: PaymentFlowController | null = null;
  let destroyed = false;

  /** The late code did not load: the form cannot pay. Said once per failed load, as a payment's failure. */
  const lateFailed = (): void => {
    if (destroyed || own.kind !== "idle") return;
    setOwn({ kind: "failed", code: "script_unavailable", messageKey: "Error_Config", retrySameRequest: false });
    const payload: FailPayload = {
      invoiceId: options.invoiceId,
      kind: "failed",
      code: "script_unavailable",
      message: createTranslator(resolveLanguage(options.language), options.texts)("Error_Config"),
    };
    const complete: CompletePayload = { status: "failed", ...payload };
    options.onFail?.(payload);
    options.onComplete?.(complete);
    outcomeListeners.forEach((listener) => (listener({ type: "fail", payload }), listener({ type: "complete", payload: complete })));
  };

  const start = (create: CreateController): PaymentFlowController => {
    const controller = create(options, controllerDeps);
    real = controller;
    controller.subscribe((state) => stateListeners.forEach((listener) => listener(state)));
    controller.onOutcome((event) => outcomeListeners.forEach((listener) => listener(event)));
    // The real one may start elsewhere than idle (an order this page saw paid): the view follows.
    const now = controller.getState();
    if (now.kind !== own.kind) stateListeners.forEach((listener) => listener(now));
    controller.preload();
    return controller;
  };

  // The real controller once; a late code that did not load is asked again by the next attempt.
  const ensure = memoizeUntilFailure(
    (): Promise<PaymentFlowController | null> =>
      real
        ? Promise.resolve(real)
        : loadFactory().then(
            (create) => (destroyed ? null : real ?? start(create)),
            () => {
              lateFailed();
              return null;
            },
          ),
    (controller) => controller !== null,
  );
  // The late code is here already (a second widget, the modal opened again): the real controller
  // at once, so the first render shows what it knows (a payment this page saw) with no empty form between.
  // (Not with a redirect outcome: the real one announces that, after the host has subscribed.)
  const loaded = loadFactory === fromLate && !initial ? late()?.createPaymentController : undefined;
  if (loaded) start(loaded);
  // A redirect outcome is announced by the real controller: fetch it now rather than on focus.
  if (initial) void ensure();

  return {
    // Once the real controller exists it owns the state (a redirect outcome included): our own
    // "failed" only ever stands for a chunk that did not load, when there is no real one.
    getState: () => (real ? real.getState() : own),
    subscribe(listener) {
      if (destroyed) return () => undefined;
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onOutcome(listener) {
      if (destroyed) return () => undefined;
      outcomeListeners.add(listener);
      return () => outcomeListeners.delete(listener);
    },
    preload() {
      if (!destroyed) void ensure();
    },
    async submit(card) {
      if (own.kind !== "idle" && !real) return;
      const controller = await ensure();
      // The chunk did not load: lateFailed() has said so; retry brings the form back.
      return controller?.submit(card);
    },
    async retry() {
      if (real) return real.retry();
      if (own.kind !== "failed") return;
      // A redirect outcome is the real controller's too: leave it through that one, or it would
      // come back as the real one's state once the chunk arrives.
      const controller = own === initial ? await ensure() : null;
      if (controller) return controller.retry();
      setOwn({ kind: "idle" });
    },
    cancelThreeDs() {
      real?.cancelThreeDs();
    },
    attachThreeDsFrame(frame) {
      real?.attachThreeDsFrame(frame);
    },
    destroy() {
      destroyed = true;
      real?.destroy();
      stateListeners.clear();
      outcomeListeners.clear();
    },
  };
}
