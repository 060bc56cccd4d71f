// Builds what the demo serves: the widget (npm run build → dist/), the page scripts (esbuild, one classic script per
// page, so no page needs an inline script) and the npm-component page (Vite, root vite.config.ts).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PAGES, pageTemplate } from "./merchant/pages.ts";

const rootDir = fileURLToPath(new URL("..", import.meta.url));
const PAGE_SCRIPTS = ["script-tag", "modal", "element", "checkoutjs", "redirect", "two-stage", "csp", "themes", "orders", "hosted", "saved-cards"];

async function buildPageScripts(): Promise<void> {
  await build({
    absWorkingDir: rootDir,
    entryPoints: PAGE_SCRIPTS.map((name) => `demo/pages/${name}.ts`),
    outdir: "demo/dist/pages",
    bundle: true,
    format: "iife",
    target: "es2020",
    sourcemap: true,
    logLevel: "warning",
  });
}

/** The npm page shares the demo's layout: its Vite entry is the layout with its placeholders, filled per request (language). */
async function writeNpmEntry(): Promise<void> {
  const page = PAGES.find((p) => p.moduleScript !== undefined);
  if (!page) throw new Error("no page with a moduleScript in demo/merchant/pages.ts");
  await writeFile(`${rootDir}/demo/npm/index.html`, await pageTemplate(`${rootDir}/demo/html`, page, null));
}

function buildNpmPage(): void {
  const vite = fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url));
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], { cwd: rootDir, stdio: "inherit" });
  if (result.status !== 0) throw new Error("vite build of demo/npm failed");
}

/** `npm run build`; its non-zero exit for a size budget must not stop the demo, fresh files will do. */
function buildWidget(): void {
  const started = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "--silent", "build"], { cwd: rootDir, stdio: "inherit" });
  const fresh = ["checkout-widget.js", "checkout-widget-crypto.js", "checkout-widget-hosted.js"].every((file) => {
    try {
      return statSync(`${rootDir}/dist/${file}`).mtimeMs >= started - 1000;
    } catch {
      return false;
    }
  });
  if (!fresh) throw new Error("`npm run build` did not write dist/checkout-widget.js and its crypto chunk");
  if (result.status !== 0) console.warn("demo build: `npm run build` exited non-zero (see above); its files are fresh, going on.");
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-widget")) buildWidget();
  await buildPageScripts();
  await writeNpmEntry();
  buildNpmPage();
  console.log("demo build: demo/dist/pages and demo/dist/npm are ready.");
}

main().catch((error: unknown) => {
  console.error("demo build failed:", error instanceof Error ? error.message : String(error));
  process.exit(1);
});
