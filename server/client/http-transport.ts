// One POST to CloudPayments: Basic auth, JSON body, X-Request-ID, timeout, and the
// `{ Success, Message, Model }` envelope or a typed error of errors.ts.
import { GatewayAuthError, GatewayHttpError } from "./errors.ts";
import { basicAuthorization, type GatewayHttp, type GatewayHttpResponse } from "./gateway-http.ts";
import type { CallOptions } from "./models.ts";

export interface TransportConfig {
  baseUrl: string;
  publicId: string;
  apiSecret: string;
  timeoutMs: number;
  http: GatewayHttp;
}

/** The `{ Success, Message, Model }` envelope every method answers. */
export interface Envelope {
  Success: boolean;
  Message: string | null;
  Model?: unknown;
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
  const headers: Record<string, string> = {
    Authorization: basicAuthorization(config.publicId, config.apiSecret),
    Accept: "application/json",
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (options.requestId !== undefined) headers["X-Request-ID"] = options.requestId;
  const response: GatewayHttpResponse = await config.http({
    url: config.baseUrl.replace(/\/+$/, "") + path,
    method: "POST",
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
    ...(options.signal !== undefined && { signal: options.signal }),
  });
  const { text } = response;

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
