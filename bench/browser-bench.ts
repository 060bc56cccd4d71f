// The Chromium figures: cryptogram creation, script start to an interactive form, and
// formatting per keystroke, each timed with performance.now() inside the page.
import { generateKeyPairSync } from "node:crypto";
import { access } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { resolveChromium } from "../scripts/ensure-browser.ts";
// The private globals the script-tag bundles share (the bench reads them as the crypto chunk does).
import { CRYPTO_FILE, CRYPTO_GLOBAL, SHARED_GLOBAL } from "../widget/src/entries/crypto-loader.ts";
import { formatCardNumber, formatExpiry } from "../widget/src/card/index.ts";
import { median, quantile } from "./stats.ts";
import { startStaticServer } from "./static-server.ts";

const MAIN_FILE = "checkout-widget.js";
const PUBLIC_ID = "test_api_00000000000000000000001";
const CARD = { cardNumber: "4242 4242 4242 4242", expDateMonthYear: "12/30", cvv: "123" };
/** Typed digit by digit: a 16-digit Visa and a 19-digit MIR number; an expiry. */
const TYPED_NUMBERS = ["4242424242424242", "2200000000000000004"];
const TYPED_EXPIRIES = ["1230"];
const CARD_INPUT = 'input[autocomplete="cc-number"]';

export interface BrowserBenchOptions {
  distDir: string;
  cryptogramCalls: number;
  pageLoads: number;
  typingRuns: number;
}

export interface CryptogramFigures {
  /** Per call, ms: median and p95 over `calls` calls after warm-up, and the first (cold) call. */
  medianMs: number;
  p95Ms: number;
  firstMs: number;
  calls: number;
}

export interface InteractiveFigures {
  /** Script start to an enabled card-number input, ms, median over fresh page loads. */
  medianMs: number;
  /** Medians of its two parts: loading and running the script; mount to a usable input. */
  scriptMs: number;
  mountMs: number;
  loads: number;
}

export interface TypingFigures {
  /** Per keystroke, µs, median over runs. */
  cardNumberUs: number;
  expiryUs: number;
  runs: number;
  /** Where formatting was timed: the built bundle in Chromium, or the source in Node. */
  where: "chromium" | "node";
}

/** Each measurement runs on its own: one that fails leaves the others, and says why in `errors`. */
export interface BrowserFigures {
  chromium: string;
  cryptogram: CryptogramFigures | null;
  interactive: InteractiveFigures | null;
  typing: TypingFigures | null;
  errors: { part: string; error: string }[];
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

function scriptsPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<script src="/${MAIN_FILE}"></script>
<script src="/${CRYPTO_FILE}"></script>
</body></html>`;
}

/** First script marks the start; the observer stamps the moment the card input can be used. */
function interactivePage(publicKeyPem: string): string {
  const options = {
    publicId: PUBLIC_ID,
    publicKey: { pem: publicKeyPem, version: 1 },
    endpoint: "/api",
    invoiceId: "bench-1",
    amount: 1500,
    currency: "RUB",
    language: "en",
  };
  // "<\/" keeps the PEM's JSON from closing the script element.
  const json = JSON.stringify(options).replace(/</g, "\\u003c");
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<script>
window.__bench = { start: performance.now(), loaded: null, ready: null };
(function () {
  function usable() {
    var el = document.querySelector(${JSON.stringify(CARD_INPUT)});
    return !!el && !el.disabled && !el.readOnly && el.tabIndex >= 0 && el.getClientRects().length > 0;
  }
  var observer = new MutationObserver(function () {
    if (window.__bench.ready === null && usable()) { window.__bench.ready = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();
</script>
<div id="checkout"></div>
<script src="/${MAIN_FILE}"></script>
<script>window.__bench.loaded = performance.now(); CheckoutWidget.mount("#checkout", ${json});</script>
</body></html>`;
}

