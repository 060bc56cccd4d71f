// The one component behind every entry (npm CardForm, mount, open, data-*, custom element):
// checks the options, owns the payment controller and the stylesheet, preloads the crypto chunk,
// and renders the card form — or, for wrong options, a merchant-facing error box.
import type { ComponentChildren, VNode } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import type { CheckoutOptions } from "../options.ts";
import type { FinalPaymentState, PaymentFlowController, PaymentOutcomeEvent, PaymentState } from "../payment/index.ts";
import { CardForm as CardFormView } from "../ui/index.ts";
import type { LoadCrypto } from "./crypto-loader.ts";
import type { CreateController } from "./lazy-controller.ts";
import { whenIdle } from "./crypto-loader.ts";
import { checkOptions, reportOptions } from "./option-problems.ts";
import { OptionsErrorBox } from "./options-error-box.tsx";

export interface CheckoutRootProps {
  options: CheckoutOptions;
  loadCrypto: LoadCrypto;
  /** createPaymentController itself (npm) or a stand-in that loads it with the crypto chunk (script tag). */
  createController: CreateController;
  /** Outcome read from the URL after a redirect-mode 3-D Secure; used by the first controller only. */
  initialOutcome?: FinalPaymentState | null;
  /** Wraps the form (open() puts it in the modal). */
  frame?: (content: VNode) => VNode;
  /** Re-emits outcomes (the custom element turns them into DOM events). */
  onOutcome?: (event: PaymentOutcomeEvent) => void;
  /** The element the form lives in, for submit(). */
  rootRef?: { current: HTMLDivElement | null };
  children?: ComponentChildren;
}

/** Options whose change means a new payment (a new controller); callbacks and texts do not. */
const PAYMENT_OPTIONS = [
  "publicId",
  "publicKey",
  "publicKeyUrl",
  "endpoint",
  "invoiceId",
  "amount",
  "currency",
  "description",
  "accountId",
  "email",
  "scheme",
  "threeDs",
  "timeoutMs",
] as const satisfies readonly (keyof CheckoutOptions)[];

function paymentKey(options: CheckoutOptions): string {
  return JSON.stringify(PAYMENT_OPTIONS.map((name) => options[name] ?? null));
}

const IN_FLIGHT: ReadonlySet<PaymentState["kind"]> = new Set(["submitting", "threeDs"]);

interface ControllerSlot {
  key: string;
  controller: PaymentFlowController;
}

export function CheckoutRoot({ options, loadCrypto, createController, initialOutcome, frame, onOutcome, rootRef }: CheckoutRootProps) {
  const check = useMemo(() => checkOptions(options), [options]);
  const valid = check.problems.length === 0;
  const problemsText = JSON.stringify(check.problems) + check.unknown.join();
  // Console once per distinct set of problems, not on every render.
  useEffect(() => {
    reportOptions(check);
  }, [problemsText]); // eslint-disable-line react-hooks/exhaustive-deps

  // Callbacks are read through a ref so that new function identities never rebuild the controller.
  const latest = useRef({ options, onOutcome });
  latest.current = { options, onOutcome };

  const slot = useRef<ControllerSlot | null>(null);
  const firstOutcome = useRef(initialOutcome ?? null);
  if (valid) {
    const key = paymentKey(options);
    const current = slot.current;
    if (!current || (current.key !== key && !IN_FLIGHT.has(current.controller.getState().kind))) {
      const proxied: CheckoutOptions = {
        ...options,
        onSuccess: (payload) => latest.current.options.onSuccess?.(payload),
        onFail: (payload) => latest.current.options.onFail?.(payload),
        onComplete: (payload) => latest.current.options.onComplete?.(payload),
      };
      const controller = createController(proxied, { loadCrypto, initialOutcome: firstOutcome.current });
      firstOutcome.current = null;
      slot.current = { key, controller };
    }
  } else {
    slot.current = null;
  }
  const controller = slot.current?.controller ?? null;

  useEffect(() => {
    if (!controller) return undefined;
    const stopOutcomes = controller.onOutcome((event) => latest.current.onOutcome?.(event));
    const cancelPreload = whenIdle(() => controller.preload());
    return () => {
      cancelPreload();
      stopOutcomes();
      controller.destroy();
    };
  }, [controller]);

  const content = controller ? (
    <CardFormView options={options} controller={controller} />
  ) : (
    <OptionsErrorBox problems={check.problems} options={options} />
  );
  return (
    <div
      data-checkout-widget-root=""
      ref={rootRef}
      // The shopper is faster than idle time: the first focus starts the crypto chunk too.
      onFocusIn={controller ? () => controller.preload() : undefined}
    >
      {frame ? frame(content) : content}
    </div>
  );
}
