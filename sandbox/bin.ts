#!/usr/bin/env node
// `npx checkout-widget-sandbox`: the published `npm run sandbox` (sandbox/main.ts, compiled into
// dist/sandbox/bin.js), configured by the same environment variables.
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(
    [
      "checkout-widget-sandbox: the offline sandbox gateway (CloudPayments, Invoice and RBS APIs) on 127.0.0.1.",
      "",
      "Configured by environment variables, as `npm run sandbox` is:",
      "  SANDBOX_PORT                 port (default 8600; 0 picks a free one)",
      "  SANDBOX_PUBLIC_ID            CloudPayments Public ID (Basic-auth login) the cryptograms must carry",
      "  SANDBOX_API_SECRET           CloudPayments API Secret (Basic-auth password)",
      "  SANDBOX_KEY_FILE             PEM RSA key file, made there when missing (keeps cached public keys valid)",
      "  SANDBOX_INVOICE_MERCHANT_ID  Invoice API login;  SANDBOX_INVOICE_API_KEY  its key",
      "  SANDBOX_RBS_USER_NAME, SANDBOX_RBS_PASSWORD  RBS credentials",
      "  SANDBOX_RBS_CALLBACK_URL, SANDBOX_RBS_CALLBACK_SECRET  RBS notifications (loopback URLs only)",
      "",
      'From a test suite: import { startSandbox } from "checkout-widget/sandbox" (the same settings as options).',
      "It prints the credentials in use when it starts.",
    ].join("\n"),
  );
} else {
  await import("./main.ts");
}

export {};
