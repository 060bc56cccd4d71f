// A merchant's Node server, as the README shows it, on the published package: the kit's handlers
// (checkout-widget/server) on the Node adapter and keep-alive transport (checkout-widget/server/node),
// charging through the sandbox; plus the shops' static files and their widget options.
// Env: SANDBOX_URL, SANDBOX_PUBLIC_ID, SANDBOX_API_SECRET, STATIC_DIR. Prints "MERCHANT <url>".
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CloudPaymentsClient, createCheckoutHandlers, type CheckoutOrder } from "checkout-widget/server";
import { createNodeListener, nodeGatewayHttp, remoteAddress } from "checkout-widget/server/node";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const sandboxUrl = env("SANDBOX_URL");
const publicId = env("SANDBOX_PUBLIC_ID");
const staticDir = env("STATIC_DIR");
const order: CheckoutOrder = { amount: 1500, currency: "RUB", description: "Package test order" };

const client = new CloudPaymentsClient({ baseUrl: sandboxUrl, publicId, apiSecret: env("SANDBOX_API_SECRET"), http: nodeGatewayHttp() });

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".map": "application/json" };

async function shopFiles(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const url = new URL(req.url ?? "/", origin);
  const shop = /^\/shops\/([a-z0-9]+)\/(?:([\w.-]+))?$/.exec(url.pathname);
  if (url.pathname === "/config.json") {
    const app = url.searchParams.get("app") ?? "";
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        publicId,
        publicKeyUrl: `${sandboxUrl}/payments/publickey`,
        endpoint: "/api",
        invoiceId: `order-${app}`,
        amount: order.amount,
        currency: order.currency,
        language: "en",
      }),
    );
    return;
  }
  if (shop?.[1] && !shop[2]) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${shop[1]}</title><link rel="icon" href="data:,"></head><body><div id="app"></div><script type="module" src="/shops/${shop[1]}/main.js"></script></body></html>`);
    return;
  }
  if (shop?.[1] && shop[2]) {
    try {
      const body = await readFile(join(staticDir, shop[1], shop[2]));
      res.writeHead(200, { "content-type": TYPES[shop[2].slice(shop[2].lastIndexOf("."))] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
    return;
  }
  res.writeHead(404).end();
}

const server = createServer();
server.listen(0, "127.0.0.1", () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { pay, threeDsReturn } = createCheckoutHandlers({
    client,
    secret: "package-test-merchant-secret-0123456789",
    getOrder: (invoiceId) => (invoiceId.startsWith("order-") ? order : null),
    termUrl: `${origin}/api/3ds/return`,
    returnUrl: `${origin}/done`,
    allowedOrigins: [origin],
    getClientIp: remoteAddress,
    onResult: (event) => console.log(`RESULT ${JSON.stringify({ invoiceId: event.invoiceId, status: event.result.status })}`),
  });
  server.on(
    "request",
    createNodeListener(
      { "/api/pay": pay, "/api/3ds/return": threeDsReturn },
      { fallback: (req, res) => void shopFiles(req, res, origin) },
    ),
  );
  console.log(`MERCHANT ${origin}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
