// The one way main code reaches late code: `late()` is the LateApi once it has loaded and
// undefined before (so the compiler makes every use say what happens until then), `loadLate()`
// loads it. Both builds use it the same way; only where the code comes from differs, and the entry
// says so: the second script file (embed.ts, as it runs) or a dynamic import (index.ts, on first
// use: the package is side-effect free, so a bundler may drop what its entry does on import).
import { memoizeUntilFailure, setBrandMarks } from "../shared/index.ts";
import type * as LateModule from "../late/index.ts";

export type LateApi = typeof LateModule;

let api: LateApi | undefined;
/** Views that draw more once the late code is there (the brand marks come with it). */
const waiting = new Set<() => void>();
let sourced = false;
// Until an entry sets a source (it does so as it loads), there is nothing to load.
let load: () => Promise<LateApi> = () => Promise.reject(new Error("checkout-widget: no late source"));

/** The late code, or undefined until it has loaded. */
export function late(): LateApi | undefined {
  return api;
}

/** Loads the late code once (a failed load is tried again on the next call). */
export function loadLate(): Promise<LateApi> {
  return load();
}

/** Where the late code comes from; set by the entry (tests set their own). Forgets what was loaded. */
export function setLateSource(from: () => Promise<LateApi>): void {
  sourced = true;
  api = undefined;
  load = memoizeUntilFailure(() =>
    from().then(
      (loaded) => {
        setBrandMarks(loaded.BRAND_MARKS);
        api = loaded;
        for (const redraw of [...waiting]) redraw();
        return loaded;
      },
      (error: unknown) => {
        // For the developer: which file, and how to fix it (the shopper gets a short line).
        console.error("checkout-widget:", String(error));
        throw error;
      },
    ),
  );
}

/** Calls `redraw` when the late code arrives, unless it is there already; returns a canceller. */
export function onLate(redraw: () => void): () => void {
  if (api) return () => undefined;
  waiting.add(redraw);
  return () => void waiting.delete(redraw);
}

/** The source, unless an entry (or a test) has set one: the npm entry's dynamic import. */
export function defaultLateSource(from: () => Promise<LateApi>): void {
  if (!sourced) setLateSource(from);
}
