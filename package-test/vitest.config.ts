import { defineConfig } from "vitest/config";

// `npm run test:package`: the packed tarball in throwaway projects (package-test/tarball.test.ts).
export default defineConfig({
  test: {
    include: ["package-test/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // tsc runs are the heavy part: two at a time on a 2-core machine.
    maxConcurrency: 2,
  },
});
