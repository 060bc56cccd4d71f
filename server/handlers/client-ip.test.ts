import { describe, expect, it } from "vitest";
import { CloudPaymentsClient } from "../client/index.ts";
import { remoteAddress, setRemoteAddress } from "../request-context.ts";
import { assertClientIpSource, canonicalIp, clientIpOf, isPrivateIp, limitKeyOfIp, looksProxied } from "./client-ip.ts";
import { createCheckoutHandlers } from "./create-checkout-handlers.ts";

function request(headers: Record<string, string> = {}, remote?: string): Request {
  const r = new Request("http://shop.example/api/pay", { headers });
  if (remote !== undefined) setRemoteAddress(r, remote);
  return r;
}

describe("clientIpOf", () => {
  it("uses the socket address, unmapping IPv4-mapped IPv6", () => {
    expect(clientIpOf(request({}, "::ffff:10.0.0.5"), {})).toBe("10.0.0.5");
    expect(clientIpOf(request({}, "::FFFF:0a00:0005"), {})).toBe("10.0.0.5");
    expect(clientIpOf(request({}, "2001:db8::1"), {})).toBe("2001:db8::1");
  });

  it("takes the last entry of the trusted header and ignores untrusted ones", () => {
    const r = request({ "x-forwarded-for": "1.1.1.1, 198.51.100.2", "x-real-ip": "9.9.9.9" }, "10.0.0.1");
    expect(clientIpOf(r, { trustedProxyHeader: "x-forwarded-for" })).toBe("198.51.100.2");
    expect(clientIpOf(r, {})).toBe("10.0.0.1");
  });

  it("behind two proxies of the shop's own, takes the entry the outer one appended", () => {
    const r = request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.9" }, "10.0.0.1");
    expect(clientIpOf(r, { trustedProxyHeader: "x-forwarded-for", trustedProxyHops: 2 })).toBe("203.0.113.7");
    // Fewer entries than proxies: the header is not what the proxies wrote; the socket counts.
    expect(clientIpOf(request({ "x-forwarded-for": "10.0.0.9" }, "10.0.0.1"), { trustedProxyHeader: "x-forwarded-for", trustedProxyHops: 2 })).toBe(
      "10.0.0.1",
    );
  });

  it("falls back to the socket when the trusted header is garbage", () => {
    expect(clientIpOf(request({ "x-real-ip": "<script>" }, "10.0.0.1"), { trustedProxyHeader: "x-real-ip" })).toBe("10.0.0.1");
  });

  it("asks getClientIp when given, and refuses a non-address", () => {
    expect(clientIpOf(request(), { getClientIp: () => "[2001:db8::2]:443" })).toBe("2001:db8::2");
    expect(clientIpOf(request(), { getClientIp: () => "localhost" })).toBeUndefined();
  });
});

describe("canonical addresses and limit keys", () => {
  it("spells an IPv6 address one way however it was written", () => {
    for (const spelling of ["2001:DB8::1", "2001:db8:0::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "[2001:db8::1]:8443", "2001:db8::1%eth0"]) {
      expect(canonicalIp(spelling)).toBe("2001:db8::1");
    }
    expect(canonicalIp("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(canonicalIp("0:0:0:0:0:0:0:0")).toBe("::");
    expect(canonicalIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(canonicalIp("64:ff9b::192.0.2.1")).toBe("64:ff9b::c000:201");
    for (const bad of ["1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "1:2:3:4:5:6:7::8", "::ffff:300.1.1.1", ":1", "g::1", ""]) {
      expect(canonicalIp(bad)).toBeUndefined();
    }
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(limitKeyOfIp("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOfIp("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOfIp("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(limitKeyOfIp("198.51.100.7")).toBe("198.51.100.7");
  });

  it("knows the private ranges a proxy sits in", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "::1", "fd00::1", "fe80::1"]) {
      expect(isPrivateIp(ip)).toBe(true);
    }
    for (const ip of ["172.32.0.1", "8.8.8.8", "100.128.0.1", "2001:db8::1"]) expect(isPrivateIp(ip)).toBe(false);
  });

  it("tells when a request came through a proxy the kit was not told about", () => {
    const proxied = request({ "x-forwarded-for": "203.0.113.9" }, "127.0.0.1");
    expect(looksProxied(proxied, {})).toBe(true);
    // `getClientIp: remoteAddress` (the Node set-up) behind an undeclared proxy is the proxy's address.
    expect(looksProxied(proxied, { getClientIp: remoteAddress })).toBe(true);
    expect(looksProxied(proxied, { getClientIp: () => "203.0.113.9" })).toBe(false);
    expect(looksProxied(proxied, { trustedProxyHeader: "x-forwarded-for" })).toBe(false);
    expect(looksProxied(request({}, "127.0.0.1"), {})).toBe(false);
    expect(looksProxied(request({ "x-forwarded-for": "203.0.113.9" }, "203.0.113.1"), {})).toBe(false);
  });
});

describe("creating the handlers without a source of the shopper's IP", () => {
  const base = {
    // Never called: creating the handlers is what is tested.
    client: new CloudPaymentsClient({ publicId: "pk_test", apiSecret: "secret" }),
    secret: "client-ip-test-secret-0123456789abcdef",
    getOrder: () => null,
    termUrl: "https://shop.example/api/3ds/return",
    returnUrl: "https://shop.example/done",
    allowedOrigins: ["https://shop.example"],
  };

  it("fails at startup, saying what to configure on Node, on an edge runtime and behind a proxy", () => {
    expect(() => createCheckoutHandlers(base)).toThrow(TypeError);
    let message = "";
    try {
      assertClientIpSource({});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("getClientIp: remoteAddress");
    expect(message).toContain("checkout-widget/server/node");
    expect(message).toContain("cf-connecting-ip");
    expect(message).toContain('trustedProxyHeader: "x-forwarded-for"');
  });

  it("accepts getClientIp or a trusted proxy header, and refuses an empty header name", () => {
    expect(() => createCheckoutHandlers({ ...base, getClientIp: () => "198.51.100.1" })).not.toThrow();
    expect(() => createCheckoutHandlers({ ...base, trustedProxyHeader: "x-real-ip" })).not.toThrow();
    expect(() => createCheckoutHandlers({ ...base, trustedProxyHeader: "" })).toThrow(/no way to learn the shopper's IP/);
  });
});
