// Script-tag entry: dist/checkout-widget.js, a classic script. Defines the global CheckoutWidget
// (mount, open, version), window.cp.Checkout (checkout.js compatible), <checkout-widget>, and
// mounts `[data-checkout-widget]` elements. The cryptogram code is dist/checkout-widget-crypto.js,
// injected after the form is on screen from the same place as this script.
import type { CheckoutOptions } from "./options.ts";
import { mountDataElementsWhenReady } from "./entries/auto-mount.ts";
import { defineCheckoutElementWith } from "./entries/checkout-element.ts";
import { createCpCheckoutClass } from "./entries/cp-checkout.ts";
import type { CpCheckoutConstructor } from "./entries/cp-checkout.ts";
import { Component, Fragment, createRef } from "preact";
import { jsx, jsxs } from "preact/jsx-runtime";
import { cardDigits, detectBrand, parseExpiry, validateCard } from "./card/index.ts";
import { declineMessage, formatAmount } from "./i18n/index.ts";
import { Modal } from "./ui/index.ts";
import { CRYPTO_FILE, SHARED_GLOBAL, createScriptCryptoLoader } from "./entries/crypto-loader.ts";
import { createLazyController } from "./entries/lazy-controller.ts";
import { mountWith, openWith } from "./entries/mount.tsx";
import type { CheckoutHandle, EntryDeps, OpenHandle } from "./entries/mount.tsx";
import { version } from "./entries/version.ts";

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
  const chunkUrl = new URL(CRYPTO_FILE, base);
  chunkUrl.search = base.search; // a cache-busting `?v=…` on the main script applies to its chunk too
  const cryptoSrc = chunkUrl.href;
  // Under a nonce-based CSP this script carried the nonce; an options.nonce also works.
  let nonce: string | undefined = script?.nonce || undefined;
  // The crypto chunk is built to use these instead of its own copies (SHARED_MODULES in
  // scripts/bundle-modules.ts); only what its modules call is lent, so the main bundle still tree-shakes.
  (window as unknown as Record<string, unknown>)[SHARED_GLOBAL] = {
    card: { cardDigits, detectBrand, parseExpiry, validateCard },
    preact: { Component, Fragment, createRef },
    jsxRuntime: { jsx, jsxs, Fragment },
    i18n: { declineMessage, formatAmount },
    modal: { Modal },
  };
  const loadChunk = createScriptCryptoLoader(cryptoSrc, () => nonce);
  const deps: EntryDeps = {
    loadCrypto: loadChunk,
    beforeOutcome: loadChunk,
    createController: (options, controllerDeps) =>
      createLazyController(() => loadChunk().then((chunk) => chunk.createPaymentController), options, controllerDeps),
  };
  const remember = (options: CheckoutOptions): void => {
    if (options && typeof options.nonce === "string" && options.nonce) nonce = options.nonce;
  };

  host.CheckoutWidget = {
    mount(target, options) {
      remember(options);
      return mountWith(deps, target, options);
    },
    open(options) {
      remember(options);
      return openWith(deps, options);
    },
    version,
  };

  const cp = (host.cp ??= {});
  // The real checkout.js, if also on the page, keeps its name.
  if (cp.Checkout) console.warn("checkout-widget: window.cp.Checkout already exists and is left as it is");
  else cp.Checkout = createCpCheckoutClass(deps);

  if (window.customElements) defineCheckoutElementWith(deps);
  mountDataElementsWhenReady(deps);
}

install();
