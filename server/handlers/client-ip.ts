// The shopper's IP address for the gateway's IpAddress field.
import { remoteAddress } from "../request-context.ts";

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]{2,39}(%[\w.]+)?$/;

function normaliseIp(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  let value = candidate.trim();
  // "[::1]:443" or "1.2.3.4:5678" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1] !== undefined) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  // IPv4-mapped IPv6 from dual-stack sockets.
  if (value.toLowerCase().startsWith("::ffff:") && IPV4.test(value.slice(7))) value = value.slice(7);
  if (IPV4.test(value)) return value;
  if (value.includes(":") && IPV6.test(value)) return value;
  return undefined;
}

export function clientIpOf(
  request: Request,
  trustedProxyHeader: string | undefined,
  getClientIp: ((request: Request) => string | undefined) | undefined,
): string | undefined {
  if (trustedProxyHeader !== undefined) {
    const header = request.headers.get(trustedProxyHeader);
    // The last entry is the one our own proxy appended; earlier ones are the client's claims.
    const fromProxy = normaliseIp(header?.split(",").at(-1));
    if (fromProxy !== undefined) return fromProxy;
  }
  return normaliseIp(getClientIp ? getClientIp(request) : remoteAddress(request));
}

/**
 * The gateway needs the shopper's IP on every payment, and a Web Request does not carry it: the
 * handlers are refused at creation, with what to set, rather than failing each payment later.
 */
export function assertClientIpSource(options: { getClientIp?: unknown; trustedProxyHeader?: unknown }): void {
  if (typeof options.getClientIp === "function") return;
  if (typeof options.trustedProxyHeader === "string" && options.trustedProxyHeader !== "") return;
  throw new TypeError(
    [
      "createCheckoutHandlers: no way to learn the shopper's IP address, which the gateway requires. Set one of:",
      '  getClientIp: remoteAddress   on Node with createNodeListener/toNodeHandler (import { remoteAddress } from "checkout-widget/server/node")',
      '  getClientIp: (request) => …  your platform\'s client address, e.g. request.headers.get("cf-connecting-ip") on Cloudflare Workers',
      '  trustedProxyHeader: "x-forwarded-for"   behind your own reverse proxy that sets that header',
    ].join("\n"),
  );
}
