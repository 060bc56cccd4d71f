// Where the cryptogram code (node-forge, the heaviest part) comes from. The form renders
// without it; it is fetched after the first render or on first focus, and the payment flow
// awaits the same promise if the shopper submits first.
import type * as CryptoModuleNamespace from "../cryptogram/index.ts";
import type * as LateI18n from "../i18n/late.ts";
import type * as LateViews from "../ui/late-views.ts";
import type * as RedirectReader from "./redirect-reader.ts";
import type * as CpCryptogram from "./cp-cryptogram.ts";
import type { CreateController } from "./lazy-controller.ts";

export type CryptoModule = typeof CryptoModuleNamespace;
export type LoadCrypto = () => Promise<CryptoModule>;

/**
 * What dist/checkout-widget-crypto.js registers: the cryptogram, the payment flow, and the exports of
 * the modules the main bundle reads from it (LATE_MODULES in scripts/bundle-modules.ts).
 */
export type ChunkModule = CryptoModule & typeof LateI18n & typeof LateViews & typeof RedirectReader &
  Pick<typeof CpCryptogram, "createCpCryptogram"> & { createPaymentController: CreateController };

/** Private global the script-tag crypto chunk registers itself on. */
export const CRYPTO_GLOBAL = "__checkoutWidgetCrypto";
export const CRYPTO_FILE = "checkout-widget-crypto.js";

/**
 * Private global through which the main bundle lends modules to the crypto chunk, so that the
 * chunk does not carry a second copy of them (scripts/build.ts points its imports here).
 */
export const SHARED_GLOBAL = "__checkoutWidgetShared";

type CryptoGlobalHost = { [CRYPTO_GLOBAL]?: ChunkModule };

/** One load at a time; a failed load is forgotten so that the next call retries. */
export function memoizeLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/**
 * Script-tag build: injects `<script src="…/checkout-widget-crypto.js">` (same place as the
 * main script, so CSP `script-src 'self'` allows it) and resolves with what it registered.
 */
export function createScriptCryptoLoader(src: string, nonce?: () => string | undefined): () => Promise<ChunkModule> {
  return memoizeLoader(
    () =>
      new Promise<ChunkModule>((resolve, reject) => {
        const host = window as unknown as CryptoGlobalHost;
        const ready = host[CRYPTO_GLOBAL];
        if (ready) return resolve(ready);
        const script = document.createElement("script");
        script.src = src;
        script.async = true;
        const value = nonce?.();
        if (value) script.nonce = value;
        const settle = (): void => {
          script.remove();
          const loaded = host[CRYPTO_GLOBAL];
          if (loaded) resolve(loaded);
          else reject(new Error(`checkout-widget: could not load ${src}`));
        };
        script.addEventListener("load", settle, { once: true });
        script.addEventListener("error", settle, { once: true });
        document.head.appendChild(script);
      }),
  );
}

/** Runs `task` when the browser is idle after the first render (crypto preload); returns a canceller. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
