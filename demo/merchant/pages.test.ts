import { describe, expect, it } from "vitest";
import { TEST_CARDS as SANDBOX_CARDS } from "../../sandbox/index.ts";
import { documentTitle, PAGES, renderPage, strictCsp, testCardTable } from "./pages.ts";
import { TEST_CARDS } from "./test-cards.ts";

describe("the demo's test-card table", () => {
  it("lists exactly the sandbox's cards with the sandbox's behaviour", () => {
    const digits = TEST_CARDS.map((card) => card.number.replace(/\s/g, ""));
    expect(new Set(digits)).toEqual(new Set(SANDBOX_CARDS.keys()));
    for (const card of TEST_CARDS) {
      const behaviour = SANDBOX_CARDS.get(card.number.replace(/\s/g, ""));
      expect(behaviour?.threeDs, card.number).toBe(card.threeDs);
      expect(behaviour?.paymentDecline === null, card.number).toBe(card.result === "approved");
    }
  });

  it("shows card numbers only as cell text, never in an attribute", () => {
    const html = testCardTable();
    const attributes = html.match(/\s[a-z-]+="[^"]*"/g) ?? [];
    expect(attributes.join(" ")).not.toMatch(/\d{4}\s?\d{4}/);
    expect(html).toContain("4242 4242 4242 4242");
  });
});

describe("strictCsp", () => {
  it("allows scripts only from self and styles from self or the nonce", () => {
    const policy = strictCsp("abc", "http://127.0.0.1:8600");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self' 'nonce-abc'");
    expect(policy).not.toContain("unsafe");
  });
});

describe("the pages' language", () => {
  const htmlDir = new URL("../html", import.meta.url).pathname;
  const cyrillic = (html: string) => html.replace(/<a [^>]*hreflang="ru"[^>]*>Русский<\/a>/, "").match(/[\u0400-\u04FF]+/g) ?? [];

  it("renders a whole page in English with ?lang=en: <html lang>, title, headings, links that keep the language", async () => {
    for (const page of PAGES.filter((p) => !p.moduleScript)) {
      const html = await renderPage(htmlDir, page, null, "en");
      expect(html, page.path).toContain('<html lang="en">');
      expect(cyrillic(html), page.path).toEqual([]);
      expect(html, page.path).not.toMatch(/\{\{/);
      const withoutSwitch = html.replace(/<a [^>]*hreflang="ru"[^>]*>Русский<\/a>/, "");
      for (const href of withoutSwitch.match(/href="\/[^"]*"/g) ?? []) {
        if (!/\.(css|svg)"/.test(href)) expect(href, page.path).toMatch(/lang=en/);
      }
    }
  });

  it("is Russian by default, with a title that does not repeat itself", async () => {
    const home = PAGES.find((p) => p.path === "/")!;
    const html = await renderPage(htmlDir, home, null);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain("<title>Демо-магазин</title>");
    expect(documentTitle(PAGES.find((p) => p.path === "/modal")!, "en")).toBe("Modal — Demo shop");
    expect(html).toContain('<link rel="icon" href="/favicon.svg"');
  });
});
