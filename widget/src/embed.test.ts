// @vitest-environment jsdom
// Where the script-tag build looks for its second file: beside itself (with its cache-busting
// query), or wherever the script tag's data-late-src says (a bundler renamed or moved it).
import { afterEach, describe, expect, it, vi } from "vitest";

const host = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete host.CheckoutWidget;
  delete host.cp;
  document.head.innerHTML = "";
  vi.resetModules();
});

/** Runs embed.ts as if `<script src=…>` (with its data-* attributes) were loading it now. */
async function loadEmbedFrom(src: string, data: Record<string, string> = {}): Promise<string> {
  const own = document.createElement("script");
  own.src = src;
  Object.assign(own.dataset, data);
  document.head.append(own);
  const current = vi.spyOn(document, "currentScript", "get").mockReturnValue(own);
  await import("./embed.ts");
  current.mockRestore();
  const { loadLate } = await import("./host/index.ts");
  const console = vi.spyOn(globalThis.console, "error").mockImplementation(() => undefined);
  const loading = loadLate().catch((error: unknown) => String(error));
  const injected = [...document.head.querySelectorAll("script")].find((script) => script !== own);
  const url = injected?.src ?? "";
  injected?.dispatchEvent(new Event("error"));
  await loading;
  console.mockRestore();
  return url;
}

describe("the second file's URL", () => {
  it("sits beside the main file, with its cache-busting query", async () => {
    expect(await loadEmbedFrom("https://cdn.shop.test/js/checkout-widget.js?v=7")).toBe("https://cdn.shop.test/js/checkout-widget-crypto.js?v=7");
  });

  it("is data-late-src when the script tag names it (resolved against the page)", async () => {
    expect(await loadEmbedFrom("https://cdn.shop.test/js/app.3f2a.js", { lateSrc: "/static/late.91bc.js" })).toBe(
      `${window.location.origin}/static/late.91bc.js`,
    );
  });
});
