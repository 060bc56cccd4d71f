// Public face of the saved-card store.
export type { NewSavedCard, SavedCard, SavedCardStore } from "./saved-card-store.ts";
export { memorySavedCardStore } from "./memory-saved-card-store.ts";
export type { MemorySavedCardStoreOptions } from "./memory-saved-card-store.ts";
