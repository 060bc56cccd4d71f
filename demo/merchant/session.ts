// The demo's login switch: a cookie naming one of two demo shoppers, as a shop's own session
// would. The kit's getCustomer reads it; the browser's request body never names a customer.
import type { CheckoutCustomer } from "../../server/index.ts";

export const DEMO_CUSTOMERS = ["alice", "bob"] as const;
export type DemoCustomer = (typeof DEMO_CUSTOMERS)[number];

const COOKIE = "demo_customer";

export function isDemoCustomer(value: unknown): value is DemoCustomer {
  return DEMO_CUSTOMERS.some((customer) => customer === value);
}

/** The logged-in demo shopper of a request, or null for a guest. */
export function customerOf(request: Request): CheckoutCustomer | null {
  const cookies = request.headers.get("cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === COOKIE && isDemoCustomer(value)) return { id: value };
  }
  return null;
}

/** Set-Cookie for logging in as `customer`, or out (null). */
export function sessionCookie(customer: DemoCustomer | null): string {
  const attributes = "Path=/; HttpOnly; SameSite=Lax";
  return customer === null ? `${COOKIE}=; ${attributes}; Max-Age=0` : `${COOKIE}=${customer}; ${attributes}; Max-Age=86400`;
}