async function timeCryptograms(browser: Browser, url: string, publicKeyPem: string, calls: number) {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}/scripts.html`);
    await page.waitForFunction((name) => name in window, CRYPTO_GLOBAL);
    return await page.evaluate(
      ({ name, card, key, calls }) => {
        type Create = (c: typeof card, k: typeof key, o: { format: "json" }) => string;
        const create = (window as unknown as Record<string, { createCryptogram: Create }>)[name]!.createCryptogram;
        if (!window.crossOriginIsolated) throw new Error("page is not cross-origin isolated: timer too coarse");
        let t = performance.now();
        let sink = create(card, key, { format: "json" }).length;
        const first = performance.now() - t;
        for (let i = 0; i < 10; i++) sink += create(card, key, { format: "json" }).length; // warm-up
        const times: number[] = [];
        for (let i = 0; i < calls; i++) {
          t = performance.now();
          sink += create(card, key, { format: "json" }).length;
          times.push(performance.now() - t);
        }
        return { first, times, sink };
      },
      { name: CRYPTO_GLOBAL, card: CARD, key: { publicId: PUBLIC_ID, publicKeyPem, keyVersion: 1 }, calls },
    );
  } finally {
    await page.close();
  }
}

/** On a machine too busy to finish in time, stop early with at least this many loads. */
const INTERACTIVE_TIME_LIMIT_MS = 30_000;
const INTERACTIVE_MIN_LOADS = 5;

interface InteractiveLoad {
  /** Start to an interactive form. */
  total: number;
  /** Of which: fetching, compiling and running checkout-widget.js (defines the globals). */
  script: number;
  /** Of which: CheckoutWidget.mount until the input is usable. */
  mount: number;
}

async function timeInteractive(browser: Browser, url: string, loads: number): Promise<InteractiveLoad[]> {
  const times: InteractiveLoad[] = [];
  const deadline = performance.now() + INTERACTIVE_TIME_LIMIT_MS;
  for (let i = 0; i <= loads; i++) {
    if (times.length >= INTERACTIVE_MIN_LOADS && performance.now() > deadline) break;
    // A fresh context per load: empty cache, new renderer state.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // A widget that throws never gets interactive: say why instead of waiting for the timeout.
      const thrown = new Promise<never>((_resolve, reject) =>
        page.once("pageerror", (error) => reject(new Error(`the widget threw on the bench page: ${error.message}`))),
      );
      thrown.catch(() => {});
      await page.goto(`${url}/interactive.html`);
      await Promise.race([
        thrown,
        page.waitForFunction(() => (window as unknown as { __bench: { ready: number | null } }).__bench.ready !== null, null, {
          timeout: 10_000,
        }),
      ]);
      const { start, loaded, ready } = await page.evaluate(
        () => (window as unknown as { __bench: { start: number; loaded: number; ready: number } }).__bench,
      );
      // The first load warms the browser process up.
      if (i > 0) times.push({ total: ready - start, script: loaded - start, mount: ready - loaded });
    } finally {
      await context.close();
    }
  }
  return times;
}

interface CardFormatting {
  formatCardNumber(value: string): string;
  formatExpiry(value: string): string;
}

/** Types every number and expiry digit by digit, reformatting after each key as the form does. */
function typingRun(card: CardFormatting, numbers: readonly string[], expiries: readonly string[], repeat: number) {
  let sink = 0;
  let keysNumber = 0;
  let keysExpiry = 0;
  let t = performance.now();
  for (let r = 0; r < repeat; r++) {
    for (const digits of numbers) {
      let value = "";
      for (const ch of digits) {
        value = card.formatCardNumber(value + ch);
        keysNumber++;
      }
      sink += value.length;
    }
  }
  const numberMs = performance.now() - t;
  t = performance.now();
  for (let r = 0; r < repeat; r++) {
    for (const digits of expiries) {
      let value = "";
      for (const ch of digits) {
        value = card.formatExpiry(value + ch);
        keysExpiry++;
      }
      sink += value.length;
    }
  }
  const expiryMs = performance.now() - t;
  return { numberUs: (numberMs * 1000) / keysNumber, expiryUs: (expiryMs * 1000) / keysExpiry, sink };
}

const TYPING_REPEAT = 200;

async function timeTyping(browser: Browser, url: string, runs: number) {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}/scripts.html`);
    const exposed = await page.evaluate((name) => {
      const shared = (window as unknown as Record<string, { card?: Partial<CardFormatting> } | undefined>)[name];
      return typeof shared?.card?.formatCardNumber === "function" && typeof shared.card.formatExpiry === "function";
    }, SHARED_GLOBAL);
    if (!exposed) return null;
    // The run function travels as source: it closes over nothing but its arguments.
    return await page.evaluate(
      ({ name, source, numbers, expiries, repeat, runs }) => {
        const run = new Function(`return (${source})`)() as typeof typingRun;
        const card = (window as unknown as Record<string, { card: CardFormatting }>)[name]!.card;
        run(card, numbers, expiries, repeat); // warm-up
        return Array.from({ length: runs }, () => run(card, numbers, expiries, repeat));
      },
      { name: SHARED_GLOBAL, source: typingRun.toString(), numbers: TYPED_NUMBERS, expiries: TYPED_EXPIRIES, repeat: TYPING_REPEAT, runs },
    );
  } finally {
    await page.close();
  }
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserFigures> {
  // Fail now rather than after a page timeout when the build left no bundles.
  await Promise.all([MAIN_FILE, CRYPTO_FILE].map((file) => access(join(options.distDir, file))));
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const server = await startStaticServer(options.distDir, {
    "/scripts.html": scriptsPage(),
    "/interactive.html": interactivePage(publicKeyPem),
  });
  const executablePath = resolveChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const errors: BrowserFigures["errors"] = [];
  const attempt = async <T>(part: string, task: () => Promise<T>): Promise<T | null> => {
    try {
      return await task();
    } catch (error) {
      errors.push({ part, error: error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error) });
      return null;
    }
  };
  try {
    const cryptogram = await attempt("cryptogram", async (): Promise<CryptogramFigures> => {
      const { first, times } = await timeCryptograms(browser, server.url, publicKeyPem, options.cryptogramCalls);
      return { medianMs: median(times), p95Ms: quantile(times, 0.95), firstMs: first, calls: times.length };
    });
    const interactive = await attempt("interactive form", async (): Promise<InteractiveFigures> => {
      const loads = await timeInteractive(browser, server.url, options.pageLoads);
      return {
        medianMs: median(loads.map((t) => t.total)),
        scriptMs: median(loads.map((t) => t.script)),
        mountMs: median(loads.map((t) => t.mount)),
        loads: loads.length,
      };
    });
    const typing = await attempt("formatting", async (): Promise<TypingFigures> => {
      const inPage = await timeTyping(browser, server.url, options.typingRuns);
      // Fallback: the bundle does not lend card/ on a global any more; time the source in Node.
      const runs =
        inPage ??
        Array.from({ length: options.typingRuns }, () =>
          typingRun({ formatCardNumber, formatExpiry }, TYPED_NUMBERS, TYPED_EXPIRIES, TYPING_REPEAT),
        );
      return {
        cardNumberUs: median(runs.map((r) => r.numberUs)),
        expiryUs: median(runs.map((r) => r.expiryUs)),
        runs: runs.length,
        where: inPage === null ? "node" : "chromium",
      };
    });
    return { chromium: `${browser.version()} (${executablePath})`, cryptogram, interactive, typing, errors };
  } finally {
    await browser.close();
    await server.close();
  }
}
