// The parser of a redirect-mode 3-D Secure outcome in the page URL. Its own module so that the
// script-tag build can leave it to the crypto chunk (LATE_MODULES in scripts/bundle-modules.ts): the main
// bundle only checks whether the URL may carry an outcome and waits for the chunk when it does.
export { readRedirectResult } from "../payment/index.ts";
