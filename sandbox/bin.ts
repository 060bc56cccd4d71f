#!/usr/bin/env node
// `npx checkout-widget-sandbox`: the published `npm run sandbox` (sandbox/main.ts, compiled into
// dist/sandbox/bin.js), configured by the same environment variables.
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(
    [
      "checkout-widget-sandbox: the offline CloudPayments-compatible sandbox gateway on 127.0.0.1.",
      "",
      "Configured by environment variables, as `npm run sandbox` is:",
      "  SANDBOX_PORT        port (default 8600; 0 picks a free one)",
      "  SANDBOX_PUBLIC_ID   Public ID (Basic-auth login) the cryptograms must carry",
      "  SANDBOX_API_SECRET  API Secret (Basic-auth password)",
      "  SANDBOX_KEY_FILE    PEM RSA key file, made there when missing (keeps cached public keys valid)",
      "",
      "From a test suite: import { startSandbox } from \"checkout-widget/sandbox\".",
      "The package README lists every variable, the test cards and the 3-D Secure code.",
    ].join("\n"),
  );
} else {
  await import("./main.ts");
}

export {};
