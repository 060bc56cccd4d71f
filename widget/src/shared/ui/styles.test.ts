// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { acquireStyles } from "./styles.ts";

const count = (root: ParentNode) => root.querySelectorAll("style[data-checkout-widget]").length;

describe("acquireStyles", () => {
  it("injects once per document and removes the sheet on the last release", () => {
    const first = acquireStyles(document, "abc");
    const second = acquireStyles(document, "abc");
    expect(count(document.head)).toBe(1);
    expect(document.head.querySelector("style[data-checkout-widget]")?.getAttribute("nonce")).toBe("abc");
    first();
    first(); // a second release of the same holder changes nothing
    expect(count(document.head)).toBe(1);
    second();
    expect(count(document)).toBe(0);
    const again = acquireStyles(document);
    expect(count(document.head)).toBe(1);
    expect(document.head.querySelector("style[data-checkout-widget]")?.hasAttribute("nonce")).toBe(false);
    again();
  });

  it("puts the sheet inside a shadow root, apart from the document's", () => {
    const host = document.createElement("div");
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: "open" });
    const release = acquireStyles(shadow);
    expect(count(shadow)).toBe(1);
    expect(count(document)).toBe(0);
    release();
    expect(count(shadow)).toBe(0);
    host.remove();
  });
});
