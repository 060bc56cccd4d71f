// The gateway answered with a non-zero `errorCode`: it refused the request and did nothing.
import { GatewayError } from "../errors.ts";

/**
 * The platform's codes: "1" orderNumber already used (or a bad one), "2" binding not found or
 * inactive / no bindings, "3" unknown currency, "4" a required parameter is missing, "5" a bad
 * value, "6" unknown order, "7" system error or the order's state does not allow the operation.
 */
export type RbsErrorCode = "1" | "2" | "3" | "4" | "5" | "6" | "7" | (string & {});

export class RbsError extends GatewayError {
  readonly code = "gateway_refused";
  override readonly name = "RbsError";
  constructor(
    /** The API method, e.g. "register.do". */
    readonly method: string,
    readonly errorCode: RbsErrorCode,
    /** The gateway's message, in the request's language. */
    readonly errorMessage: string,
  ) {
    super(`RBS ${method} refused with errorCode ${errorCode}: ${errorMessage}`);
  }
}

export function isRbsError(error: unknown, errorCode?: RbsErrorCode): error is RbsError {
  return error instanceof RbsError && (errorCode === undefined || error.errorCode === errorCode);
}
