// The shopper's IP address: for the gateway's IpAddress field (the whole address) and for the
// failure limits (an IPv4 address, or an IPv6 address's /64, which one subscriber usually has in
// full). Addresses are read in one canonical spelling, so "2001:DB8::1" and "2001:db8:0::1" are
// one client. No runtime module: the kit runs wherever fetch and Web Crypto do.
import { remoteAddress } from "../request-context.ts";

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export interface ClientIpOptions {
  trustedProxyHeader?: string | undefined;
  /** How many proxies of your own append to `trustedProxyHeader` (default 1: its last entry). */
  trustedProxyHops?: number | undefined;
  getClientIp?: ((request: Request) => string | undefined) | undefined;
}

/** The 8 groups of an IPv6 address, or null. */
function ipv6Groups(text: string): number[] | null {
  let value = text.toLowerCase();
  const zone = value.indexOf("%");
  if (zone !== -1) value = value.slice(0, zone);
  if (!/^[0-9a-f:.]{2,45}$/.test(value)) return null;
  // A dotted IPv4 tail ("::ffff:1.2.3.4") is two groups.
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (tail?.[1] !== undefined && tail[2] !== undefined) {
    if (!IPV4.test(tail[2])) return null;
    const [a = 0, b = 0, c = 0, d = 0] = tail[2].split(".").map(Number);
    value = `${tail[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part === undefined || part === "" ? [] : part.split(":"));
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...rest];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}

/** RFC 5952 spelling: lower case, no leading zeros, the longest run of zero groups as "::". */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** One canonical spelling of an address as clients and proxies write it, else undefined. */
export function canonicalIp(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  let value = candidate.trim();
  // "[::1]:443" or "1.2.3.4:5678" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1] !== undefined) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (IPV4.test(value)) return value;
  if (!value.includes(":")) return undefined;
  const groups = ipv6Groups(value);
  if (groups === null) return undefined;
  // IPv4-mapped IPv6 (dual-stack sockets) is the IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return formatIpv6(groups);
}

/** What the failure limits count by: an IPv4 address, or the /64 an IPv6 address is in. */
export function limitKeyOfIp(ip: string): string {
  if (!ip.includes(":")) return ip;
  const groups = ipv6Groups(ip);
  return groups === null ? ip : `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/** Loopback, private and carrier-grade NAT ranges: where a reverse proxy usually sits. */
export function isPrivateIp(ip: string): boolean {
  if (!ip.includes(":")) {
    const [a = 0, b = 0] = ip.split(".").map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const first = ipv6Groups(ip)?.[0] ?? 0;
  return ip === "::1" || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

const PROXY_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"] as const;

/**
 * True when a request came from a private address carrying a proxy's forwarding header while no
 * trustedProxyHeader is set: every shopper then looks like the proxy, and one card tester's
 * failures lock the whole shop out.
 */
export function looksProxied(request: Request, options: ClientIpOptions): boolean {
  if (options.trustedProxyHeader !== undefined) return false;
  // With getClientIp the address it gives is checked: `remoteAddress` behind a proxy is the proxy's.
  const socket = canonicalIp(options.getClientIp ? options.getClientIp(request) : remoteAddress(request));
  return socket !== undefined && isPrivateIp(socket) && PROXY_HEADERS.some((name) => request.headers.has(name));
}

export function clientIpOf(request: Request, options: ClientIpOptions): string | undefined {
  if (options.trustedProxyHeader !== undefined) {
    const entries = (request.headers.get(options.trustedProxyHeader) ?? "").split(",");
    // Your own proxies append the last `hops` entries; earlier ones are the client's claims.
    const hops = options.trustedProxyHops ?? 1;
    const fromProxy = entries.length >= hops && entries[0]?.trim() !== "" ? canonicalIp(entries[entries.length - hops]) : undefined;
    if (fromProxy !== undefined) return fromProxy;
  }
  return canonicalIp(options.getClientIp ? options.getClientIp(request) : remoteAddress(request));
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
