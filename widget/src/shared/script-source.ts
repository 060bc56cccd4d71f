// A classic script inserted into the page, resolving with what it registers on a private global:
// how the script tag's main file loads its late file, and the late file the pieces only some pages
// need (late/pieces.ts). In shared/ so that both files run the one copy (the late file borrows it).

/**
 * Injects `<script src=…>` (from where the main script came, so CSP `script-src 'self'` allows
 * it) and resolves with what it registered on `window[global]`. The caller memoizes.
 */
export function lateScriptSource<Api>(src: string, nonce: (() => string | undefined) | undefined, global: string): () => Promise<Api> {
  return () =>
    new Promise<Api>((resolve, reject) => {
      const host = window as unknown as Record<string, Api | undefined>;
      const ready = host[global];
      if (ready) return resolve(ready);
      const script = document.createElement("script");
      script.src = src; // an inserted script runs as soon as it arrives (async by default)
      const value = nonce?.();
      if (value) script.nonce = value;
      const settle = (): void => {
        script.remove();
        const loaded = host[global];
        if (loaded) resolve(loaded);
        else reject(new Error(`${src} did not load: deploy it beside checkout-widget.js or set data-late-src`));
      };
      script.addEventListener("load", settle, { once: true });
      script.addEventListener("error", settle, { once: true });
      document.head.appendChild(script);
    });
}
