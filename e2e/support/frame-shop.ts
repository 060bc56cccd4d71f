// A minimal shop of its own for the hosted-page specs: a page that frames a gateway's payment
// page, and the success / fail pages the gateway sends the shopper back to. A real local server
// (Chromium will not let a page it thinks is public frame a loopback address).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FrameShop {
  url: string;
  /** The page that frames `paymentUrl`. */
  framePage(paymentUrl: string): string;
  successUrl: string;
  failUrl: string;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function startFrameShop(gatewayOrigin: string): Promise<FrameShop> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (body: string) => {
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": `default-src 'self'; frame-src 'self' ${gatewayOrigin}; script-src 'none'`,
      });
      res.end(body);
    };
    const page = (title: string, main: string) =>
      send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main>${main}</main></body></html>`);
    if (url.pathname === "/frame") {
      const target = url.searchParams.get("url") ?? "";
      if (!target.startsWith(`${gatewayOrigin}/`)) return page("Bad", "<h1>Bad frame target</h1>");
      return page("Shop checkout", `<h1>Shop checkout</h1><iframe title="Payment page" src="${escape(target)}" width="480" height="760"></iframe>`);
    }
    if (url.pathname === "/return/ok") return page("Shop: paid", `<h1 id="shop-result">Shop: payment received</h1>`);
    if (url.pathname === "/return/fail") return page("Shop: not paid", `<h1 id="shop-result">Shop: payment not completed</h1>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    framePage: (paymentUrl) => `${url}/frame?url=${encodeURIComponent(paymentUrl)}`,
    successUrl: `${url}/return/ok`,
    failUrl: `${url}/return/fail`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
