// What a server adapter knows about a Request that the Web Request does not carry. Web-standard
// (no `node:` import): the adapters of checkout-widget/server/node fill it in.

// The connection's address. The Node adapter records it; `getClientIp: remoteAddress` reads it back.
const remoteAddresses = new WeakMap<Request, string>();

/** Records the connection's address for a request (the Node adapter does; so can your own). */
export function setRemoteAddress(request: Request, address: string): void {
  remoteAddresses.set(request, address);
}

/** The address recorded for the request, if any: a `getClientIp` for the Node adapter. */
export function remoteAddress(request: Request): string | undefined {
  return remoteAddresses.get(request);
}

// The Node fast path: a body the server already read, and an answer's text, kept beside the Web
// objects so that the kit's own handlers never go through Web streams on Node (several times the
// CPU of the bytes themselves). Only a handler marked as reading recorded bodies gets a Request
// without a body stream; any other handler gets an ordinary Request.
const READS_RECORDED_BODY = Symbol.for("checkout-widget.reads-recorded-body");
const bodies = new WeakMap<Request, Uint8Array>();
const answers = new WeakMap<Response, string>();

type Handler = (request: Request) => Promise<Response>;

/** Marks a handler that reads its body with readLimitedBody (so a recorded body is enough). */
export function markReadsRecordedBody<H extends Handler>(handler: H): H {
  Object.defineProperty(handler, READS_RECORDED_BODY, { value: true });
  return handler;
}

export function readsRecordedBody(handler: Handler): boolean {
  return (handler as Handler & { [READS_RECORDED_BODY]?: boolean })[READS_RECORDED_BODY] === true;
}

export function recordBody(request: Request, bytes: Uint8Array): void {
  bodies.set(request, bytes);
}

export function recordedBody(request: Request): Uint8Array | undefined {
  return bodies.get(request);
}

/** Returns the response, its body text noted for an adapter that can write it directly. */
export function recordAnswer(response: Response, text: string): Response {
  answers.set(response, text);
  return response;
}

export function recordedAnswer(response: Response): string | undefined {
  return answers.get(response);
}
