// What every widget root (the form, a dialog, the options error box) shares: an id unique on the
// page, the injected stylesheet, and the merchant's theme applied through CSSOM (allowed under a
// strict CSP). The components are Preact classes: the script-tag bundle then carries no hooks
// runtime on its critical path (~0.9 KB gzipped).
import type { Appearance } from "../options.ts";
import { acquireStyles } from "./styles.ts";

let sequence = 0;

/** A prefix for element ids, different for every mounted instance (several forms on one page). */
export function nextInstanceId(): string {
  return `cw${++sequence}`;
}

/**
 * Runs `task` once the browser has painted: a frame, then a task (what Preact's useEffect waits
 * for). Frames stop in a background tab, so a timer stands in after 100 ms. Returns a canceller.
 */
export function afterPaint(task: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  function cancel(): void {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(timer);
  }
  function painted(): void {
    cancel();
    timer = setTimeout(task, 0);
  }
  const fallback = setTimeout(painted, 100);
  // Requested last: a polyfill may call back at once.
  if (typeof requestAnimationFrame === "function") frame = requestAnimationFrame(painted);
  return cancel;
}

/** The stylesheet one mounted root holds, and the nonce it was injected with. */
export interface HeldStyles {
  nonce: string | undefined;
  release: () => void;
}

/**
 * Keeps the stylesheet in the document or shadow root that holds `el`: call after every commit
 * with what the last call returned (a changed nonce re-injects), and `release()` on unmount.
 */
export function holdStyles(el: Element | null, nonce: string | undefined, held?: HeldStyles): HeldStyles | undefined {
  if (held && held.nonce === nonce) return held;
  held?.release();
  if (!el) return undefined;
  const root = el.getRootNode();
  // A document, or a shadow root (a fragment with a host); a detached tree falls back to its document.
  const inTree = root.nodeType === 9 || (root.nodeType === 11 && "host" in root);
  return { nonce, release: acquireStyles(inTree ? (root as Document | ShadowRoot) : el.ownerDocument, nonce) };
}

export interface ThemeAttributes {
  "data-theme": "light" | "dark" | "auto";
  style: Record<string, string>;
}

/** `data-theme` and the `--cw-*` custom properties for a root element (Preact sets them via style.setProperty). */
export function themeAttributes(appearance: Appearance | undefined, extra?: Record<string, string>): ThemeAttributes {
  const style: Record<string, string> = { ...extra };
  for (const [name, value] of Object.entries(appearance?.variables ?? {})) {
    style[name.startsWith("--") ? name : `--cw-${name}`] = value;
  }
  return { "data-theme": appearance?.theme ?? "light", style };
}
