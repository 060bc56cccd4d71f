// The npm entry must import cleanly on a server: no window, document or custom-element registry
// is read while the module graph evaluates (the custom element is defined only on request).
import { afterEach, describe, expect, it, vi } from "vitest";

// `navigator` is left out: Node 21+ defines it, and node-forge's jsbn feature-tests it with typeof.
const BROWSER_GLOBALS = ["window", "document", "customElements", "HTMLElement", "location", "history", "self"] as const;

afterEach(() => {
  for (const name of BROWSER_GLOBALS) Reflect.deleteProperty(globalThis, name);
});

describe("npm entry on a server", () => {
  it("imports without touching browser globals", async () => {
    expect(typeof window).toBe("undefined");
    const touched: string[] = [];
    for (const name of BROWSER_GLOBALS) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          return undefined;
        },
      });
    }
    vi.resetModules();
    const entry = await import("./index.ts");
    expect(touched).toEqual([]);
    // node-forge stays out of the import graph until a cryptogram is asked for.
    expect(Object.keys(require.cache ?? {}).some((path) => path.includes("node-forge"))).toBe(false);
    expect(Object.keys(entry).sort()).toEqual(
      [
        "CardForm",
        "CardValidationError",
        "CryptogramError",
        "createCryptogram",
        "createCvvCryptogram",
        "defineCheckoutElement",
        "mount",
        "open",
        "version",
      ].sort(),
    );
  });
});
