import { describe, expect, it } from "vitest";
import { CloudPaymentsClient } from "../client/index.ts";
import { setRemoteAddress } from "../request-context.ts";
import { assertClientIpSource, clientIpOf } from "./client-ip.ts";
import { createCheckoutHandlers } from "./create-checkout-handlers.ts";

function request(headers: Record<string, string> = {}, remote?: string): Request {
  const r = new Request("http://shop.example/api/pay", { headers });
  if (remote !== undefined) setRemoteAddress(r, remote);
  return r;
}

describe("clientIpOf", () => {
  it("uses the socket address, unmapping IPv4-mapped IPv6", () => {
    expect(clientIpOf(request({}, "::ffff:10.0.0.5"), undefined, undefined)).toBe("10.0.0.5");
    expect(clientIpOf(request({}, "2001:db8::1"), undefined, undefined)).toBe("2001:db8::1");
  });

  it("takes the last entry of the trusted header and ignores untrusted ones", () => {
    const r = request({ "x-forwarded-for": "1.1.1.1, 198.51.100.2", "x-real-ip": "9.9.9.9" }, "10.0.0.1");
    expect(clientIpOf(r, "x-forwarded-for", undefined)).toBe("198.51.100.2");
    expect(clientIpOf(r, undefined, undefined)).toBe("10.0.0.1");
  });

  it("falls back to the socket when the trusted header is garbage", () => {
    expect(clientIpOf(request({ "x-real-ip": "<script>" }, "10.0.0.1"), "x-real-ip", undefined)).toBe("10.0.0.1");
  });

  it("asks getClientIp when given, and refuses a non-address", () => {
    expect(clientIpOf(request(), undefined, () => "[2001:db8::2]:443")).toBe("2001:db8::2");
    expect(clientIpOf(request(), undefined, () => "localhost")).toBeUndefined();
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
