// Script-tag entry: dist/checkout-widget.js, a classic script. Defines the global CheckoutWidget
// (mount, open, version), window.cp.Checkout (checkout.js compatible), <checkout-widget>, and
// mounts `[data-checkout-widget]` elements. The late code is dist/checkout-widget-crypto.js,
// injected after the form is on screen from the same place as this script (or from the URL in
// this script tag's data-late-src); what it borrows from this file is lent by the build
// (scripts/script-tag.ts), not here.
import {
  createCpCheckoutClass,
  defineCheckoutElement,
  LATE_FILE,
  LATE_GLOBAL,
  mount,
  mountDataElementsWhenReady,
  open,
  setLateSource,
  version,
} from "./host/index.ts";
import type { CheckoutHandle, CpCheckoutConstructor, LateApi, OpenHandle } from "./host/index.ts";
import { lateScriptSource } from "./shared/script-source.ts";
import type { CheckoutOptions } from "./shared/index.ts";

/** `window.CheckoutWidget`. */
export interface CheckoutWidgetGlobal {
  mount(target: string | Element, options: CheckoutOptions): CheckoutHandle;
  open(options: CheckoutOptions): OpenHandle;
  version: string;
}

/** `window.cp`, shared with the real checkout.js's namespace if both are present. */
export interface CpGlobal {
  Checkout?: CpCheckoutConstructor;
  [name: string]: unknown;
}

// Typed locally rather than by `declare global`, so pages may declare the globals their own way.
const host = window as unknown as { CheckoutWidget?: CheckoutWidgetGlobal; cp?: CpGlobal };

/** Captured while this script runs: `document.currentScript` is null later. */
function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  // Fallback (e.g. a bundler-wrapped copy): the last script tag loading checkout-widget.js.
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src*="checkout-widget"]');
  return scripts[scripts.length - 1] ?? null;
}

function install(): void {
  if (host.CheckoutWidget) return; // the script included twice: the first copy serves
  const script = ownScript();
  const base = new URL(script?.src || document.baseURI);
  // data-late-src names the second file (renamed, hashed, on another path); by default it sits beside this one.
  const named = script?.dataset.lateSrc;
  const lateUrl = new URL(named || LATE_FILE, named ? document.baseURI : base);
  if (!named) lateUrl.search = base.search; // a cache-busting `?v=…` on the main script applies to its chunk too
  // Under a nonce-based CSP this script carried the nonce; an options.nonce also works.
  let nonce: string | undefined = script?.nonce || undefined;
  setLateSource(lateScriptSource<LateApi>(lateUrl.href, () => nonce, LATE_GLOBAL));
  const remember = (options: CheckoutOptions): void => {
    if (options && typeof options.nonce === "string" && options.nonce) nonce = options.nonce;
  };

  host.CheckoutWidget = {
    mount(target, options) {
      remember(options);
      return mount(target, options);
    },
    open(options) {
      remember(options);
      return open(options);
    },
    version,
  };

  const cp = (host.cp ??= {});
  // The real checkout.js, if also on the page, keeps its name.
  if (cp.Checkout) console.warn("checkout-widget: window.cp.Checkout exists already; kept");
  else cp.Checkout = createCpCheckoutClass();

  if (window.customElements) defineCheckoutElement();
  mountDataElementsWhenReady();
}

install();
