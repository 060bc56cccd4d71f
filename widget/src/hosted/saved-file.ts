// The hosted family's saved cards' file (hosted/ask-saved-cards.ts loads it, the build writes it):
// it registers on a private global named as the file.
export const HOSTED_SAVED_FILE = "checkout-widget-hosted-saved.js";
