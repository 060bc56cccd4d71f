// Response builders shared by the handlers.
import type { AbandonAnswer, PayAnswer, PayError, PayErrorCode } from "../contract.ts";
import { recordAnswer } from "../request-context.ts";

export function jsonResponse(body: PayAnswer | AbandonAnswer, status: number, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
  // Noted for the Node adapter too, which then writes the text without reading the body stream.
  return recordAnswer(response, text);
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
