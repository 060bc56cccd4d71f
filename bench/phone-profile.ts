// Start → interactive card form under a mid-range phone profile, for three pages loaded the same
// way in the same run: the widget (checkout-widget.js, mounted with an inline key), a static HTML
// page with the same inputs and button, and a bare Preact form of the same four inputs (the floor
// for any script-tag widget). The widget's figures are given as ratios to the other two.
import { build } from "esbuild";
import type { Browser } from "@playwright/test";
import { median } from "./stats.ts";

/** Chrome DevTools' "mid-range mobile" shape: 150 ms round trip, 1.6 Mbps down, CPU 4× slower. */
export const PHONE_PROFILE = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 } as const;

export const CARD_INPUT = 'input[autocomplete="cc-number"]';

/**
 * The first script of every bench page: stamps the moment the card-number input exists and can be
 * used (enabled, not read-only, focusable, laid out). performance.now() counts from the start of
 * the navigation, the one clock all three pages share; `script` is when this script ran.
 */
export function readinessScript(): string {
  return `<script>
window.__bench = { script: performance.now(), loaded: null, ready: null };
(function () {
  function usable() {
    var el = document.querySelector(${JSON.stringify(CARD_INPUT)});
    return !!el && !el.disabled && !el.readOnly && el.tabIndex >= 0 && el.getClientRects().length > 0;
  }
  function check() {
    if (window.__bench.ready === null && usable()) { window.__bench.ready = performance.now(); observer.disconnect(); }
  }
  var observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
})();
</script>`;
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>bench</title>${readinessScript()}</head><body>
${body}
</body></html>`;
}

/** The widget's four inputs and Pay button as plain HTML. */
export function staticFormPage(): string {
  return page(`<form novalidate>
<label for="n">Card number</label><input id="n" inputmode="numeric" autocomplete="cc-number">
<label for="e">Expiry date</label><input id="e" inputmode="numeric" autocomplete="cc-exp">
<label for="c">CVC</label><input id="c" inputmode="numeric" autocomplete="cc-csc">
<label for="h">Name on card</label><input id="h" autocomplete="cc-name">
<button type="submit">Pay</button>
</form>`);
}

export function barePreactPage(): string {
  return page(`<div id="checkout"></div>
<script src="/bare-preact-form.js"></script>`);
}

/** checkout-widget.js mounted with an inline key, so nothing else is fetched before the form. */
export function widgetPage(mainFile: string, options: Record<string, unknown>): string {
  // "<\/" keeps the PEM's JSON from closing the script element.
  const json = JSON.stringify(options).replace(/</g, "\\u003c");
  return page(`<div id="checkout"></div>
<script src="/${mainFile}"></script>
<script>window.__bench.loaded = performance.now(); CheckoutWidget.mount("#checkout", ${json});</script>`);
}

/** The bare Preact form, bundled as the script-tag files are (minified IIFE, ES2020). */
export async function buildBarePreactForm(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./pages/bare-preact-form.tsx", import.meta.url).pathname],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "warning",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild wrote no bare Preact form");
  return file.text;
}

export interface PhoneLoad {
  /** Navigation start → usable card input, ms. */
  ready: number;
  /** Navigation start → the page's first script ran (the HTML has arrived), ms. */
  script: number;
}

export interface PhoneFigures {
  widgetMs: number;
  staticMs: number;
  barePreactMs: number;
  /** Medians of the widget's per-load ratios to the other two pages loaded in the same round. */
  widgetToStatic: number;
  widgetToBarePreact: number;
  /** The widget's first script ran (its HTML arrived), median, ms. */
  widgetHtmlMs: number;
  loads: number;
  runs: { widget: PhoneLoad[]; static: PhoneLoad[]; barePreact: PhoneLoad[] };
}

const TIME_LIMIT_MS = 150_000;
const MIN_LOADS = 5;

async function loadOnce(browser: Browser, url: string): Promise<PhoneLoad> {
  // A fresh context per load: empty cache, new connections, as a first visit.
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PHONE_PROFILE.latencyMs,
      downloadThroughput: (PHONE_PROFILE.downloadKbps * 1000) / 8,
      uploadThroughput: (PHONE_PROFILE.uploadKbps * 1000) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE_PROFILE.cpuSlowdown });
    const thrown = new Promise<never>((_resolve, reject) =>
      tab.once("pageerror", (error) => reject(new Error(`the page threw: ${error.message}`))),
    );
    thrown.catch(() => {});
    await tab.goto(url);
    await Promise.race([
      thrown,
      tab.waitForFunction(() => (window as unknown as { __bench: { ready: number | null } }).__bench.ready !== null, null, { timeout: 30_000 }),
    ]);
    return await tab.evaluate(() => {
      const b = (window as unknown as { __bench: { ready: number; script: number } }).__bench;
      return { ready: b.ready, script: b.script };
    });
  } finally {
    await context.close();
  }
}

/**
 * Rounds of one fresh load of each page, after one warm-up round; the order inside a round
 * rotates, so that no page always loads first. Stops after `loads` rounds, or on a machine too
 * busy to finish in time after at least MIN_LOADS.
 */
export async function timePhoneProfile(
  browser: Browser,
  urls: { widget: string; static: string; barePreact: string },
  loads: number,
): Promise<PhoneFigures> {
  const runs: PhoneFigures["runs"] = { widget: [], static: [], barePreact: [] };
  const pages = ["widget", "static", "barePreact"] as const;
  const deadline = performance.now() + TIME_LIMIT_MS;
  for (let round = 0; round <= loads; round++) {
    if (runs.widget.length >= MIN_LOADS && performance.now() > deadline) break;
    const results: Partial<Record<(typeof pages)[number], PhoneLoad>> = {};
    for (let i = 0; i < pages.length; i++) {
      const name = pages[(round + i) % pages.length] ?? "widget";
      results[name] = await loadOnce(browser, urls[name]);
    }
    if (round === 0) continue; // warm-up: the browser process, the server, the bundle on disk
    for (const name of pages) {
      const result = results[name];
      if (result) runs[name].push(result);
    }
  }
  const ready = (list: PhoneLoad[]) => list.map((load) => load.ready);
  const ratios = (other: PhoneLoad[]) => runs.widget.map((load, i) => load.ready / (other[i]?.ready ?? Number.NaN));
  return {
    widgetMs: median(ready(runs.widget)),
    staticMs: median(ready(runs.static)),
    barePreactMs: median(ready(runs.barePreact)),
    widgetToStatic: median(ratios(runs.static)),
    widgetToBarePreact: median(ratios(runs.barePreact)),
    widgetHtmlMs: median(runs.widget.map((load) => load.script)),
    loads: runs.widget.length,
    runs,
  };
}
