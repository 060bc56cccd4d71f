// Package version, injected by scripts/build.ts; "dev" when running from source (tests, Vite).
declare const __CHECKOUT_WIDGET_VERSION__: string | undefined;

export const version: string = typeof __CHECKOUT_WIDGET_VERSION__ === "string" ? __CHECKOUT_WIDGET_VERSION__ : "dev";
