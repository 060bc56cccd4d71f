// What a server adapter knows about a Request that the Web Request does not carry.
const remoteAddresses = new WeakMap<Request, string>();

export function setRemoteAddress(request: Request, address: string): void {
  remoteAddresses.set(request, address);
}

export function remoteAddressOf(request: Request): string | undefined {
  return remoteAddresses.get(request);
}
