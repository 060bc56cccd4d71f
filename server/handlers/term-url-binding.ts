// The TermUrl the kit hands to the ACS names what it issued the challenge for: the transaction,
// the invoice, the attempt and an expiry, signed with the merchant's secret. threeDsReturn
// serves only a post whose TermUrl the kit signed and whose MD is that same transaction, so an
// anonymous caller cannot ask about any other transaction.
import type { Signer } from "./signing.ts";

export const TERM_URL_TRANSACTION_PARAM = "tx";
const INVOICE_PARAM = "inv";
const ATTEMPT_PARAM = "att";
const EXPIRES_PARAM = "exp";
const SIGNATURE_PARAM = "sig";
/** Present ("1") when the card is to be saved for the transaction's customer once approved. */
const SAVE_PARAM = "sv";
const BINDING_PARAMS = [TERM_URL_TRANSACTION_PARAM, INVOICE_PARAM, ATTEMPT_PARAM, EXPIRES_PARAM, SIGNATURE_PARAM];

export interface TermUrlBinding {
  transactionId: number;
  invoiceId: string;
  attemptId: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Save the card for the customer (the transaction's AccountId) when it is approved. */
  save?: boolean;
}

const message = (b: TermUrlBinding) =>
  `checkout-widget:3ds\u0000${b.transactionId}\u0000${b.invoiceId}\u0000${b.attemptId}\u0000${b.expiresAt}\u0000${b.save === true ? 1 : 0}`;

export async function bindTermUrl(termUrl: string, binding: TermUrlBinding, signer: Signer): Promise<string> {
  const url = new URL(termUrl);
  url.searchParams.set(TERM_URL_TRANSACTION_PARAM, String(binding.transactionId));
  url.searchParams.set(INVOICE_PARAM, binding.invoiceId);
  url.searchParams.set(ATTEMPT_PARAM, binding.attemptId);
  url.searchParams.set(EXPIRES_PARAM, String(binding.expiresAt));
  if (binding.save === true) url.searchParams.set(SAVE_PARAM, "1");
  url.searchParams.set(SIGNATURE_PARAM, await signer.sign(message(binding)));
  return url.toString();
}

/** The binding of a return URL the kit signed and that has not expired, else null. */
export async function readTermUrlBinding(requestUrl: string, signer: Signer, nowMs: number): Promise<TermUrlBinding | null> {
  const params = new URL(requestUrl).searchParams;
  for (const name of BINDING_PARAMS) if (params.getAll(name).length !== 1) return null;
  const transactionId = parseTransactionId(params.get(TERM_URL_TRANSACTION_PARAM));
  const invoiceId = params.get(INVOICE_PARAM) ?? "";
  const attemptId = params.get(ATTEMPT_PARAM) ?? "";
  const expires = params.get(EXPIRES_PARAM) ?? "";
  if (transactionId === null || invoiceId === "" || attemptId === "" || !/^\d{1,12}$/.test(expires)) return null;
  const saves = params.getAll(SAVE_PARAM);
  if (saves.length > 1 || (saves.length === 1 && saves[0] !== "1")) return null;
  const binding: TermUrlBinding = { transactionId, invoiceId, attemptId, expiresAt: Number(expires), ...(saves.length === 1 && { save: true }) };
  if (binding.expiresAt * 1000 <= nowMs) return null;
  return (await signer.verify(message(binding), params.get(SIGNATURE_PARAM) ?? "")) ? binding : null;
}

export function parseTransactionId(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
