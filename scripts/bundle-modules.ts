// How the two script-tag files divide the modules between them (used by build.ts, checked by
// bundle-modules.test.ts).

/**
 * What the crypto chunk imports but the main bundle already holds: the main bundle lends these on a
 * private global (embed.ts, `shared`), so the chunk reads them instead of carrying a second copy —
 * for preact a second copy would also split its render state. Keys: package specifiers or paths from the root;
 * `names`: the exports lent, exactly those embed.ts puts on the global. Only these are lent, so the
 * main bundle still drops what it does not use itself. The chunk's build fails if it imports any
 * other name (the shim is an ES module), and the chunk throws on load if embed.ts stops lending one.
 */
export const SHARED_MODULES: Readonly<Record<string, { global: string; names: readonly string[] }>> = {
  preact: { global: "preact", names: ["Component", "Fragment", "createRef"] },
  // The widget's components are classes: no hooks runtime in either file (an import fails the build).
  "preact/hooks": { global: "hooks", names: [] },
  "preact/jsx-runtime": { global: "jsxRuntime", names: ["jsx", "jsxs", "Fragment"] },
  "widget/src/card/index.ts": { global: "card", names: ["cardDigits", "detectBrand", "parseExpiry", "validateCard"] },
  "widget/src/i18n/index.ts": { global: "i18n", names: ["declineMessage", "formatAmount"] },
  "widget/src/ui/Modal.tsx": { global: "modal", names: ["Modal"] },
};

/**
 * Modules used only once a payment has an answer (or after the chunk has loaded): in the main
 * script-tag bundle each export becomes a function that calls the same export of the crypto chunk's
 * global (crypto-chunk.ts registers them) and answers undefined before it has loaded, so their
 * bytes leave the critical path. Every listed export must be a function (components included, and
 * function components only: a class cannot be called).
 * ES module stubs, so that the main bundle carries no CommonJS interop helpers.
 */
export const LATE_MODULES: Readonly<Record<string, readonly string[]>> = {
  "widget/src/i18n/late.ts": ["lateText", "reasonKey"],
  "widget/src/entries/redirect-reader.ts": ["readRedirectResult"],
  "widget/src/ui/late-views.ts": ["ApprovedScreen", "DeclinedScreen", "ThreeDsDialog", "declinedText"],
  // cp.Checkout: a cryptogram waits for the chunk anyway; only the constructor stays in main.
  "widget/src/entries/cp-cryptogram.ts": ["createCpCryptogram"],
};
