// Script-tag build: `<div data-checkout-widget data-public-id=… data-invoice-id=…>` mounts itself
// on DOMContentLoaded (or at once if the document is already parsed). Outcomes are DOM events on it.
import type { CheckoutOptions } from "../shared/index.ts";
import { eventOptions, outcomeToEvent } from "./checkout-element.ts";
import { mountWith } from "./mount.tsx";
import type { CheckoutHandle } from "./mount.tsx";
import { optionsFromDataset } from "./options/index.ts";

// Our own <style data-checkout-widget> and any script tag carrying the attribute are not hosts.
const HOSTS = "[data-checkout-widget]:not(style):not(script):not(link)";

const mounted = new WeakMap<Element, CheckoutHandle>();

/** Mounts every not yet mounted `[data-checkout-widget]` under `root`; returns the new handles. */
export function mountDataElements(root: ParentNode = document): CheckoutHandle[] {
  const handles: CheckoutHandle[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(HOSTS))) {
    if (mounted.has(el)) continue;
    const options = { ...optionsFromDataset(el), ...eventOptions(el) } as CheckoutOptions;
    const handle = mountWith(el, options, { onOutcome: outcomeToEvent(el) });
    mounted.set(el, handle);
    handles.push(handle);
  }
  return handles;
}

export function mountDataElementsWhenReady(): void {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => mountDataElements(), { once: true });
  } else {
    mountDataElements();
  }
}
