// mount(target, options) and open(options): the imperative entries shared by npm and the script tag.
import { render } from "preact";
import type { VNode } from "preact";
import { createTranslator, resolveLanguage } from "../i18n/index.ts";
import type { CheckoutOptions } from "../options.ts";
import type { FinalPaymentState, PaymentOutcomeEvent } from "../payment/index.ts";
import { Modal } from "../ui/index.ts";
import { CheckoutRoot } from "./checkout-root.tsx";
import type { LoadCrypto } from "./crypto-loader.ts";
import type { CreateController } from "./lazy-controller.ts";
import { mayHaveRedirectOutcome, takeRedirectOutcome } from "./redirect-outcome.ts";

export interface CheckoutHandle {
  /** Merges new options (e.g. a changed amount) and re-renders; a new invoice means a new payment. */
  update(options: Partial<CheckoutOptions>): void;
  /** Submits the form as the pay button would (validation first). */
  submit(): void;
  /** Removes everything the widget added: DOM, stylesheet (with the last widget), listeners. */
  unmount(): void;
}

export interface OpenHandle {
  close(): void;
}

export interface EntryDeps {
  loadCrypto: LoadCrypto;
  createController: CreateController;
  /**
   * Script tag: the redirect outcome's parser and the texts of payment answers come with the crypto
   * chunk, so a page whose URL may carry an outcome draws the form once this settles.
   */
  beforeOutcome?: () => Promise<unknown>;
}

/** Internal extras for the hosts built on mount (modal, custom element). */
export interface MountExtras {
  frame?: (content: VNode) => VNode;
  onOutcome?: (event: PaymentOutcomeEvent) => void;
}

export function resolveTarget(target: string | Element): Element {
  if (typeof target !== "string") {
    if (target && typeof target === "object" && target.nodeType === 1) return target;
    throw new TypeError("checkout-widget: mount target must be a CSS selector or an Element");
  }
  const found = document.querySelector(target);
  if (!found) throw new TypeError(`checkout-widget: mount target \`${target}\` matches no element`);
  return found;
}

export function mountWith(deps: EntryDeps, target: string | Element, options: CheckoutOptions, extras: MountExtras = {}): CheckoutHandle {
  const host = resolveTarget(target);
  // Our own container: Preact's first render would otherwise replace the host's existing children.
  const container = host.ownerDocument.createElement("div");
  host.appendChild(container);
  const rootRef: { current: HTMLDivElement | null } = { current: null };
  let initialOutcome: FinalPaymentState | null = null;
  let current = options;
  let mounted = true;
  const waitFor = deps.beforeOutcome && mayHaveRedirectOutcome() ? deps.beforeOutcome : undefined;
  let waiting = waitFor !== undefined;
  if (!waiting) initialOutcome = takeRedirectOutcome();

  const draw = (): void => {
    if (waiting) return; // update() before the delayed first draw: that draw uses the new options
    render(
      <CheckoutRoot
        options={current}
        loadCrypto={deps.loadCrypto}
        createController={deps.createController}
        initialOutcome={initialOutcome}
        rootRef={rootRef}
        {...extras}
      />,
      container,
    );
  };
  if (waitFor) {
    const drawAfter = (loaded: boolean): void => {
      waiting = false;
      // Without the chunk the outcome cannot be read (its parser is there); the form is drawn anyway.
      if (loaded) initialOutcome = takeRedirectOutcome();
      if (mounted) draw();
    };
    waitFor().then(
      () => drawAfter(true),
      () => drawAfter(false),
    );
  } else draw();

  return {
    update(next) {
      if (!mounted) return;
      current = { ...current, ...next };
      draw();
    },
    submit() {
      const form = rootRef.current?.querySelector("form");
      if (!mounted || !form) return;
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      render(null, container);
      container.remove();
    },
  };
}

/** The same form in an accessible modal dialog; Escape or the close button closes it. */
export function openWith(deps: EntryDeps, options: CheckoutOptions, extras: Omit<MountExtras, "frame"> = {}): OpenHandle {
  const doc = document;
  const host = doc.createElement("div");
  doc.body.appendChild(host);
  let handle: CheckoutHandle | null = null;
  const close = (): void => {
    handle?.unmount();
    handle = null;
    host.remove();
  };
  const frame = (content: VNode): VNode => {
    const t = createTranslator(resolveLanguage(options.language), options.texts);
    return (
      <Modal title={t("form")} closeLabel={t("close")} onClose={close} appearance={options.appearance} nonce={options.nonce}>
        {content}
      </Modal>
    );
  };
  handle = mountWith(deps, host, options, { ...extras, frame });
  return { close };
}
