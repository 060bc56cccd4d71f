// The servers a payment crosses on loopback: the sandbox gateway and a merchant endpoint mounting
// the kit's `pay` handler (one in-memory order, reused). Run as a child process of the bench
// (`tsx bench/payment-stack.ts sandbox|merchant|both`) so servers and load generator get their own cores.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../sandbox/index.ts";
import { CloudPaymentsClient, createCheckoutHandlers } from "../server/index.ts";
import type { CheckoutLogger, CheckoutOrder } from "../server/index.ts";
import { createNodeListener, nodeGatewayHttp, remoteAddress } from "../server/node/index.ts";

export const BENCH_INVOICE = "bench-order-1";
export const BENCH_ORIGIN = "https://shop.example";
const ORDER: CheckoutOrder = { amount: 1500, currency: "RUB", description: "Bench order" };

export interface SandboxAccess {
  url: string;
  publicId: string;
  apiSecret: string;
  publicKeyPem: string;
  keyVersion: number;
}

export interface Running<T> {
  info: T;
  close(): Promise<void>;
}

export async function startBenchSandbox(): Promise<Running<SandboxAccess>> {
  const sandbox = await startSandbox({ port: 0, maxTransactions: 100_000 });
  const { url, publicId, apiSecret, publicKeyPem, keyVersion } = sandbox;
  return { info: { url, publicId, apiSecret, publicKeyPem, keyVersion }, close: () => sandbox.close() };
}

/** Warnings and errors are counted, not printed: a log line per payment would be the bottleneck. */
const quietLogger: CheckoutLogger = { info: () => {}, warn: () => {}, error: () => {} };

export async function startBenchMerchant(sandbox: SandboxAccess): Promise<Running<{ payUrl: string }>> {
  // The kit's Node path, as a Node merchant runs it: the keep-alive transport and the node:http adapter.
  const http = nodeGatewayHttp();
  const client = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, http });
  let route: ReturnType<typeof createNodeListener> = (_req, res) => res.end();
  const server = createServer((req, res) => route(req, res));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { pay, threeDsReturn } = createCheckoutHandlers({
    client,
    secret: "bench-secret-0123456789abcdef0123456789",
    // Every bench payment has its own order (BENCH_INVOICE-<n>).
    getOrder: (invoiceId) => (invoiceId.startsWith(`${BENCH_INVOICE}-`) ? ORDER : null),
    // One loopback address sends every payment here: no card-testing limit.
    failureLimits: false,
    termUrl: `${url}/api/3ds/return`,
    returnUrl: `${BENCH_ORIGIN}/done`,
    allowedOrigins: [BENCH_ORIGIN],
    getClientIp: remoteAddress,
    logger: quietLogger,
  });
  route = createNodeListener({ "/api/pay": pay, "/api/3ds/return": threeDsReturn });
  return {
    info: { payUrl: `${url}/api/pay` },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        http.close();
      }),
  };
}

export const READY_LINE = "BENCH-READY ";
/** The parent writes CPU_QUERY on stdin; the child answers CPU_LINE + process.cpuUsage() in µs. */
export const CPU_QUERY = "cpu";
export const CPU_LINE = "BENCH-CPU ";

async function main(role: string | undefined): Promise<void> {
  const closers: (() => Promise<void>)[] = [];
  let info: Record<string, unknown>;
  if (role === "sandbox") {
    const sandbox = await startBenchSandbox();
    closers.push(sandbox.close);
    info = { ...sandbox.info };
  } else if (role === "merchant") {
    const sandbox = JSON.parse(process.env["BENCH_SANDBOX"] ?? "null") as SandboxAccess | null;
    if (sandbox === null) throw new Error("payment-stack merchant: BENCH_SANDBOX is not set");
    const merchant = await startBenchMerchant(sandbox);
    closers.push(merchant.close);
    info = { ...merchant.info };
  } else if (role === "both") {
    const sandbox = await startBenchSandbox();
    const merchant = await startBenchMerchant(sandbox.info);
    closers.push(merchant.close, sandbox.close);
    info = { ...sandbox.info, ...merchant.info };
  } else {
    throw new Error(`payment-stack: unknown role ${role ?? "(none)"}; use sandbox, merchant or both`);
  }
  process.stdout.write(`${READY_LINE}${JSON.stringify(info)}\n`);
  const stop = () => void Promise.all(closers.map((close) => close())).finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // CPU time spent here, so the bench can show the cost of a payment apart from waiting for a core.
  let pending = "";
  process.stdin.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line === CPU_QUERY) process.stdout.write(`${CPU_LINE}${JSON.stringify(process.cpuUsage())}\n`);
    }
  });
  // The parent going away (bench crashed) ends this process too.
  process.stdin.once("end", stop);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2]);
}
