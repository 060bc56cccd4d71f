// `npm run demo`: the sandbox gateway and the demo merchant in one process; Ctrl-C stops both.
// Build steps run before this (see the `demo` npm script): the widget bundle and demo/dist.
import { serve } from "@hono/node-server";
import type { ServerType } from "@hono/node-server";
import { fileURLToPath } from "node:url";
import { startSandbox } from "../sandbox/index.ts";
import { NOTIFICATION_PATHS, createDemoApp } from "./merchant/app.ts";
import { sandboxShops } from "./merchant/sandbox-shops.ts";

const HOST = "127.0.0.1";
const rootDir = fileURLToPath(new URL("..", import.meta.url));

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`demo: ${name}=${raw} is not a port number.`);
    process.exit(2);
  }
  return port;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "EADDRINUSE";
}

function portInUse(what: string, port: number, variable: string): never {
  console.error(
    `demo: port ${port} (${what}) is already in use on ${HOST}. ` +
      `Stop whatever holds it, or choose another port: ${variable}=<port> npm run demo`,
  );
  process.exit(1);
}

function listen(fetch: Parameters<typeof serve>[0]["fetch"], port: number) {
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, hostname: HOST, port });
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

async function main(): Promise<void> {
  const port = portFrom("PORT", 8080);
  const sandboxPort = portFrom("SANDBOX_PORT", 8600);

  const origin = `http://${HOST}:${port}`;
  // The gateway tells the shop of every payment itself (Pay, Fail, Confirm, Refund, Cancel), so a
  // success is recorded even when the shopper's browser never comes back.
  const urls = Object.fromEntries(Object.entries(NOTIFICATION_PATHS).map(([type, path]) => [type, `${origin}/api/notifications/${path}`]));
  const sandbox = await startSandbox({ port: sandboxPort, notifications: { urls } }).catch((error: unknown) => {
    if (isAddressInUse(error)) portInUse("sandbox gateway", sandboxPort, "SANDBOX_PORT");
    throw error;
  });

  const { app, staffToken } = createDemoApp({
    origin,
    gatewayUrl: sandbox.url,
    publicId: sandbox.publicId,
    apiSecret: sandbox.apiSecret,
    ...(await sandboxShops(sandbox)),
    rootDir,
    testHooks: process.env.DEMO_TEST_HOOKS === "1",
  });
  const server = await listen(app.fetch, port).catch(async (error: unknown) => {
    await sandbox.close();
    if (isAddressInUse(error)) portInUse("demo shop", port, "PORT");
    throw error;
  });

  console.log(`Sandbox gateway: ${sandbox.url}`);
  console.log(`Demo shop:       ${origin}/  (Invoice: ${origin}/invoice, RBS: ${origin}/rbs)`);
  console.log(`Merchant orders: ${origin}/orders?staff=${staffToken}   (the staff view: keep this link to yourself)`);
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C stops at once
    stopping = true;
    console.log(`\ndemo: ${signal}, stopping…`);
    if ("closeAllConnections" in server) server.closeAllConnections();
    server.close();
    void sandbox.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("demo: could not start:", error instanceof Error ? error.message : String(error));
  process.exit(1);
});
