// node:http ⇄ the Web handlers of `checkout-widget/server`. Node-native: the body is read into
// one bounded buffer (or taken from Express's `req.body`) and the answer written in one call; the
// kit's own handlers get the bytes and give their JSON text beside the Web objects
// (request-context.ts), so no Web stream is built or drained on either side.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { CheckoutLogger, FetchHandler } from "../handlers/index.ts";
import { readsRecordedBody, recordBody, recordedAnswer, setRemoteAddress } from "../request-context.ts";
import { errorFields } from "./error-fields.ts";
import { parsedBodyOf } from "./parsed-body.ts";

export type { FetchHandler };

export interface NodeAdapterOptions {
  /**
   * Origin (scheme and host) the request URLs are built on, e.g. "https://shop.example", as behind
   * a proxy that rewrites Host; by default the request's own scheme and Host header.
   */
  origin?: string;
  /** Largest request body read, in bytes (default 1 MiB; the checkout handlers take at most 64 KB). */
  maxBodyBytes?: number;
  /** Where unexpected errors are logged, each with a request id (default: console). Never card data. */
  logger?: Pick<CheckoutLogger, "error">;
  /** Called with every unexpected error and the request id it was logged with. */
  onError?(error: unknown, context: { requestId: string }): void;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

// RFC 3986 reg-name / IPv4 (no "@", "/", "?", "#" or spaces) or a bracketed IPv6, then a port.
const HOST = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=%]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

type Body = { ok: true; bytes: Buffer | undefined } | { ok: false; status: 413 | 400 };

function sendJson(res: ServerResponse, status: number, body: Record<string, unknown>, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...(close && { connection: "close" }),
  });
  res.end(text);
}

/** The request URL, or null when the Host header (or target) cannot make one. */
function urlOf(req: IncomingMessage, origin: string | undefined): URL | null {
  // Express rewrites req.url below a mount point; originalUrl is what the client asked for.
  const target = (req as { originalUrl?: unknown }).originalUrl;
  const path = typeof target === "string" ? target : (req.url ?? "/");
  let base = origin;
  if (base === undefined) {
    const host = req.headers.host ?? "localhost";
    // Checked first: a Host with "/", "@" or "?" would otherwise move the URL's host or path.
    if (!HOST.test(host)) return null;
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    base = `${encrypted ? "https" : "http"}://${host}`;
  }
  try {
    if (path.startsWith("/")) return new URL(base + path);
    // Absolute-form targets (proxies): the path and query only, the host stays ours.
    const absolute = new URL(path);
    return new URL(base + absolute.pathname + absolute.search);
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (req.method === "GET" || req.method === "HEAD") return Promise.resolve({ ok: true, bytes: undefined });
  const parsed = parsedBodyOf(req);
  if (parsed.kind === "bytes") {
    return Promise.resolve(parsed.bytes.length > limit ? { ok: false, status: 413 } : { ok: true, bytes: parsed.bytes });
  }
  if (parsed.kind === "lost") return Promise.resolve({ ok: true, bytes: undefined });
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Body) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done({ ok: false, status: 413 });
      } else chunks.push(chunk);
    };
    const onEnd = () => done({ ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
    const onError = () => done({ ok: false, status: 400 });
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("aborted", onError);
  });
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer | undefined, recorded: boolean): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? "";
    // The body is whole now: its original framing no longer applies.
    if (/^(content-length|transfer-encoding)$/i.test(name)) continue;
    headers.append(name, raw[i + 1] ?? "");
  }
  if (body !== undefined) headers.set("content-length", String(body.length));
  // The kit's handlers take the bytes as they are (no Web stream to build and drain); any other
  // handler gets the body in the Request as usual.
  const request = new Request(url, {
    method: req.method ?? "GET",
    headers,
    ...(body !== undefined && !recorded && { body: body as Uint8Array<ArrayBuffer> }),
  });
  if (body !== undefined && recorded) recordBody(request, body);
  if (req.socket.remoteAddress) setRemoteAddress(request, req.socket.remoteAddress);
  return request;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  // The checkout handlers answer a few KB, their JSON noted beside the Response: written whole,
  // with its length, in one go (any other body is read whole first).
  const text = response.bodyUsed ? undefined : recordedAnswer(response);
  const body =
    text !== undefined ? Buffer.from(text, "utf8") : response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (body !== undefined && headers["content-length"] === undefined) headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * One Web handler as a node:http request listener (also an Express handler: a body that
 * `express.json()` or `express.urlencoded()` already parsed is used as `req.body` holds it).
 */
export function toNodeHandler(handler: FetchHandler, options: NodeAdapterOptions = {}): RequestListener {
  const recorded = readsRecordedBody(handler);
  // Scheme and host only: request paths are the client's.
  const origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  const logger = options.logger ?? console;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const unexpected = (error: unknown, req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    // The path only: a query may carry ids; never a header or the body.
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    logger.error("checkout: unexpected error", { requestId, method: req.method, path, ...errorFields(error) });
    try {
      options.onError?.(error, { requestId });
    } catch {
      // The merchant's hook must not stop the answer.
    }
    if (!res.headersSent) sendJson(res, 500, { status: "error", message: "Internal error", requestId });
    else res.destroy();
  };
  return (req, res) => {
    void (async () => {
      try {
        const url = urlOf(req, origin);
        if (url === null) return sendJson(res, 400, { status: "error", message: "Bad Host header or request target" }, true);
        const body = await readBody(req, limit);
        if (!body.ok) {
          if (req.destroyed) return;
          const message = body.status === 413 ? "Body too large" : "Body could not be read";
          return sendJson(res, body.status, { status: "error", message }, true);
        }
        let request: Request;
        try {
          request = toRequest(req, url, body.bytes, recorded);
        } catch {
          // A method (TRACE) or header value the Fetch API refuses: the client's mistake.
          return sendJson(res, 400, { status: "error", message: "Bad request" }, true);
        }
        await writeResponse(await handler(request), res);
      } catch (error) {
        unexpected(error, req, res);
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
    sendJson(res, 404, { status: "error", message: "Not found" });
  };
}
