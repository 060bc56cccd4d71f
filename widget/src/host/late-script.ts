// Script-tag build: the late code is dist/checkout-widget-crypto.js, a classic script beside this
// one. It registers its LateApi on a private global; the main file lends it what both share
// (scripts/script-tag.ts derives that at build time).
import type { LateApi } from "./late.ts";

/** Private global the late script registers its LateApi on. */
export const LATE_GLOBAL = "__checkoutWidgetLate";
export const LATE_FILE = "checkout-widget-crypto.js";
/**
 * The pieces only some pages load (host/pieces.ts) come the same way, from beside the late file;
 * each registers on a private global named as its file (one name fewer on the critical path).
 */
export const SAVED_FILE = "checkout-widget-saved.js";
export const REPORT_FILE = "checkout-widget-report.js";

/**
 * Injects `<script src="…/checkout-widget-crypto.js">` (from where the main script came, so CSP
 * `script-src 'self'` allows it) and resolves with what it registered. The caller memoizes.
 */
export function lateScriptSource<Api = LateApi>(src: string, nonce?: () => string | undefined, global: string = LATE_GLOBAL): () => Promise<Api> {
  return () =>
    new Promise<Api>((resolve, reject) => {
      const host = window as unknown as Record<string, Api | undefined>;
      const ready = host[global];
      if (ready) return resolve(ready);
      const script = document.createElement("script");
      script.src = src; // an inserted script runs as soon as it arrives (async by default)
      const value = nonce?.();
      if (value) script.nonce = value;
      const settle = (): void => {
        script.remove();
        const loaded = host[global];
        if (loaded) resolve(loaded);
        else reject(new Error(`${src} did not load: deploy it beside checkout-widget.js or set data-late-src`));
      };
      script.addEventListener("load", settle, { once: true });
      script.addEventListener("error", settle, { once: true });
      document.head.appendChild(script);
    });
}
