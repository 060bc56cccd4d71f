// Public face of shared/: the code both script files run. It ships in checkout-widget.js, and the
// late chunk borrows what it imports from here (the build derives the names and fails on a copy).
export * from "./card/index.ts";
export * from "./i18n/index.ts";
export * from "./ui/index.ts";
export { isRecord } from "./is-record.ts";
export { memoizeUntilFailure } from "./memoize.ts";
export { releaseDom } from "./release-dom.ts";
export { version } from "./version.ts";
export type * from "./options.ts";
export type * from "./payment.ts";
