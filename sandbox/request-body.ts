// Reads an API request body into Params: JSON or form-urlencoded, nothing else. Parse errors
// are reported without quoting the input (JSON.parse's own message echoes it, card data included).
import type { ApiAnswer } from "./api-answer.ts";
import { refused } from "./api-answer.ts";
import { Params } from "./params.ts";

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; params: Params } | { ok: false; answer: ApiAnswer };

export async function readParams(request: Request): Promise<BodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, answer: refused("Request body could not be read", 400) };
  }
  if (type === "application/json") {
    if (text.trim() === "") return { ok: true, params: Params.empty() };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, answer: refused("Request body is not valid JSON", 400) };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, answer: refused("Request body must be a JSON object", 400) };
    }
    return { ok: true, params: Params.fromObject(parsed as Record<string, unknown>) };
  }
  if (type === "application/x-www-form-urlencoded") {
    return { ok: true, params: Params.fromForm(new URLSearchParams(text)) };
  }
  if (type === "" && text === "") return { ok: true, params: Params.empty() };
  return {
    ok: false,
    answer: refused("Content-Type must be application/json or application/x-www-form-urlencoded", 415),
  };
}
