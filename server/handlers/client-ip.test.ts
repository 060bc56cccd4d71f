import { describe, expect, it } from "vitest";
import { setRemoteAddress } from "../request-context.ts";
import { clientIpOf } from "./client-ip.ts";

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
