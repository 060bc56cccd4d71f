// Typed gateway failures. A decline or a bad request is a result value, not an
// error; these are for when the gateway could not give an answer at all.

/** `gateway_refused`: the gateway answered with a refusal code (RbsError). */
export type GatewayErrorCode = "gateway_auth" | "gateway_transport" | "gateway_http" | "gateway_refused";

export abstract class GatewayError extends Error {
  abstract readonly code: GatewayErrorCode;
}

/** HTTP 401: wrong Public ID / API Secret. Retrying will not help. */
export class GatewayAuthError extends GatewayError {
  readonly code = "gateway_auth";
  override readonly name = "GatewayAuthError";
  constructor(readonly path: string) {
    super(`Gateway refused the credentials (401) for ${path}`);
  }
}

/**
 * Network failure or timeout. When `mayHaveReachedGateway` is true the operation may
 * have happened: retry only with the same `requestId`, never a new one.
 */
export class GatewayTransportError extends GatewayError {
  readonly code = "gateway_transport";
  override readonly name = "GatewayTransportError";
  constructor(
    readonly path: string,
    readonly mayHaveReachedGateway: boolean,
    readonly reason: "timeout" | "aborted" | "network",
    options?: { cause?: unknown },
  ) {
    super(`Gateway ${reason} on ${path} (may have reached gateway: ${mayHaveReachedGateway})`, options);
  }
}

/** The gateway answered, but not with its JSON envelope (5xx, 429, HTML…). */
export class GatewayHttpError extends GatewayError {
  readonly code = "gateway_http";
  override readonly name = "GatewayHttpError";
  /** It answered, so the operation may have happened. */
  readonly mayHaveReachedGateway = true;
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`Gateway answered HTTP ${status} without a valid JSON envelope on ${path}`);
  }
}
