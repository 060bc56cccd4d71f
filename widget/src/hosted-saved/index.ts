// Hosted mode's saved cards, the HostedSavedApi: dist/checkout-widget-hosted-saved.js for the
// script tag (it borrows preact and the stylesheet from checkout-widget-hosted.js), a chunk of
// `checkout-widget/hosted` for bundlers. Loaded only when `{endpoint}/saved-cards` listed cards.
export { savedCardsFor } from "./hosted-saved-panel.tsx";
