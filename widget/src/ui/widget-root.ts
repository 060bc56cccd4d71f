// What every widget root (the form, a dialog) shares: an id unique on the page, the injected
// stylesheet, and the merchant's theme applied through CSSOM (allowed under a strict CSP).
import { useLayoutEffect, useState } from "preact/hooks";
import type { RefObject } from "preact";
import type { Appearance } from "../options.ts";
import { acquireStyles } from "./styles.ts";

let sequence = 0;

/** A prefix for element ids, different for every mounted instance (several forms on one page). */
export function useInstanceId(): string {
  return useState(() => `cw${++sequence}`)[0];
}

/** Injects the stylesheet into the document or shadow root that holds `ref` while mounted. */
export function useStyles(ref: RefObject<Element>, nonce: string | undefined): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = el.getRootNode();
    // A document, or a shadow root (a fragment with a host); a detached tree falls back to its document.
    const inTree = root.nodeType === 9 || (root.nodeType === 11 && "host" in root);
    return acquireStyles(inTree ? (root as Document | ShadowRoot) : el.ownerDocument, nonce);
  }, [nonce]);
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
