// The one component behind every entry (npm CardForm, mount, open, data-*, custom element):
// checks the options, owns the payment controller and the stylesheet, preloads the crypto chunk,
// and renders the card form — or, for wrong options, a merchant-facing error box.
import { Component } from "preact";
import type { ComponentChildren, VNode } from "preact";
import type { CheckoutOptions } from "../options.ts";
import type { FinalPaymentState, PaymentFlowController, PaymentOutcomeEvent, PaymentState } from "../payment/index.ts";
import { CardForm as CardFormView } from "../ui/index.ts";
import type { LoadCrypto } from "./crypto-loader.ts";
import type { CreateController } from "./lazy-controller.ts";
import { whenIdle } from "./crypto-loader.ts";
import { checkOptions, reportOptions } from "./option-problems.ts";
import type { OptionsCheck } from "./option-problems.ts";
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

export class CheckoutRoot extends Component<CheckoutRootProps> {
  #checked: { options: CheckoutOptions; check: OptionsCheck; text: string } | undefined;
  #reported: string | undefined;
  #slot: ControllerSlot | null = null;
  /** The controller whose outcomes and preload are wired (after a commit). */
  #wired: { controller: PaymentFlowController; stop: () => void } | null = null;
  /** For the first controller only. */
  #firstOutcome: FinalPaymentState | null | undefined = this.props.initialOutcome;

  #check = (options: CheckoutOptions): { check: OptionsCheck; text: string } => {
    if (this.#checked?.options !== options) {
      const check = checkOptions(options);
      this.#checked = { options, check, text: JSON.stringify(check.problems) + check.unknown.join() };
    }
    return this.#checked;
  };

  /** The payment controller for these options: a new one when they mean a new payment. */
  #controllerFor = (options: CheckoutOptions): PaymentFlowController => {
    const key = paymentKey(options);
    const current = this.#slot;
    // A payment in flight keeps its controller until it is over.
    if (current && (current.key === key || IN_FLIGHT.has(current.controller.getState().kind))) return current.controller;
    // Callbacks are read from the latest props, so that new function identities never rebuild the controller.
    const proxied: CheckoutOptions = {
      ...options,
      onSuccess: (payload) => this.props.options.onSuccess?.(payload),
      onFail: (payload) => this.props.options.onFail?.(payload),
      onComplete: (payload) => this.props.options.onComplete?.(payload),
    };
    const controller = this.props.createController(proxied, { loadCrypto: this.props.loadCrypto, initialOutcome: this.#firstOutcome ?? null });
    this.#firstOutcome = null;
    this.#slot = { key, controller };
    return controller;
  };

  override componentDidMount(): void {
    this.#afterCommit();
  }

  override componentDidUpdate(): void {
    this.#afterCommit();
  }

  override componentWillUnmount(): void {
    this.#unwire();
  }

  #afterCommit = (): void => {
    const { check, text } = this.#check(this.props.options);
    // Console once per distinct set of problems, not on every render.
    if (text !== this.#reported) {
      this.#reported = text;
      reportOptions(check);
    }
    const controller = this.#slot?.controller ?? null;
    if (this.#wired?.controller === controller) return;
    this.#unwire();
    if (!controller) return;
    const stopOutcomes = controller.onOutcome((event) => this.props.onOutcome?.(event));
    const cancelPreload = whenIdle(() => controller.preload());
    this.#wired = {
      controller,
      stop: () => {
        cancelPreload();
        stopOutcomes();
        controller.destroy();
      },
    };
  };

  #unwire = (): void => {
    this.#wired?.stop();
    this.#wired = null;
  };

  override render({ options, frame, rootRef }: CheckoutRootProps) {
    const { check } = this.#check(options);
    if (check.problems.length > 0) this.#slot = null;
    const controller = check.problems.length === 0 ? this.#controllerFor(options) : null;
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
}
