// Response builders shared by the handlers.
import type { PayAnswer, PayError, PayErrorCode } from "../contract.ts";

export function jsonResponse(body: PayAnswer, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

export function errorBody(code: PayErrorCode, message: string): PayError {
  return { status: "error", code, message };
}

export function errorResponse(
  status: number,
  code: PayErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(errorBody(code, message), status, headers);
}
