// HTML attributes (`<checkout-widget invoice-id=…>`) and data attributes
// (`<div data-checkout-widget data-invoice-id=…>`) -> CheckoutOptions. One table for both.
import type { CheckoutOptions } from "../options.ts";

type AttributeKind = "string" | "number" | "boolean" | "json";

/** Options settable from markup; callbacks are DOM events instead. */
const ATTRIBUTE_KINDS = {
  publicId: "string",
  publicKey: "json",
  publicKeyUrl: "string",
  endpoint: "string",
  invoiceId: "string",
  amount: "number",
  currency: "string",
  description: "string",
  accountId: "string",
  email: "string",
  requireEmail: "boolean",
  scheme: "string",
  language: "string",
  texts: "json",
  appearance: "json",
  threeDs: "string",
  nonce: "string",
  timeoutMs: "number",
} as const satisfies Partial<Record<keyof CheckoutOptions, AttributeKind>>;

export type AttributeOption = keyof typeof ATTRIBUTE_KINDS;
export const ATTRIBUTE_OPTIONS = Object.keys(ATTRIBUTE_KINDS) as AttributeOption[];

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
  for (const name of ATTRIBUTE_OPTIONS) {
    const raw = read(name);
    options[name] = undefined;
    if (raw == null) continue;
    const kind: AttributeKind = ATTRIBUTE_KINDS[name];
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
