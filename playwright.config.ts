// End-to-end tests: Chromium against the demo shop (`npm run demo`) started by webServer.
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, E2E_SANDBOX_PORT, SHOP_URL } from "./e2e/support/demo-env.ts";
import { resolveChromium } from "./scripts/ensure-browser.ts";

const baseURL = SHOP_URL;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: resolveChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "npm run demo",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      SANDBOX_PORT: String(E2E_SANDBOX_PORT),
      DEMO_TEST_HOOKS: "1",
    },
  },
});
