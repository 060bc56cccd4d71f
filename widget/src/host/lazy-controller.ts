// The payment flow (posting, 3-D Secure) is late code: not needed before the shopper pays. This
// stand-in is what the form gets at once, in both builds: idle (or the redirect outcome) until the
// late code arrives, then everything is the real controller's. It subscribes to the real one as
// it creates it, so the real one's first announcement (a redirect outcome) reaches its listeners.
import type { PaymentControllerDeps } from "../late/payment/index.ts";
import { memoizeUntilFailure } from "../shared/index.ts";
import type { CheckoutOptions, FinalPaymentState, PaymentFlowController, PaymentOutcomeEvent, PaymentState } from "../shared/index.ts";
import { loadLate } from "./late.ts";

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

  // The real controller once; a late code that did not load is asked again by the next attempt.
  const ensure = memoizeUntilFailure(
    (): Promise<PaymentFlowController | null> =>
      loadFactory().then(
        (create) => {
          if (destroyed) return null;
          real = create(options, controllerDeps);
          real.subscribe((state) => stateListeners.forEach((listener) => listener(state)));
          real.onOutcome((event) => outcomeListeners.forEach((listener) => listener(event)));
          real.preload();
          return real;
        },
        () => null,
      ),
    (controller) => controller !== null,
  );
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
      // The chunk did not load (offline, blocked): a network failure; retry brings the form back.
      if (!controller) return setOwn({ kind: "failed", messageKey: "Error_Network", retrySameRequest: false });
      return controller.submit(card);
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
    destroy() {
      destroyed = true;
      real?.destroy();
      stateListeners.clear();
      outcomeListeners.clear();
    },
  };
}
