// The kit's return URL for payments the gateway finishes on its own pages (a hosted card page,
// an RBS binding's 3-D Secure): the merchant's termUrl with the flow, the invoice, the attempt and
// an expiry, signed with the merchant's secret. The gateway appends what it likes (RBS: orderId);
// only these fields are signed, and nothing the gateway or the browser adds is trusted.
import type { Signer } from "./signing.ts";

/** `page`: the shopper was on the gateway's card page; `3ds`: at the bank's 3-D Secure page for a saved card. */
export type ReturnFlow = "page" | "3ds";

export interface ReturnBinding {
  flow: ReturnFlow;
  invoiceId: string;
  attemptId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const FLOW_PARAM = "ret";
const PARAMS = [FLOW_PARAM, "inv", "att", "exp", "sig"] as const;

const message = (b: ReturnBinding) => `checkout-widget:return-route\u0000${b.flow}\u0000${b.invoiceId}\u0000${b.attemptId}\u0000${b.expiresAt}`;

/** How long a return URL is honoured: the shopper may come back late, and every visit reads the gateway anew. */
export const RETURN_URL_LIFETIME_S = 24 * 60 * 60;

export async function bindReturnUrl(termUrl: string, binding: ReturnBinding, signer: Signer): Promise<string> {
  const url = new URL(termUrl);
  url.searchParams.set(FLOW_PARAM, binding.flow);
  url.searchParams.set("inv", binding.invoiceId);
  url.searchParams.set("att", binding.attemptId);
  url.searchParams.set("exp", String(binding.expiresAt));
  url.searchParams.set("sig", await signer.sign(message(binding)));
  return url.toString();
}

/** Is this a request for the return route (rather than the 3-D Secure TermUrl or its script)? */
export function isReturnRequest(params: URLSearchParams): boolean {
  return params.has(FLOW_PARAM);
}

/** The binding of a return URL the kit signed and that has not expired, else null. */
export async function readReturnBinding(params: URLSearchParams, signer: Signer, nowMs: number): Promise<ReturnBinding | null> {
  for (const name of PARAMS) if (params.getAll(name).length !== 1) return null;
  const flow = params.get(FLOW_PARAM);
  const invoiceId = params.get("inv") ?? "";
  const attemptId = params.get("att") ?? "";
  const expires = params.get("exp") ?? "";
  if ((flow !== "page" && flow !== "3ds") || invoiceId === "" || attemptId === "" || !/^\d{1,12}$/.test(expires)) return null;
  const binding: ReturnBinding = { flow, invoiceId, attemptId, expiresAt: Number(expires) };
  if (binding.expiresAt * 1000 <= nowMs) return null;
  return (await signer.verify(message(binding), params.get("sig") ?? "")) ? binding : null;
}
