// mount(target, options) and open(options) of hosted mode, the same in the script tag
// (checkout-widget-hosted.js) and the npm entry (`checkout-widget/hosted`).
import { render } from "preact";
import { Modal, resolveLanguage } from "../shared/index.ts";
import type { HostedOptions } from "../shared/index.ts";
import { HostedRoot } from "./hosted-root.tsx";
import { createHostedTranslator } from "./texts.ts";

export interface HostedHandle {
  /** Merges new options and re-renders; a new invoiceId is a new payment. */
  update(options: Partial<HostedOptions>): void;
  /** Removes everything the widget added: DOM, stylesheet (with the last widget), listeners. */
  unmount(): void;
}

export interface HostedOpenHandle {
  /** Closes the dialog and removes everything it added. */
  close(): void;
}

function resolveTarget(target: string | Element): Element {
  const found = typeof target === "string" ? document.querySelector(target) : target;
  if (!found || found.nodeType !== 1) throw new TypeError(`checkout-widget: mount target ${String(target)} is no element of the page`);
  return found;
}

/** `close`: the modal's Close and Escape (open()); without it the widget is drawn in place (mount()). */
function mountInto(host: Element, options: HostedOptions, close?: () => void): HostedHandle {
  const container = host.ownerDocument.createElement("div");
  host.appendChild(container);
  let current = options;
  let mounted = true;
  const draw = (): void => {
    const root = <HostedRoot options={current} />;
    if (!close) return render(root, container);
    const t = createHostedTranslator(resolveLanguage(current.language), current.texts);
    render(
      <Modal title={current.merchantName || t("hostedTitle")} subtitle={current.description} closeLabel={t("close")} onClose={close} appearance={current.appearance} nonce={current.nonce}>
        {root}
      </Modal>,
      container,
    );
  };
  draw();
  return {
    update(next) {
      if (!mounted) return;
      current = { ...current, ...next };
      draw();
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      render(null, container);
      container.remove();
    },
  };
}

/** Renders the order and its Pay button into `target` (a selector or an element). */
export function mount(target: string | Element, options: HostedOptions): HostedHandle {
  return mountInto(resolveTarget(target), options);
}

/** Shows the order and its Pay button in an accessible modal dialog; Escape or Close closes it. */
export function open(options: HostedOptions): HostedOpenHandle {
  // The dialog's container goes into <body>; unmount removes it.
  const close = (): void => handle.unmount();
  const handle = mountInto(document.body, options, close);
  return { close };
}
