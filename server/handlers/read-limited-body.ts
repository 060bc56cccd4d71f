// Reads a request body up to a byte limit without buffering more than the limit.
import { recordedBody } from "../request-context.ts";

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too_large" | "unreadable" };

function decode(bytes: Uint8Array): BodyRead {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

export async function readLimitedBody(request: Request, limitBytes: number): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) return { ok: false, reason: "too_large" };
  // Read by the Node adapter already (request-context.ts): the same limit, no stream.
  const recorded = recordedBody(request);
  if (recorded !== undefined) return recorded.byteLength > limitBytes ? { ok: false, reason: "too_large" } : decode(recorded);
  if (request.body === null) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decode(bytes);
}
