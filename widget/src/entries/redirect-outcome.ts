// After a redirect-mode 3-D Secure the page comes back with `?status=…&transactionId=…`.
// The first widget mounted on the page takes that outcome (and the URL is cleaned); later ones do not.
import type { FinalPaymentState } from "../payment/index.ts";
import { readRedirectResult } from "./redirect-reader.ts";

let taken = false;

export function takeRedirectOutcome(): FinalPaymentState | null {
  if (!mayHaveRedirectOutcome()) return null;
  taken = true;
  return readRedirectResult(window.location, window.history);
}

/**
 * Whether takeRedirectOutcome may find something: an untaken URL with both marker parameters.
 * Checked without the parser, which the script-tag build loads with the crypto chunk.
 */
export function mayHaveRedirectOutcome(): boolean {
  if (taken || typeof window === "undefined") return false;
  const params = new URLSearchParams(window.location.search);
  return params.has("status") && params.has("transactionId");
}
