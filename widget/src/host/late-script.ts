// Script-tag build: the late code is dist/checkout-widget-crypto.js, a classic script beside this
// one. It registers its LateApi on a private global; the main file lends it what both share
// (scripts/script-tag.ts derives that at build time).
import { lateScriptSource as scriptSource } from "../shared/script-source.ts";
import type { LateApi } from "./late.ts";

/** Private global the late script registers its LateApi on. */
export const LATE_GLOBAL = "__checkoutWidgetLate";
export const LATE_FILE = "checkout-widget-crypto.js";

/**
 * Injects `<script src="…/checkout-widget-crypto.js">` (from where the main script came, so CSP
 * `script-src 'self'` allows it) and resolves with what it registered. The caller memoizes.
 */
export function lateScriptSource(src: string, nonce?: () => string | undefined): () => Promise<LateApi> {
  return scriptSource<LateApi>(src, nonce, LATE_GLOBAL);
}
