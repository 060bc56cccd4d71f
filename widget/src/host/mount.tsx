// mount(target, options) and open(options): the imperative entries, the same in the npm and
// script-tag builds.
import { render } from "preact";
import type { VNode } from "preact";
import { createTranslator, Modal, resolveLanguage } from "../shared/index.ts";
import type { CheckoutOptions, PaymentOutcomeEvent } from "../shared/index.ts";
import { CheckoutRoot } from "./checkout-root.tsx";

export interface CheckoutHandle {
  /** Merges new options (e.g. a changed amount) and re-renders; a new invoice means a new payment. */
  update(options: Partial<CheckoutOptions>): void;
  /** Submits the form as the pay button would (validation first). */
  submit(): void;
  /** Removes everything the widget added: DOM, stylesheet (with the last widget), listeners. */
  unmount(): void;
}

/** What open() returns. */
export interface OpenHandle {
  /** Closes the dialog and removes everything it added (as the shopper's Escape or close button does). */
  close(): void;
}

/** Internal extras for the hosts built on mount (modal, custom element). */
export interface MountExtras {
  frame?: (content: VNode) => VNode;
  onOutcome?: (event: PaymentOutcomeEvent) => void;
}

export function resolveTarget(target: string | Element): Element {
  if (typeof target !== "string") {
    if (target && typeof target === "object" && target.nodeType === 1) return target;
    throw new TypeError("checkout-widget: mount target must be a selector or an Element");
  }
  const found = document.querySelector(target);
  if (!found) throw new TypeError(`checkout-widget: mount target \`${target}\` matches no element`);
  return found;
}

/** Renders the card form into `target` (a selector or an element). */
export function mount(target: string | Element, options: CheckoutOptions): CheckoutHandle {
  return mountWith(target, options);
}

/** Shows the card form in an accessible modal dialog; Escape or the close button closes it. */
export function open(options: CheckoutOptions): OpenHandle {
  return openWith(options);
}

/** mount() for the hosts built on it (the modal, the custom element, data-* hosts). */
export function mountWith(target: string | Element, options: CheckoutOptions, extras: MountExtras = {}): CheckoutHandle {
  const host = resolveTarget(target);
  // The page's stand-in while the script loaded (a skeleton it drew itself) goes as the form comes.
  for (const placeholder of Array.from(host.querySelectorAll("[data-checkout-placeholder]"))) if (placeholder.parentNode === host) placeholder.remove();
  // Our own container: Preact's first render would otherwise replace the host's existing children.
  const container = host.ownerDocument.createElement("div");
  host.appendChild(container);
  const rootRef: { current: HTMLDivElement | null } = { current: null };
  let current = options;
  let mounted = true;

  const draw = (): void => {
    render(<CheckoutRoot options={current} rootRef={rootRef} {...extras} />, container);
  };
  draw();

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

/** open() with what the modal's host adds. */
export function openWith(options: CheckoutOptions, extras: Omit<MountExtras, "frame"> = {}): OpenHandle {
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
      <Modal
        title={options.merchantName || t("form")}
        subtitle={options.description}
        closeLabel={t("close")}
        onClose={close}
        appearance={options.appearance}
        nonce={options.nonce}
      >
        {content}
      </Modal>
    );
  };
  handle = mountWith(host, options, { ...extras, frame });
  return { close };
}
