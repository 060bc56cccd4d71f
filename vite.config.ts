// Vite config for the demo's npm-component page (demo/npm/): the widget consumed as an ES module
// with Preact JSX, the way a merchant's own Vite app would. Tests use vitest.config.ts.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./demo/npm/", import.meta.url)),
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: fileURLToPath(new URL("./demo/dist/npm/", import.meta.url)), emptyOutDir: true },
  server: { host: "127.0.0.1" },
});
