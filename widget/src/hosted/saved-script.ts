// How checkout-widget-hosted.js loads its saved cards (in place of saved-chunk.ts, by the build):
// checkout-widget-hosted-saved.js beside this script (with its query and nonce), a classic script
// that registers on a global named as its file. A failed load is no list: the Pay button stays.
import type { HostedSavedApi } from "./saved-chunk.ts";
import { HOSTED_SAVED_FILE } from "./saved-file.ts";

// Read as this file runs: the hosted script's own element.
const own = document.currentScript as HTMLScriptElement | null;

export const loadHostedSaved = (): Promise<HostedSavedApi> =>
  new Promise((resolve, reject) => {
    const host = window as unknown as Record<string, HostedSavedApi | undefined>;
    if (host[HOSTED_SAVED_FILE]) return resolve(host[HOSTED_SAVED_FILE]);
    const script = document.createElement("script");
    const src = new URL(own?.src ?? location.href);
    script.src = new URL(HOSTED_SAVED_FILE + src.search, src).href;
    script.nonce = own?.nonce ?? "";
    script.onload = script.onerror = () => {
      script.remove();
      const api = host[HOSTED_SAVED_FILE];
      if (api) resolve(api);
      else reject(new Error(`${script.src} did not load`));
    };
    document.head.appendChild(script);
  });
