import { defineConfig } from "vitest/config";

// Unit, component and server tests. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` line; everything else runs in plain Node.
export default defineConfig({
  // Vite 8 transforms with oxc; it does not read jsxImportSource from tsconfig.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["widget/**/*.test.{ts,tsx}", "server/**/*.test.ts", "sandbox/**/*.test.ts", "demo/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});
