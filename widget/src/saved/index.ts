// The saved cards' one public face, the SavedApi: what the host reaches through saved() once
// `{endpoint}/saved-cards` has answered with cards or `canSave` — dist/checkout-widget-saved.js for
// the script tag, a dynamic import in the npm build. A guest never loads it. SavedCardList is the
// list alone (no card form), for any family of the widget; SavedCardsPanel is the card family's.
export { SavedCardList, savedCardName } from "./saved-card-list.tsx";
export { panelFor, SavedCardsPanel } from "./saved-cards-panel.tsx";
export { createSavedTranslator } from "./saved-texts.ts";
export { readSavedCards } from "./saved-list.ts";
