// One HTTP exchange with a gateway, as every gateway client needs it: a string body out, a
// status and a string body back. Clients (CloudPayments, Invoice, RBS) build the request and
// read the answer; a transport only moves bytes, so a runtime can bring its own (fetch on the
// edge, a keep-alive node:http agent on Node) and every client uses it.
import { GatewayTransportError } from "./errors.ts";

export interface GatewayHttpRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface GatewayHttpResponse {
  status: number;
  /** Header lookup by lower-case name. */
  header(name: string): string | null;
  text: string;
}

/**
 * Resolves with whatever status the gateway answered (401 and 5xx included). Rejects only with a
 * GatewayTransportError, whose `mayHaveReachedGateway` says whether the request may have arrived.
 */
export type GatewayHttp = (request: GatewayHttpRequest) => Promise<GatewayHttpResponse>;

// Failures that happen before a single byte reaches the gateway.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "ERR_INVALID_URL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
]);

function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== "object" || error === null || seen.has(error)) return [];
  seen.add(error);
  const codes: string[] = [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") codes.push(code);
  codes.push(...errorCodes(cause, seen));
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner, seen));
  return codes;
}

/** True unless the failure proves the request never left this machine. */
export function mayHaveReached(error: unknown): boolean {
  const codes = errorCodes(error);
  return codes.length === 0 || !codes.every((code) => NOT_SENT_CODES.has(code));
}

/** The label a transport error carries: the URL's path, never its query (it may hold ids). */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(invalid URL)";
  }
}

/** `Authorization: Basic …` over UTF-8 credentials (btoa alone would refuse non-Latin-1). */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The fetch a client was given, else the global one; a clear error when there is none. */
export function requireFetch(given: typeof globalThis.fetch | undefined, client: string): typeof globalThis.fetch {
  const fetchImpl = given ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new TypeError(`${client} needs a fetch implementation (or an http transport)`);
  return fetchImpl;
}

/** The Web-standard transport over a fetch function (the global one by default). */
export function fetchGatewayHttp(fetchImpl: typeof globalThis.fetch): GatewayHttp {
  return async function fetchExchange(request) {
    const path = pathOf(request.url);
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal,
        redirect: "error",
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    } catch (error) {
      if (timeout.aborted) throw new GatewayTransportError(path, true, "timeout", { cause: error });
      if (request.signal?.aborted) throw new GatewayTransportError(path, true, "aborted", { cause: error });
      throw new GatewayTransportError(path, mayHaveReached(error), "network", { cause: error });
    }
  };
}
