// How checkout-widget-hosted.js loads its saved cards (in place of saved-chunk.ts, by the build):
// checkout-widget-hosted-saved.js beside this script (with its query and nonce), a classic script
// that registers on a global named as its file. A failed load is no list: the Pay button stays.
import type { HostedSavedApi } from "./saved-chunk.ts";
import { HOSTED_SAVED_FILE } from "./saved-file.ts";

// Read as this file runs: the hosted script's own element.
const own = document.currentScript as HTMLScriptElement | null;

/** The saved file's API once it has run; undefined when it did not load (or registered nothing). */
export const loadHostedSaved = (): Promise<HostedSavedApi | undefined> =>
  new Promise((resolve) => {
    const host = window as unknown as Record<string, HostedSavedApi | undefined>;
    const done = (): void => resolve(host[HOSTED_SAVED_FILE]);
    if (host[HOSTED_SAVED_FILE]) return done();
    const script = document.createElement("script");
    const src = new URL(own?.src ?? location.href);
    script.src = new URL(HOSTED_SAVED_FILE + src.search, src).href;
    script.nonce = own?.nonce ?? "";
    script.onload = script.onerror = () => {
      script.remove();
      done();
    };
    document.head.appendChild(script);
  });
