// A body another middleware already read (Express's `express.json()`, `express.urlencoded()`,
// `express.text()`, `express.raw()`): turned back into bytes the Web handlers can read, in the
// format its Content-Type says.
import type { IncomingMessage } from "node:http";

export type ParsedBody =
  /** Nobody read the stream: read it here. */
  | { kind: "unread" }
  /** The bytes the handler gets. */
  | { kind: "bytes"; bytes: Buffer }
  /** The stream was read but `req.body` holds nothing usable (e.g. multipart): no body. */
  | { kind: "lost" };

interface MaybeParsed extends IncomingMessage {
  body?: unknown;
  /** Set by body-parser (Express) once it has read the stream. */
  _body?: unknown;
}

function formOf(value: object): string {
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    if (Array.isArray(field)) for (const item of field) form.append(name, String(item));
    else form.append(name, typeof field === "object" ? JSON.stringify(field) : String(field));
  }
  return form.toString();
}

export function parsedBodyOf(req: IncomingMessage): ParsedBody {
  const { body, _body } = req as MaybeParsed;
  // Express 4 sets `req.body = {}` even when it did not parse (another Content-Type): what
  // decides is whether the stream was consumed, not whether `body` exists.
  if (_body !== true && !req.readableEnded) return { kind: "unread" };
  if (body === undefined) return { kind: "lost" };
  if (Buffer.isBuffer(body)) return { kind: "bytes", bytes: body };
  if (body instanceof Uint8Array) return { kind: "bytes", bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  if (typeof body === "string") return { kind: "bytes", bytes: Buffer.from(body, "utf8") };
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded" && typeof body === "object" && body !== null) {
    return { kind: "bytes", bytes: Buffer.from(formOf(body), "utf8") };
  }
  if (type === "application/json" || type.endsWith("+json")) {
    return { kind: "bytes", bytes: Buffer.from(JSON.stringify(body), "utf8") };
  }
  return { kind: "lost" };
}
