// One RBS call: a form-encoded POST with userName/password among the parameters, and the JSON
// answer or a typed error. A non-zero errorCode is an RbsError, except "access denied", which is
// a GatewayAuthError as a 401 is for the other gateways.
import { GatewayAuthError, GatewayHttpError } from "../errors.ts";
import type { GatewayHttp } from "../gateway-http.ts";
import { RbsError } from "./errors.ts";
import type { RbsCallOptions } from "./models.ts";

export interface RbsTransportConfig {
  /** The REST root, e.g. https://3dsec.sberbank.ru/payment/rest */
  baseUrl: string;
  userName: string;
  password: string;
  timeoutMs: number;
  http: GatewayHttp;
}

export type RbsParams = Record<string, string | undefined>;
export type RbsAnswer = Readonly<Record<string, unknown>>;

// "5" means both "access denied" and "bad value"; only the message tells them apart.
const DENIED = /доступ запрещ|access denied|смени(ть)? (свой )?пароль|change (your|the) password/i;

export async function callRbs(config: RbsTransportConfig, method: string, params: RbsParams, options: RbsCallOptions = {}): Promise<RbsAnswer> {
  const body = new URLSearchParams();
  body.set("userName", config.userName);
  body.set("password", config.password);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) body.set(name, value);
  const path = `${new URL(config.baseUrl).pathname.replace(/\/+$/, "")}/${method}`;
  const response = await config.http({
    url: `${config.baseUrl.replace(/\/+$/, "")}/${method}`,
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: body.toString(),
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
    ...(options.signal !== undefined && { signal: options.signal }),
  });
  if (response.status === 401 || response.status === 403) throw new GatewayAuthError(path);
  if (response.status >= 500 || response.status === 429) throw new GatewayHttpError(path, response.status);
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    throw new GatewayHttpError(path, response.status);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new GatewayHttpError(path, response.status);
  const answer = parsed as Record<string, unknown>;
  // Some answers carry errorCode as a number, some as a string, a success may carry none.
  const code = answer["errorCode"] === undefined || answer["errorCode"] === null ? "0" : String(answer["errorCode"]);
  if (code !== "0") {
    const message = typeof answer["errorMessage"] === "string" ? answer["errorMessage"] : "";
    if (code === "5" && DENIED.test(message)) throw new GatewayAuthError(path);
    throw new RbsError(method, code, message);
  }
  if (response.status !== 200) throw new GatewayHttpError(path, response.status);
  return answer;
}
