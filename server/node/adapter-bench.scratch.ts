import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readLimitedBody } from "../handlers/read-limited-body.ts";
import { jsonResponse } from "../handlers/responses.ts";
import { toNodeHandler } from "./node-adapter.ts";
import { markReadsRecordedBody } from "../request-context.ts";
import { toNodeHandler as oldToNodeHandler } from "./old-adapter.scratch.ts";

const handler = async (request: Request): Promise<Response> => {
  const read = await readLimitedBody(request, 16 * 1024);
  if (!read.ok) return jsonResponse({ status: "error", message: "x" }, 400);
  const body = JSON.parse(read.text) as { invoiceId: string };
  return jsonResponse({ status: "error", message: body.invoiceId }, 200, { "Access-Control-Allow-Origin": "https://shop.example" });
};
// Side channel: body bytes and answer text beside the Web objects, no Web body at all.
const bodies = new WeakMap<Request, Buffer>();
const answers = new WeakMap<Response, string>();
const sideHandler = async (request: Request): Promise<Response> => {
  const bytes = bodies.get(request) ?? Buffer.alloc(0);
  const body = JSON.parse(bytes.toString("utf8")) as { invoiceId: string };
  const text = JSON.stringify({ status: "error", message: body.invoiceId });
  const response = new Response(null, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Access-Control-Allow-Origin": "https://shop.example" } });
  answers.set(response, text);
  return response;
};
const side = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const headers = new Headers();
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers });
    bodies.set(request, Buffer.concat(chunks));
    const response = await sideHandler(request);
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    const text = answers.get(response) ?? "";
    out["content-length"] = String(Buffer.byteLength(text));
    res.writeHead(response.status, out);
    res.end(text);
  });
};
const plain = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { invoiceId: string };
    const text = JSON.stringify({ status: "error", message: body.invoiceId });
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
    res.end(text);
  });
};
const variants = process.env.ONLY === "new" ? { new: toNodeHandler(markReadsRecordedBody(handler)) } : process.env.ONLY === "web" ? { web: toNodeHandler(handler) } : { new: toNodeHandler(markReadsRecordedBody(handler)), web: toNodeHandler(handler), side, plain };
const N = 6000;
for (const round of [1, 2, 3, 4]) {
  for (const [name, listener] of Object.entries(variants)) {
    const server = createServer(listener);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pay`;
    const c0 = process.cpuUsage();
    await new Promise<void>((resolve) => spawn(process.execPath, ["/tmp/p14/adapt/client.mjs", url, String(N), "16"], { stdio: "inherit" }).on("exit", () => resolve()));
    const c = process.cpuUsage(c0);
    console.log(round, name, (((c.user + c.system) / 1000 / N) * 1000).toFixed(0), "µs CPU/request (server)");
    server.closeAllConnections();
    server.close();
  }
}
