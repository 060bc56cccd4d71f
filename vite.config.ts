// Vite config for the demo's npm-component page (demo/npm/): the widget consumed as an ES module
// with Preact JSX, the way a merchant's own Vite app would. Tests use vitest.config.ts.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
// Build-time part of cryptogram/: node-forge without the modules encryption never calls.
import { forgeSlimVitePlugin } from "./widget/src/cryptogram/forge-slim.ts";

export default defineConfig({
  root: fileURLToPath(new URL("./demo/npm/", import.meta.url)),
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [forgeSlimVitePlugin()],
  build: { outDir: fileURLToPath(new URL("./demo/dist/npm/", import.meta.url)), emptyOutDir: true },
  server: { host: "127.0.0.1" },
});
