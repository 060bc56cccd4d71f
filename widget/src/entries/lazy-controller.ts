// Script-tag build: the payment flow (posting, 3-D Secure) is not needed before the shopper pays,
// so it travels in the second chunk with the cryptogram. This stand-in is what the form gets at
// once: idle (or the redirect outcome) until the chunk arrives, then everything is the real one's.
import type { CheckoutOptions } from "../options.ts";
import type {
  FinalPaymentState,
  PaymentControllerDeps,
  PaymentFlowController,
  PaymentOutcomeEvent,
  PaymentState,
} from "../payment/index.ts";

export type CreateController = (options: CheckoutOptions, deps: PaymentControllerDeps) => PaymentFlowController;

export function createLazyController(
  loadFactory: () => Promise<CreateController>,
  options: CheckoutOptions,
  deps: PaymentControllerDeps,
): PaymentFlowController {
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
  let loading: Promise<PaymentFlowController | null> | null = null;
  let destroyed = false;

  const ensure = (): Promise<PaymentFlowController | null> => {
    loading ??= loadFactory().then(
      (create) => {
        if (destroyed) return null;
        real = create(options, deps);
        real.subscribe((state) => stateListeners.forEach((listener) => listener(state)));
        real.onOutcome((event) => outcomeListeners.forEach((listener) => listener(event)));
        real.preload();
        return real;
      },
      () => {
        loading = null; // a later attempt loads again
        return null;
      },
    );
    return loading;
  };
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
