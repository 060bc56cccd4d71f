// The widget's X-Request-ID, and the idempotency key the gateway sees.

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export type RequestIdCheck = { ok: true; requestId: string | undefined } | { ok: false; message: string };

export function checkRequestId(request: Request): RequestIdCheck {
  const value = request.headers.get("x-request-id");
  if (value === null) return { ok: true, requestId: undefined };
  if (!REQUEST_ID.test(value)) {
    return { ok: false, message: "X-Request-ID must be 8-100 characters of letters, digits, '.', '_', ':' or '-'" };
  }
  return { ok: true, requestId: value };
}

/**
 * The gateway replays the first answer for a repeated id within an hour, whatever the body.
 * Scoping the id to the invoice stops a shopper from replaying an approval for one invoice
 * as the answer for another; a retry of the same attempt still maps to the same key.
 */
export async function gatewayRequestId(invoiceId: string, requestId: string): Promise<string> {
  const data = new TextEncoder().encode(`checkout-widget\u0000${invoiceId}\u0000${requestId}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  let hex = "";
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, "0");
  return `cw-${hex}`;
}

/**
 * The post3ds idempotency key: per transaction and PaRes. A replay of the same return (another
 * instance, a restart) still gets the gateway's first answer, while a forged PaRes posted at the
 * same moment cannot share the key and so cannot hand its refusal to the genuine return.
 */
export async function post3dsRequestId(transactionId: number, paRes: string): Promise<string> {
  const data = new TextEncoder().encode(`checkout-widget:post3ds\u0000${paRes}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  let hex = "";
  for (const byte of digest.subarray(0, 12)) hex += byte.toString(16).padStart(2, "0");
  return `cw-post3ds-${transactionId}-${hex}`;
}
