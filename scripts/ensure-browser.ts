// Finds (or, on a root CI box, installs) the Chromium the e2e tests drive.
// Imported by playwright.config.ts for `resolveChromium()`; run directly before `playwright test`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export interface ChromiumChoice {
  path: string;
  source: "CHROMIUM_PATH" | "playwright" | "debian";
}

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    // executablePath() throws when the Playwright build is unknown for this platform.
    return null;
  }
}

/** CHROMIUM_PATH, else Playwright's own download, else Debian's package; null when none exists. */
export function findChromium(): ChromiumChoice | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, source: "CHROMIUM_PATH" } : null;
  const bundled = playwrightChromium();
  if (bundled) return { path: bundled, source: "playwright" };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "debian" };
  return null;
}

/** The executable for Playwright's `launchOptions.executablePath`. */
export function resolveChromium(): string {
  // Fall back to Debian's path so the config loads; ensure-browser reports the real problem.
  return findChromium()?.path ?? process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function installDebianChromium(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
}

/** Makes sure a Chromium exists; returns its path or throws with what to do. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found.path;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  }
  if (!isRoot()) {
    throw new Error(
      "No Chromium found for the e2e tests. Install Debian's package " +
        "(sudo apt-get install -y --no-install-recommends chromium), run `npx playwright install chromium`, " +
        "or set CHROMIUM_PATH to a Chromium/Chrome executable.",
    );
  }
  console.log("ensure-browser: no Chromium found; installing Debian's chromium package…");
  installDebianChromium();
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is still missing.`);
  return installed.path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const path = ensureChromium();
    console.log(`ensure-browser: using ${path}`);
  } catch (error) {
    console.error(`ensure-browser: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
