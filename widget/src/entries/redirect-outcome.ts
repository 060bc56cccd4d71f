// After a redirect-mode 3-D Secure the page comes back with `?status=…&transactionId=…`.
// The first widget mounted on the page takes that outcome (and the URL is cleaned); later ones do not.
import { readRedirectResult } from "../payment/index.ts";
import type { FinalPaymentState } from "../payment/index.ts";

let taken = false;

export function takeRedirectOutcome(): FinalPaymentState | null {
  if (taken || typeof window === "undefined") return null;
  taken = true;
  return readRedirectResult(window.location, window.history);
}
