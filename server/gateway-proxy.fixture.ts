// Test fixture: an HTTP proxy between the kit and the sandbox that can hold back or lose the
// gateway's answers: the next request to a path is passed on and its answer delayed, or passed on
// and its answer dropped (the connection reset after the gateway acted), as a network would.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen } from "./merchant.fixture.ts";

export type ProxyFault = { kind: "delay"; ms: number } | { kind: "drop" };

export interface GatewayProxy {
  url: string;
  /** The next request to `path` (e.g. "/payments/cards/charge") meets this fault. */
  next(path: string, fault: ProxyFault): void;
  close(): Promise<void>;
}

export async function startGatewayProxy(target: string): Promise<GatewayProxy> {
  const plan = new Map<string, ProxyFault[]>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "content-length" && name !== "connection") headers[name] = value;
    }
    const path = req.url ?? "/";
    const fault = plan.get(path)?.shift();
    try {
      const upstream = await fetch(target + path, { method: req.method ?? "POST", headers, body: chunks.length ? Buffer.concat(chunks) : null });
      const text = await upstream.text();
      if (fault?.kind === "drop") {
        res.socket?.destroy();
        return;
      }
      if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (res.socket?.destroyed) return;
      res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/json" });
      res.end(text);
    } catch {
      res.socket?.destroy();
    }
  });
  const url = await listen(server);
  return {
    url,
    next(path, fault) {
      plan.set(path, [...(plan.get(path) ?? []), fault]);
    },
    close: () => closeServer(server),
  };
}
