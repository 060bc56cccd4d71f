import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The component tests again on Preact 11 (preact is a peer: a shop's Preact 10 or 11 renders the
// widget). The repository builds on Preact 10; the Preact 11 shop's copy
// (package-test/apps/preact11, installed by `npm ci`) stands in for every preact import here.
const preact11 = fileURLToPath(new URL("./package-test/apps/preact11/node_modules/preact", import.meta.url));

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  resolve: {
    alias: [
      { find: /^preact\/jsx-(dev-)?runtime$/, replacement: `${preact11}/jsx-runtime/dist/jsxRuntime.mjs` },
      { find: /^preact\/hooks$/, replacement: `${preact11}/hooks/dist/hooks.mjs` },
      { find: /^preact\/test-utils$/, replacement: `${preact11}/test-utils/dist/testUtils.mjs` },
      { find: /^preact$/, replacement: `${preact11}/dist/preact.mjs` },
    ],
  },
  test: {
    include: ["widget/src/{host,shared/ui,late/views}/**/*.test.{ts,tsx}"],
    environment: "node",
    // Inlined, so that its own preact imports take the aliases too.
    server: { deps: { inline: ["@testing-library/preact"] } },
    testTimeout: 20000,
  },
});
