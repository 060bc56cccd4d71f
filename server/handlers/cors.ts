// CORS for the allowed origins only.

export type OriginCheck = { kind: "no-origin" } | { kind: "allowed"; origin: string } | { kind: "refused" };

export function normaliseOrigins(origins: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const origin of origins) {
    // Throws on a malformed configured origin: a deployment error, better found at start.
    set.add(new URL(origin).origin);
  }
  return set;
}

export function checkOrigin(request: Request, allowed: ReadonlySet<string>): OriginCheck {
  const origin = request.headers.get("origin");
  // Non-browser callers (and some same-origin navigations) send no Origin.
  if (origin === null) return { kind: "no-origin" };
  return allowed.has(origin) ? { kind: "allowed", origin } : { kind: "refused" };
}

export function corsHeaders(origin: string): Record<string, string> {
  // Credentials: the merchant's session cookie names the customer (saved cards). Only the
  // allowed origins, each named, ever get this answer.
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
}

export function preflightHeaders(origin: string, methods = "POST, OPTIONS"): Record<string, string> {
  return {
    ...corsHeaders(origin),
    "Access-Control-Allow-Methods": methods,
    "Access-Control-Allow-Headers": "Content-Type, X-Request-ID",
    "Access-Control-Max-Age": "600",
  };
}
