// HTML attributes (`<checkout-widget invoice-id=…>`) and data attributes
// (`<div data-checkout-widget data-invoice-id=…>`) -> CheckoutOptions. Which options and how each
// is read come from the one table of options (option-problems.ts).
import type { CheckoutOptions } from "../../shared/index.ts";
import { MARKUP_OPTIONS } from "./option-problems.ts";
import type { MarkupOption } from "./option-problems.ts";

export type AttributeOption = MarkupOption;
export const ATTRIBUTE_OPTIONS: AttributeOption[] = MARKUP_OPTIONS.map(([name]) => name);

/** `invoiceId` -> `invoice-id`, `threeDs` -> `three-ds`. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Attribute names observed by the custom element. */
export const OBSERVED_ATTRIBUTES = ATTRIBUTE_OPTIONS.map(kebabCase);

/**
 * Every markup option, `undefined` where absent (so an update also clears a removed attribute).
 * Partial: validation (option-problems.ts) decides what is missing or malformed.
 * Reads options through `read(optionName)` (returns the raw string or null when absent),
 * so the same parser serves `getAttribute(kebab)` and `dataset[camel]`.
 */
export function parseAttributeOptions(read: (option: AttributeOption) => string | null | undefined): Partial<CheckoutOptions> {
  const options: Record<string, unknown> = {};
  for (const [name, kind] of MARKUP_OPTIONS) {
    const raw = read(name);
    options[name] = undefined;
    if (raw == null) continue;
    switch (kind) {
      case "string":
        options[name] = raw;
        break;
      case "number":
        // A non-numeric value stays a string so validation names the option.
        options[name] = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
        break;
      case "boolean":
        // Presence means true (`require-email`), except an explicit "false".
        options[name] = raw.trim().toLowerCase() !== "false";
        break;
      case "json":
        try {
          options[name] = JSON.parse(raw) as unknown;
        } catch {
          options[name] = raw; // not JSON: validation reports the option as invalid
        }
        break;
    }
  }
  return options as Partial<CheckoutOptions>;
}

export function optionsFromAttributes(element: Element): Partial<CheckoutOptions> {
  return parseAttributeOptions((name) => {
    // Browsers hide a `nonce` attribute's value once a CSP applies; the property keeps it.
    if (name === "nonce" && "nonce" in element && typeof element.nonce === "string") return element.nonce || null;
    return element.getAttribute(kebabCase(name));
  });
}

export function optionsFromDataset(element: HTMLElement): Partial<CheckoutOptions> {
  return parseAttributeOptions((name) => element.dataset[name]);
}
