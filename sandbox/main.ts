// `npm run sandbox`: the offline gateway on 127.0.0.1:8600 (SANDBOX_PORT, SANDBOX_PUBLIC_ID,
// SANDBOX_API_SECRET, SANDBOX_KEY_FILE, SANDBOX_INVOICE_MERCHANT_ID, SANDBOX_INVOICE_API_KEY,
// SANDBOX_RBS_USER_NAME, SANDBOX_RBS_PASSWORD, SANDBOX_RBS_CALLBACK_URL, SANDBOX_RBS_CALLBACK_SECRET
// override). Logs nothing per request.
import { DEFAULT_PORT, startSandbox } from "./index.ts";

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SANDBOX_PORT must be a port number (0 picks a free one), not "${value}"`);
    process.exit(2);
  }
  return port;
}

const port = portFromEnv(process.env["SANDBOX_PORT"]);
try {
  const sandbox = await startSandbox({
    port,
    publicId: process.env["SANDBOX_PUBLIC_ID"] || undefined,
    apiSecret: process.env["SANDBOX_API_SECRET"] || undefined,
    keyFile: process.env["SANDBOX_KEY_FILE"] || undefined,
    invoiceMerchantId: process.env["SANDBOX_INVOICE_MERCHANT_ID"] || undefined,
    invoiceApiKey: process.env["SANDBOX_INVOICE_API_KEY"] || undefined,
    rbs: {
      userName: process.env["SANDBOX_RBS_USER_NAME"] || undefined,
      password: process.env["SANDBOX_RBS_PASSWORD"] || undefined,
      callbackUrl: process.env["SANDBOX_RBS_CALLBACK_URL"] || undefined,
      callbackSecret: process.env["SANDBOX_RBS_CALLBACK_SECRET"] || undefined,
    },
  });
  console.log(`Sandbox gateway at ${sandbox.url}`);
  console.log(`  Public ID:  ${sandbox.publicId}`);
  console.log(`  API Secret: ${sandbox.apiSecret}`);
  console.log(`  Public key: ${sandbox.url}/payments/publickey   3-D Secure ACS: ${sandbox.url}/acs`);
  console.log(`Invoice API at ${sandbox.url}/api/v2`);
  console.log(`  Merchant ID: ${sandbox.invoice.merchantId}`);
  console.log(`  API key:     ${sandbox.invoice.apiKey}`);
  console.log(`RBS API at ${sandbox.rbs.restUrl}`);
  console.log(`  userName: ${sandbox.rbs.userName}   password: ${sandbox.rbs.password}   callback secret: ${sandbox.rbs.callbackSecret}`);
  console.log("Press Ctrl-C to stop.");
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    console.error(`Port ${port} is already in use. Stop the other process or set SANDBOX_PORT (0 picks a free port).`);
  } else if (code === "EACCES") {
    console.error(`Not allowed to listen on port ${port}. Choose another with SANDBOX_PORT.`);
  } else {
    console.error(`The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
