// What this page has seen paid: a widget opened again for the same order (the modal reopened after
// success, a second mount) starts in that answer instead of an empty form, and says nothing again
// (its callbacks fired the first time). In memory only, a few orders: never storage, never card data.
import type { FinalPaymentState } from "../../shared/index.ts";

export type Settled = Extract<FinalPaymentState, { kind: "approved" | "paid" }>;

export interface SettledPayments {
  get(endpoint: string, invoiceId: string): Settled | undefined;
  remember(endpoint: string, invoiceId: string, state: Settled): void;
  clear(): void;
}

export function createSettledPayments(limit = 20): SettledPayments {
  const paid = new Map<string, Settled>();
  const key = (endpoint: string, invoiceId: string) => `${endpoint.replace(/\/+$/, "")}\n${invoiceId}`;
  return {
    get: (endpoint, invoiceId) => paid.get(key(endpoint, invoiceId)),
    remember(endpoint, invoiceId, state) {
      const k = key(endpoint, invoiceId);
      paid.delete(k);
      paid.set(k, state);
      for (const oldest of paid.keys()) {
        if (paid.size <= limit) break;
        paid.delete(oldest);
      }
    },
    clear: () => paid.clear(),
  };
}

/** The page's own record, shared by every widget the late code serves. */
export const pagePayments: SettledPayments = createSettledPayments();
