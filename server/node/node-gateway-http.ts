// The Node-native GatewayHttp: node:http/node:https over keep-alive agents. On Node, fetch costs
// several times the CPU of a node:http exchange per gateway call; every gateway client takes this
// as its `http` option. No dependency: Node's own agents keep the connections.
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import type { IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { GatewayTransportError } from "../client/errors.ts";
import { mayHaveReached, pathOf, type GatewayHttp, type GatewayHttpResponse } from "../client/gateway-http.ts";

export interface NodeGatewayHttpOptions {
  /** Connections kept open per gateway host (default 64). */
  maxSockets?: number;
  /**
   * How long an idle connection is kept, ms (default 4000: below the 5 s that many servers allow,
   * so that we close it before the server does and a request never meets a closing socket).
   */
  idleTimeoutMs?: number;
  /** Largest answer read, bytes (default 1 MiB); a larger one fails as a network error. */
  maxResponseBytes?: number;
  /** Your own agents (a proxy, custom TLS); the options above then do not apply to them. */
  agents?: { http?: HttpAgent; https?: HttpsAgent };
}

export interface NodeGatewayHttp extends GatewayHttp {
  /** Closes the kept connections (tests, shutdown); later calls open new ones. */
  close(): void;
}

const MIB = 1024 * 1024;

function headerOf(response: IncomingMessage): (name: string) => string | null {
  return (name) => {
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  };
}

export function nodeGatewayHttp(options: NodeGatewayHttpOptions = {}): NodeGatewayHttp {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 4000 };
  const http = options.agents?.http ?? new HttpAgent(agentOptions);
  const https = options.agents?.https ?? new HttpsAgent(agentOptions);
  const maxResponseBytes = options.maxResponseBytes ?? MIB;

  const exchange = (request: Parameters<GatewayHttp>[0]): Promise<GatewayHttpResponse> =>
    new Promise((resolve, reject) => {
      const path = pathOf(request.url);
      let url: URL;
      try {
        url = new URL(request.url);
        if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Not an http(s) URL: ${path}`);
      } catch (error) {
        reject(new GatewayTransportError(path, false, "network", { cause: error }));
        return;
      }
      if (request.signal?.aborted) {
        reject(new GatewayTransportError(path, false, "aborted", { cause: request.signal.reason }));
        return;
      }
      const body = request.body === undefined ? undefined : Buffer.from(request.body, "utf8");
      const headers: Record<string, string> = { ...request.headers };
      if (body !== undefined) headers["Content-Length"] = String(body.length);
      const isHttps = url.protocol === "https:";
      const send = isHttps ? httpsRequest : httpRequest;
      const req = send(url, { method: request.method, headers, agent: isHttps ? https : http });

      let settled = false;
      let reason: "timeout" | "aborted" | null = null;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener("abort", onAbort);
        outcome();
      };
      const fail = (error: unknown, reached: boolean) =>
        finish(() => reject(new GatewayTransportError(path, reached, reason ?? "network", { cause: error })));
      const stop = (why: "timeout" | "aborted") => {
        reason = why;
        req.destroy(new Error(`gateway request ${why}`));
      };
      const onAbort = () => stop("aborted");
      const timer = setTimeout(() => stop("timeout"), request.timeoutMs);
      request.signal?.addEventListener("abort", onAbort, { once: true });

      req.on("response", (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) response.destroy(new Error(`gateway answer over ${maxResponseBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () =>
          finish(() =>
            resolve({
              status: response.statusCode ?? 0,
              header: headerOf(response),
              text: Buffer.concat(chunks, size).toString("utf8"),
            }),
          ),
        );
        // It answered: whatever broke afterwards, the request arrived.
        response.on("error", (error) => fail(error, true));
        response.on("aborted", () => fail(new Error("gateway answer cut off"), true));
      });
      req.on("error", (error) => fail(error, reason !== null || mayHaveReached(error)));
      req.end(body);
    });

  return Object.assign(exchange, {
    close() {
      if (!options.agents?.http) http.destroy();
      if (!options.agents?.https) https.destroy();
    },
  });
}
