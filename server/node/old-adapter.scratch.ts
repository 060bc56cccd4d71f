// node:http <-> Web Request/Response, so the handlers run in plain Node.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { setRemoteAddress } from "../request-context.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface NodeAdapterOptions {
  /** Base used to build request URLs when the Host header is missing, e.g. "http://127.0.0.1:8080". */
  origin?: string;
  onError?(error: unknown): void;
}

function toRequest(req: IncomingMessage, origin: string | undefined): Request {
  const host = req.headers.host ?? "localhost";
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const base = origin ?? `${encrypted ? "https" : "http"}://${host}`;
  const url = new URL(req.url ?? "/", base);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const controller = new AbortController();
  req.once("close", () => {
    if (!req.complete) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method ?? "GET",
    headers,
    signal: controller.signal,
  };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  const request = new Request(url, init);
  if (req.socket.remoteAddress) setRemoteAddress(request, req.socket.remoteAddress);
  return request;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/** One Web handler as a node:http request listener. */
export function toNodeHandler(handler: FetchHandler, options: NodeAdapterOptions = {}): RequestListener {
  return (req, res) => {
    void (async () => {
      try {
        await writeResponse(await handler(toRequest(req, options.origin)), res);
      } catch (error) {
        options.onError?.(error);
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
          res.end(JSON.stringify({ status: "error", message: "Internal error" }));
        } else {
          res.destroy();
        }
      }
    })();
  };
}

/**
 * A listener routing by exact path (query ignored), e.g.
 * `createNodeListener({ "/api/pay": pay, "/api/3ds/return": threeDsReturn })`.
 * Unknown paths answer 404, or go to `fallback` when given.
 */
export function createNodeListener(
  routes: Record<string, FetchHandler>,
  options: NodeAdapterOptions & { fallback?: RequestListener } = {},
): RequestListener {
  const listeners = new Map(Object.entries(routes).map(([path, handler]) => [path, toNodeHandler(handler, options)]));
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const listener = listeners.get(path);
    if (listener) return listener(req, res);
    if (options.fallback) return options.fallback(req, res);
    res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ status: "error", message: "Not found" }));
  };
}
