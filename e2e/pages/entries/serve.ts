// A plain static server for the entry pages: the BUILT script-tag bundle (dist/) on ordinary HTML
// under a strict Content-Security-Policy, a public-key URL and a /api/pay that records what it got.
import { generateKeyPairSync } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../../../", import.meta.url));

export const STYLE_NONCE = "e2e-style-nonce";
export const PUBLIC_ID = "pk_e2e_entries";
export const CSP = `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${STYLE_NONCE}'; img-src 'self' data:; connect-src 'self'; frame-src 'self'`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
};

export interface EntriesServer {
  url: string;
  privateKeyPem: string;
  /** Bodies POSTed to /api/pay, oldest first. */
  payBodies: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startEntriesServer(): Promise<EntriesServer> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const payBodies: Array<Record<string, unknown>> = [];
  const files: Record<string, string> = {
    "/dist/checkout-widget.js": join(root, "dist/checkout-widget.js"),
    "/dist/checkout-widget-crypto.js": join(root, "dist/checkout-widget-crypto.js"),
    "/axe.js": join(root, "node_modules/axe-core/axe.min.js"),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers });
      res.end(body);
    };
    if (url.pathname === "/key") return send(200, "application/json", JSON.stringify({ Pem: publicKey, Version: 4 }));
    if (url.pathname === "/api/pay" && req.method === "POST") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        payBodies.push(body);
        const packet = JSON.parse(Buffer.from(String(body.cryptogram), "base64").toString("utf8")) as {
          CardInfo?: { LastFourDigits?: string };
        };
        send(
          200,
          "application/json",
          JSON.stringify({
            status: "approved",
            transactionId: 1000 + payBodies.length,
            amount: 15,
            currency: "USD",
            cardType: "Visa",
            cardLastFour: packet.CardInfo?.LastFourDigits ?? "0000",
            authCode: "E2E",
          }),
        );
      });
      return;
    }
    const mapped = files[url.pathname];
    const path = mapped ?? join(here, normalize(url.pathname === "/" ? "/global.html" : url.pathname));
    if (!mapped && (!path.startsWith(here) || ![".html", ".js"].includes(extname(path)))) return send(404, "text/plain", "not found");
    readFile(path).then(
      (body) => send(200, TYPES[extname(path)] ?? "application/octet-stream", body, extname(path) === ".html" ? { "Content-Security-Policy": CSP } : {}),
      () => send(404, "text/plain", "not found"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    privateKeyPem: privateKey,
    payBodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
