// HTTP Basic auth with the Public ID as login and the API Secret as password.
import crypto from "node:crypto";

export function isAuthorized(header: string | undefined, publicId: string, apiSecret: string): boolean {
  if (header === undefined) return false;
  const m = /^Basic\s+([A-Za-z0-9+/=]{1,1024})\s*$/i.exec(header);
  if (!m?.[1]) return false;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  // Both halves are always compared, so timing does not tell which one was wrong.
  const idOk = sameText(decoded.slice(0, colon), publicId);
  const secretOk = sameText(decoded.slice(colon + 1), apiSecret);
  return idOk && secretOk;
}

function sameText(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function basicAuthHeader(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`, "utf8").toString("base64")}`;
}
