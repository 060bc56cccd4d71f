// The Chromium figures: cryptogram creation, script start to an interactive form (unthrottled and
// under a phone profile), and a keystroke in the form, each timed with performance.now() inside the page.
import { generateKeyPairSync } from "node:crypto";
import { access } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { resolveChromium } from "../scripts/ensure-browser.ts";
// The late file's private global: the bench calls its createCryptogram as the widget does.
import { LATE_FILE, LATE_GLOBAL } from "../widget/src/host/late-script.ts";
import { median, quantile } from "./stats.ts";
import { startStaticServer } from "./static-server.ts";
import { barePreactPage, buildBarePreactForm, staticFormPage, timePhoneProfile, widgetPage } from "./phone-profile.ts";
import type { PhoneFigures } from "./phone-profile.ts";

const MAIN_FILE = "checkout-widget.js";
const PUBLIC_ID = "test_api_00000000000000000000001";
const CARD = { cardNumber: "4242 4242 4242 4242", expDateMonthYear: "12/30", cvv: "123" };
/** Typed digit by digit: a 16-digit Visa and a 19-digit MIR number; an expiry. */
const TYPED_NUMBERS = ["4242424242424242", "2200000000000000004"];
const TYPED_EXPIRIES = ["1230"];

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
  /** Per keystroke in the built form (handler and re-render), µs, median over runs. */
  cardNumberUs: number;
  expiryUs: number;
  runs: number;
}

/** Each measurement runs on its own: one that fails leaves the others, and says why in `errors`. */
export interface BrowserFigures {
  chromium: string;
  cryptogram: CryptogramFigures | null;
  interactive: InteractiveFigures | null;
  typing: TypingFigures | null;
  phone: PhoneFigures | null;
  errors: { part: string; error: string }[];
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

function scriptsPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<script src="/${MAIN_FILE}"></script>
<script src="/${LATE_FILE}"></script>
</body></html>`;
}

function interactiveOptions(publicKeyPem: string): Record<string, unknown> {
  return {
    publicId: PUBLIC_ID,
    publicKey: { pem: publicKeyPem, version: 1 },
    endpoint: "/api",
    invoiceId: "bench-1",
    amount: 1500,
    currency: "RUB",
    language: "en",
  };
}

async function timeCryptograms(browser: Browser, url: string, publicKeyPem: string, calls: number) {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}/scripts.html`);
    await page.waitForFunction((name) => name in window, LATE_GLOBAL);
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
      { name: LATE_GLOBAL, card: CARD, key: { publicId: PUBLIC_ID, publicKeyPem, keyVersion: 1 }, calls },
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
      const { script, loaded, ready } = await page.evaluate(
        () => (window as unknown as { __bench: { script: number; loaded: number; ready: number } }).__bench,
      );
      // The first load warms the browser process up.
      if (i > 0) times.push({ total: ready - script, script: loaded - script, mount: ready - loaded });
    } finally {
      await context.close();
    }
  }
  return times;
}

/**
 * Types digit by digit into the built widget's card-number input (a 16-digit Visa, a 19-digit MIR
 * number) and then its expiry input, as input events the way a browser sends them, and times each
 * keystroke until Preact has drawn it: the field's handler (formatting, caret, form model) and the
 * re-render (Preact renders on a microtask queued by the handler). Plain JavaScript text, run in the
 * page: a compiled function would carry the TypeScript runner's helpers with it.
 */
const TYPING_IN_PAGE = `async ({ numbers, expiries, repeat }) => {
  const key = async (el, value, inputType, data) => {
    el.value = value;
    el.setSelectionRange(value.length, value.length);
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType, data }));
    await Promise.resolve();
  };
  const type = async (el, digits, total) => {
    el.focus();
    await key(el, "", "deleteContentBackward", null);
    for (const digit of digits) {
      const t = performance.now();
      await key(el, el.value + digit, "insertText", digit);
      total.ms += performance.now() - t;
      total.keys++;
    }
  };
  const number = document.querySelector('input[autocomplete="cc-number"]');
  const expiry = document.querySelector('input[autocomplete="cc-exp"]');
  const totals = { number: { ms: 0, keys: 0 }, expiry: { ms: 0, keys: 0 } };
  for (let r = 0; r < repeat; r++) {
    for (const digits of numbers) await type(number, digits, totals.number);
    for (const digits of expiries) await type(expiry, digits, totals.expiry);
  }
  return { numberUs: (totals.number.ms * 1000) / totals.number.keys, expiryUs: (totals.expiry.ms * 1000) / totals.expiry.keys };
}`;

const TYPING_REPEAT = 20;

async function timeTyping(browser: Browser, url: string, runs: number) {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}/interactive.html`);
    await page.waitForFunction(() => (window as unknown as { __bench: { ready: number | null } }).__bench.ready !== null);
    // The crypto chunk loads when the browser is idle: let it arrive, so it does not land inside a run.
    await page.waitForFunction((name) => name in window, LATE_GLOBAL);
    const run = `(${TYPING_IN_PAGE})(${JSON.stringify({ numbers: TYPED_NUMBERS, expiries: TYPED_EXPIRIES, repeat: TYPING_REPEAT })})`;
    await page.evaluate(run); // warm-up
    const results: { numberUs: number; expiryUs: number }[] = [];
    for (let i = 0; i < runs; i++) results.push(await page.evaluate<{ numberUs: number; expiryUs: number }>(run));
    return results;
  } finally {
    await page.close();
  }
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserFigures> {
  // Fail now rather than after a page timeout when the build left no bundles.
  await Promise.all([MAIN_FILE, LATE_FILE].map((file) => access(join(options.distDir, file))));
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const server = await startStaticServer(options.distDir, {
    "/scripts.html": scriptsPage(),
    "/interactive.html": widgetPage(MAIN_FILE, interactiveOptions(publicKeyPem)),
    "/static-form.html": staticFormPage(),
    "/bare-preact.html": barePreactPage(),
    "/bare-preact-form.js": await buildBarePreactForm(),
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
    const typing = await attempt("typing", async (): Promise<TypingFigures> => {
      const runs = await timeTyping(browser, server.url, options.typingRuns);
      return {
        cardNumberUs: median(runs.map((r) => r.numberUs)),
        expiryUs: median(runs.map((r) => r.expiryUs)),
        runs: runs.length,
      };
    });
    const phone = await attempt("phone profile", () =>
      timePhoneProfile(
        browser,
        { widget: `${server.url}/interactive.html`, static: `${server.url}/static-form.html`, barePreact: `${server.url}/bare-preact.html` },
        options.pageLoads,
      ),
    );
    return { chromium: `${browser.version()} (${executablePath})`, cryptogram, interactive, typing, phone, errors };
  } finally {
    await browser.close();
    await server.close();
  }
}
