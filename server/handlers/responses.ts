// Response builders shared by the handlers.
import type { PayError, PayResponse } from "../contract.ts";

export function jsonResponse(body: PayResponse, status: number, headers: Record<string, string> = {}): Response {
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

export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  const body: PayError = { status: "error", message };
  return jsonResponse(body, status, headers);
}
