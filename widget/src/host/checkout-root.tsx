// The one component behind every entry (npm CardForm, mount, open, data-*, custom element):
// checks the options, takes the page's redirect outcome (read once the late code is there), owns
// the payment controller and preloads the late code, and renders the checkout — or, for wrong
// options, a merchant-facing error box.
import { Component } from "preact";
import type { ComponentChildren, VNode } from "preact";
import type { CheckoutOptions, FinalPaymentState, PaymentFlowController, PaymentOutcomeEvent, PaymentState } from "../shared/index.ts";
import type { SavedFound } from "../late/saved/ask-saved-cards.ts";
import { createTranslator, releaseDom, resolveLanguage } from "../shared/index.ts";
import { CheckoutView } from "./checkout-view.tsx";
import { FormSkeleton } from "./form-skeleton.tsx";
import { loadLate } from "./late.ts";
import { createLazyController } from "./lazy-controller.ts";
import { checkOptions, KNOWN_OPTIONS, OptionsErrorBox, reportOptions } from "./options/index.ts";
import type { OptionsCheck } from "./options/index.ts";
import { claimRedirectOutcome } from "./redirect-outcome.ts";

export interface CheckoutRootProps {
  options: CheckoutOptions;
  /** Wraps the form (open() puts it in the modal). */
  frame?: ((content: VNode) => VNode) | undefined;
  /** Re-emits outcomes (the custom element turns them into DOM events). */
  onOutcome?: ((event: PaymentOutcomeEvent) => void) | undefined;
  /** The element the form lives in, for submit(). */
  rootRef?: { current: HTMLDivElement | null } | undefined;
  children?: ComponentChildren;
}

/** Options whose change means a new payment (a new controller): all but the callbacks and how it looks. */
const PAYMENT_OPTIONS = KNOWN_OPTIONS.filter((name) => !/^(on[A-Z]|language$|texts$|appearance$|nonce$|requireEmail$|requireName$|showBrands$|merchantName$|shopUrl$)/.test(name));

function paymentKey(options: CheckoutOptions): string {
  return JSON.stringify(PAYMENT_OPTIONS.map((name) => options[name] ?? null));
}

/** A payment in flight keeps its controller until it is over. */
function inFlight(state: PaymentState): boolean {
  return state.kind === "submitting" || state.kind === "threeDs";
}

interface ControllerSlot {
  key: string;
  controller: PaymentFlowController;
}

/** Runs `task` when the browser is idle after the first render (the late code's preload); returns a canceller. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

interface CheckoutRootState {
  /** "waiting": this root took the URL's redirect outcome and waits for the late code to read it. */
  outcome: "waiting" | FinalPaymentState | null;
  /** `savedCards: true`: 0 while the late code asks `{endpoint}/saved-cards`, then what it found (undefined: nothing). */
  saved?: SavedFound | 0 | false | undefined;
}

export class CheckoutRoot extends Component<CheckoutRootProps, CheckoutRootState> {
  #checked: { options: CheckoutOptions; check: OptionsCheck; text: string } | undefined;
  #reported: string | undefined;
  #slot: ControllerSlot | null = null;
  /** The controller whose outcomes and preload are wired (after a commit). */
  #wired: { controller: PaymentFlowController; stop: () => void } | null = null;
  /** The redirect outcome goes to the first controller only. */
  #outcomeGiven = false;
  #unmounted = false;
  /** The root element, for releaseDom at unmount; also handed to mount()'s rootRef. */
  #root: HTMLDivElement | null = null;
  #setRoot = (el: HTMLDivElement | null): void => {
    this.#root = el;
    if (this.props.rootRef) this.props.rootRef.current = el;
  };

  constructor(props: CheckoutRootProps) {
    super(props);
    // In the constructor, not an initializer (Safari 15); on a server it claims nothing.
    this.state = { outcome: claimRedirectOutcome() ? "waiting" : null, saved: props.options.savedCards && 0 };
  }

  #check = (options: CheckoutOptions): { check: OptionsCheck; text: string } => {
    if (this.#checked?.options !== options) {
      const check = checkOptions(options);
      this.#checked = { options, check, text: JSON.stringify(check.problems) + check.unknown.join() + "|" + check.variables.join() };
    }
    return this.#checked;
  };

  /** The payment controller for these options: a new one when they mean a new payment. */
  #controllerFor = (options: CheckoutOptions): PaymentFlowController => {
    const key = paymentKey(options);
    const current = this.#slot;
    if (current && (current.key === key || inFlight(current.controller.getState()))) return current.controller;
    // Callbacks are read from the latest props, so that new function identities never rebuild the controller.
    const proxied: CheckoutOptions = {
      ...options,
      onSuccess: (payload) => this.props.options.onSuccess?.(payload),
      onFail: (payload) => this.props.options.onFail?.(payload),
      onComplete: (payload) => this.props.options.onComplete?.(payload),
      onCancel: (payload) => this.props.options.onCancel?.(payload),
    };
    const { outcome } = this.state;
    const initialOutcome = this.#outcomeGiven || outcome === "waiting" ? null : outcome;
    this.#outcomeGiven = true;
    const controller = createLazyController(proxied, { initialOutcome });
    this.#slot = { key, controller };
    return controller;
  };

  override componentDidMount(): void {
    // The saved cards are asked by the late code (a payment needs it anyway), the skeleton shown
    // meanwhile; no late code or no list: the card form.
    if (this.state.saved === 0)
      loadLate()
        .then((api) => api.savedCards(this.props.options.endpoint), () => undefined)
        .then((saved) => this.setState({ saved }));
    if (this.state.outcome === "waiting") {
      // Without the late code the outcome cannot be read (its parser is there): the form is drawn anyway.
      loadLate().then(
        (api) => this.#unmounted || this.setState({ outcome: api.readRedirectResult(window.location, { invoiceId: this.props.options.invoiceId }) }),
        () => this.#unmounted || this.setState({ outcome: null }),
      );
    }
    this.#afterCommit();
  }

  override componentDidUpdate(): void {
    this.#afterCommit();
  }

  override componentWillUnmount(): void {
    this.#unmounted = true;
    this.#unwire();
    // Before Preact takes it off the page: whoever still holds one of its elements reaches no card data.
    releaseDom(this.#root);
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

  override render({ options, frame, rootRef }: CheckoutRootProps, { outcome, saved }: CheckoutRootState) {
    const { check } = this.#check(options);
    const ok = check.problems.length === 0;
    if (!ok) this.#slot = null;
    // Until the outcome is read (and the saved cards are asked) there is nothing to show: a form now
    // would flash before the result (or jump when the list comes).
    const controller = ok && outcome !== "waiting" && saved !== 0 ? this.#controllerFor(options) : null;
    const content = controller ? (
      <CheckoutView options={options} controller={controller} saved={saved} />
    ) : ok ? (
      <FormSkeleton label={createTranslator(resolveLanguage(options.language), options.texts)("loading")} appearance={options.appearance} nonce={options.nonce} />
    ) : (
      <OptionsErrorBox problems={check.problems} options={options} />
    );
    return (
      <div
        data-checkout-widget-root=""
        ref={this.#setRoot}
        // The shopper is faster than idle time: the first focus starts loading the late code too.
        onFocusIn={controller ? () => controller.preload() : undefined}
      >
        {content && (frame ? frame(content) : content)}
      </div>
    );
  }
}
