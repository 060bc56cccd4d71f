// A tiny static server on 127.0.0.1 for the browser bench: dist/ files plus in-memory pages and scripts.
// Cross-origin isolated (COOP/COEP), so performance.now() has 5 µs resolution, not 100 µs.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".html": "text/html; charset=utf-8" };

export async function startStaticServer(distDir: string, pages: Record<string, string>): Promise<StaticServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
      const headers = {
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
      };
      const page = pages[path];
      if (page !== undefined) {
        res.writeHead(200, { ...headers, "Content-Type": TYPES[/\.[a-z]+$/.exec(path)?.[0] ?? ".html"] ?? TYPES[".html"] });
        res.end(page);
        return;
      }
      const file = normalize(path).replace(/^([/\\])+/, "");
      const ext = /\.[a-z]+$/.exec(file)?.[0] ?? "";
      if (file.startsWith("..") || TYPES[ext] === undefined) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(join(distDir, file));
        res.writeHead(200, { ...headers, "Content-Type": TYPES[ext] });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
