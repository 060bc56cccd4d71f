// After a redirect-mode 3-D Secure the page comes back with `?status=…&transactionId=…`. The first
// widget mounted on the page claims that outcome; its parser is late code, so the widget reads it
// (and the URL is cleaned) once the late code has loaded. Later widgets are fresh forms.

let taken = false;

/** True (once per page) when the URL may carry an outcome: both marker parameters, not yet claimed. */
export function claimRedirectOutcome(): boolean {
  if (taken || typeof window === "undefined") return false;
  const params = new URLSearchParams(window.location.search);
  if (!params.has("status") || !params.has("transactionId")) return false;
  taken = true;
  return true;
}
