// What a server adapter knows about a Request that the Web Request does not carry: the address
// of the connection. The Node adapter records it; `getClientIp: remoteAddress` reads it back.
const remoteAddresses = new WeakMap<Request, string>();

/** Records the connection's address for a request (the Node adapter does; so can your own). */
export function setRemoteAddress(request: Request, address: string): void {
  remoteAddresses.set(request, address);
}

/** The address recorded for the request, if any: a `getClientIp` for the Node adapter. */
export function remoteAddress(request: Request): string | undefined {
  return remoteAddresses.get(request);
}
