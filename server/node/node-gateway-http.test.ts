import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { CloudPaymentsClient, GatewayTransportError, InvoiceClient, RbsClient, fetchGatewayHttp, type GatewayHttp } from "../client/index.ts";
import { closeServer, listen } from "../merchant.fixture.ts";
import { nodeGatewayHttp, type NodeGatewayHttp } from "./node-gateway-http.ts";

const servers: Server[] = [];
const transports: NodeGatewayHttp[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await Promise.all(servers.splice(0).map(closeServer));
});

async function serve(listener: (req: IncomingMessage, res: import("node:http").ServerResponse) => void) {
  const server = createServer(listener);
  servers.push(server);
  const connections: Socket[] = [];
  server.on("connection", (socket: Socket) => connections.push(socket));
  return { url: await listen(server), server, connections };
}

function node(options?: Parameters<typeof nodeGatewayHttp>[0]): NodeGatewayHttp {
  const transport = nodeGatewayHttp(options);
  transports.push(transport);
  return transport;
}

const post = (http: GatewayHttp, url: string, extra: Partial<Parameters<GatewayHttp>[0]> = {}) =>
  http({ url, method: "POST", headers: { "Content-Type": "application/json" }, body: '{"a":"б"}', timeoutMs: 5000, ...extra });

describe("nodeGatewayHttp", () => {
  it("sends method, headers and a UTF-8 body, and reads status, headers and text", async () => {
    let seen: { method?: string; type?: string; length?: string; body: string } = { body: "" };
    const { url } = await serve((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        seen = { method: req.method, type: req.headers["content-type"], length: req.headers["content-length"], body };
        res.writeHead(402, { "X-Answer": "yes", "Content-Type": "application/json" });
        res.end('{"Success":false,"Message":"отказ"}');
      });
    });
    const response = await post(node(), `${url}/payments/cards/charge?x=1`);
    expect(seen).toEqual({ method: "POST", type: "application/json", length: String(Buffer.byteLength('{"a":"б"}')), body: '{"a":"б"}' });
    expect(response.status).toBe(402);
    expect(response.header("X-Answer")).toBe("yes");
    expect(response.header("X-Missing")).toBeNull();
    expect(JSON.parse(response.text)).toEqual({ Success: false, Message: "отказ" });
  });

  it("keeps the connection: sequential calls share one socket", async () => {
    const { url, connections } = await serve((_req, res) => res.end("{}"));
    const http = node();
    for (let i = 0; i < 5; i++) await post(http, url);
    expect(connections).toHaveLength(1);
  });

  it("closes an idle kept connection before the server's keep-alive timeout would", async () => {
    const { url, connections } = await serve((_req, res) => res.end("{}"));
    const http = node({ idleTimeoutMs: 100 });
    await post(http, url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections[0]?.destroyed).toBe(true);
    await post(http, url);
    expect(connections).toHaveLength(2);
  });

  it("refuses an answer over maxResponseBytes as a failure that reached the gateway", async () => {
    const { url } = await serve((_req, res) => res.end("x".repeat(5000)));
    const error = await post(node({ maxResponseBytes: 1000 }), url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(error).toMatchObject({ reason: "network", mayHaveReachedGateway: true });
  });

  it("drives every gateway client against the sandbox: CloudPayments, Invoice, RBS", async () => {
    const sandbox = await startSandbox({ port: 0 });
    const http = node();
    try {
      const client = new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, http });
      expect(await client.test()).toMatchObject({ ok: true });
      await expect(new CloudPaymentsClient({ baseUrl: sandbox.url, publicId: sandbox.publicId, apiSecret: "wrong", http }).test()).rejects.toMatchObject({
        code: "gateway_auth",
      });
      const invoice = new InvoiceClient({ baseUrl: `${sandbox.url}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey, http });
      expect(await invoice.terminals.create({ name: "Node transport", alias: "node-transport", type: "dynamic" })).toMatchObject({ ok: true });
      const rbs = new RbsClient({ baseUrl: sandbox.rbs.restUrl, userName: sandbox.rbs.userName, password: sandbox.rbs.password, http });
      const { orderId } = await rbs.register({ orderNumber: "node-1", amount: 15, returnUrl: "https://shop.example/rbs/return" });
      expect(await rbs.getOrderStatusExtended({ orderId })).toMatchObject({ amount: 15 });
    } finally {
      await sandbox.close();
    }
  });
});

// The same failure means the same thing whichever transport a client runs on: whether a retry
// needs the same request id depends on it.
describe.each([
  ["fetch", () => fetchGatewayHttp(globalThis.fetch)],
  ["node", () => node()],
])("failure classification (%s transport)", (_name, make) => {
  let silentUrl: string;
  beforeAll(async () => {
    const silent = createServer(() => undefined);
    silentUrl = await listen(silent);
    afterAll(() => closeServer(silent));
  });

  it("a gateway that never answers: timeout, may have reached it", async () => {
    const error = await post(make(), silentUrl, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayTransportError);
    expect(error).toMatchObject({ reason: "timeout", mayHaveReachedGateway: true, path: "/" });
  });

  it("a connection reset after sending: network, may have reached it", async () => {
    const { url } = await serve((req) => req.socket.destroy());
    await expect(post(make(), url)).rejects.toMatchObject({ reason: "network", mayHaveReachedGateway: true });
  });

  it("a refused connection: did not reach it", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await closeServer(closed);
    await expect(post(make(), url)).rejects.toMatchObject({ code: "gateway_transport", mayHaveReachedGateway: false });
  });

  it("the caller's abort: aborted, may have reached it; an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    const pending = post(make(), silentUrl, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ reason: "aborted" });
    const { url, connections } = await serve((_req, res) => res.end("{}"));
    await expect(post(make(), url, { signal: AbortSignal.abort() })).rejects.toMatchObject({ reason: "aborted" });
    expect(connections).toHaveLength(0);
  });

  it("an invalid URL: did not reach it, labelled without its query", async () => {
    await expect(post(make(), "not a url?card=1")).rejects.toMatchObject({ mayHaveReachedGateway: false, path: "(invalid URL)" });
  });
});
