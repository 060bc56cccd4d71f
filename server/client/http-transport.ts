// One POST to the gateway: Basic auth, JSON body, X-Request-ID, timeout, and the
// classification of failures into the typed errors of errors.ts.
import { GatewayAuthError, GatewayHttpError, GatewayTransportError } from "./errors.ts";
import type { CallOptions } from "./models.ts";

export interface TransportConfig {
  baseUrl: string;
  publicId: string;
  apiSecret: string;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
}

/** The `{ Success, Message, Model }` envelope every method answers. */
export interface Envelope {
  Success: boolean;
  Message: string | null;
  Model?: unknown;
}

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

function basicAuth(publicId: string, apiSecret: string): string {
  const bytes = new TextEncoder().encode(`${publicId}:${apiSecret}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== "object" || value === null) return false;
  const { Success, Message } = value as { Success?: unknown; Message?: unknown };
  return typeof Success === "boolean" && (Message === undefined || Message === null || typeof Message === "string");
}

export async function postToGateway(
  config: TransportConfig,
  path: string,
  body: object | undefined,
  options: CallOptions = {},
): Promise<Envelope> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? config.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const headers: Record<string, string> = {
    Authorization: basicAuth(config.publicId, config.apiSecret),
    Accept: "application/json",
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (options.requestId !== undefined) headers["X-Request-ID"] = options.requestId;
  const url = config.baseUrl.replace(/\/+$/, "") + path;

  let response: Response;
  let text: string;
  try {
    response = await config.fetch(url, {
      method: "POST",
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal,
      redirect: "error",
    });
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new GatewayTransportError(path, true, "timeout", { cause: error });
    if (options.signal?.aborted) throw new GatewayTransportError(path, true, "aborted", { cause: error });
    throw new GatewayTransportError(path, mayHaveReached(error), "network", { cause: error });
  }

  if (response.status === 401) throw new GatewayAuthError(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GatewayHttpError(path, response.status);
  }
  // A 4xx with the envelope is the gateway refusing the request (a result);
  // 5xx and 429 mean it could not process it now.
  const overloaded = response.status >= 500 || response.status === 429;
  if (overloaded || !isEnvelope(parsed)) throw new GatewayHttpError(path, response.status);
  return { Success: parsed.Success, Message: parsed.Message ?? null, Model: parsed.Model };
}
