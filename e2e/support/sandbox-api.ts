// What the sandbox gateway recorded: the ground truth for "one payment, one transaction".
import { DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, basicAuthHeader } from "../../sandbox/index.ts";
import type { TransactionModel } from "../../sandbox/index.ts";
import { SANDBOX_URL } from "./demo-env.ts";

export async function sandboxTransactions(): Promise<TransactionModel[]> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/transactions`, {
    headers: { Authorization: basicAuthHeader(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET) },
  });
  if (!response.ok) throw new Error(`sandbox transactions: HTTP ${response.status}`);
  const body = (await response.json()) as { Success: boolean; Model: TransactionModel[] };
  return body.Model;
}

/** Payments (not refunds) the sandbox holds for one invoice. */
export async function paymentsFor(invoiceId: string): Promise<TransactionModel[]> {
  return (await sandboxTransactions()).filter((t) => String(t.InvoiceId) === invoiceId && t.Type === 0);
}
