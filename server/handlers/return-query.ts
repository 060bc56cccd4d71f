// The outcome a top-level 3-D Secure (or gateway page) return appends to returnUrl, signed by the
// kit with an expiry. The URL is the browser's to change: the signature lets the merchant's server
// tell the kit's own outcome from a crafted link (`verifyReturnQuery`). Only non-secret facts: no
// card number, no cryptogram, and the last four digits only when the merchant asks for them.
import type { HostedOutcome, PayErrorCode, PaymentId, ThreeDsOutcome, ThreeDsReturnQuery } from "../contract.ts";
import { isKnownCardType } from "./card-types.ts";
import { createSigner, type Signer } from "./signing.ts";

/** Signed fields, in the order they are signed. */
const FIELDS = [
  "status",
  "transactionId",
  "invoiceId",
  "amount",
  "currency",
  "cardType",
  "cardLastFour",
  "captured",
  "reasonCode",
  "code",
  "exp",
] as const satisfies ReadonlyArray<Exclude<keyof ThreeDsReturnQuery, "sig">>;

type Unsigned = Omit<ThreeDsReturnQuery, "sig">;

function message(query: Unsigned): string {
  let text = "checkout-widget:return";
  for (const field of FIELDS) {
    const value = query[field];
    if (value !== undefined) text += `\u0000${field}=${value}`;
  }
  return text;
}

/** How long a signed returnUrl outcome verifies, unless `returnQuery.validForMs` says otherwise. */
export const RETURN_QUERY_VALID_MS = 30 * 60_000;

export interface ReturnQueryFields {
  /** Unix seconds: the signature's expiry. */
  expiresAt: number;
  cardLastFour: boolean;
}

export function returnQuery(
  transactionId: PaymentId,
  invoiceId: string | null,
  result: ThreeDsOutcome<PaymentId> | HostedOutcome,
  fields: ReturnQueryFields,
): Unsigned {
  const query: Unsigned = { status: result.status, transactionId: String(transactionId) };
  if (invoiceId !== null) query.invoiceId = invoiceId;
  if (result.status === "approved") {
    query.amount = String(result.amount);
    query.currency = result.currency;
    query.cardType = result.cardType;
    // Invoice's payment answer names no card: nothing rather than an empty field.
    if (fields.cardLastFour && result.cardLastFour !== "") query.cardLastFour = result.cardLastFour;
    if (result.captured !== undefined) query.captured = result.captured ? "1" : "0";
  } else if (result.status === "declined") {
    query.reasonCode = String(result.reasonCode);
  } else if (result.status === "error" && result.code !== undefined) {
    query.code = result.code;
  }
  query.exp = String(fields.expiresAt);
  return query;
}

export async function signedRedirectUrl(returnUrl: string, query: Unsigned, signer: Signer): Promise<string> {
  const url = new URL(returnUrl);
  for (const field of FIELDS) {
    const value = query[field];
    if (value !== undefined) url.searchParams.set(field, value);
  }
  url.searchParams.set("sig", await signer.sign(message(query)));
  return url.toString();
}

function readQuery(params: URLSearchParams): ThreeDsReturnQuery | null {
  const values: Partial<Record<(typeof FIELDS)[number] | "sig", string>> = {};
  for (const field of [...FIELDS, "sig"] as const) {
    const all = params.getAll(field);
    if (all.length > 1) return null;
    if (all[0] !== undefined) values[field] = all[0];
  }
  const { status, transactionId, sig } = values;
  if ((status !== "approved" && status !== "declined" && status !== "cancelled" && status !== "error") || transactionId === undefined || sig === undefined) {
    return null;
  }
  const query: ThreeDsReturnQuery = { status, transactionId, sig };
  if (values.invoiceId !== undefined) query.invoiceId = values.invoiceId;
  if (values.amount !== undefined) query.amount = values.amount;
  if (values.currency !== undefined) query.currency = values.currency;
  if (values.cardType !== undefined) {
    if (!isKnownCardType(values.cardType)) return null;
    query.cardType = values.cardType;
  }
  if (values.cardLastFour !== undefined) query.cardLastFour = values.cardLastFour;
  if (values.captured !== undefined) {
    if (values.captured !== "1" && values.captured !== "0") return null;
    query.captured = values.captured;
  }
  if (values.reasonCode !== undefined) query.reasonCode = values.reasonCode;
  if (values.code !== undefined) query.code = values.code as PayErrorCode;
  if (values.exp === undefined || !/^\d{1,12}$/.test(values.exp)) return null;
  query.exp = values.exp;
  return query;
}

/**
 * The outcome in a returnUrl query when the kit signed it with `secret` and it has not expired,
 * else null; never throws on a malformed link. For the merchant's server (the browser has no
 * secret): never show "paid" for a link that fails this.
 *
 * It proves that the kit saw this outcome when it made the link, not that the order is still
 * paid now (it may since have been refunded or voided): for what the order is, ask your records.
 */
export async function verifyReturnQuery(
  input: URL | URLSearchParams | string,
  secret: string,
  nowMs: number = Date.now(),
): Promise<ThreeDsReturnQuery | null> {
  let params: URLSearchParams;
  try {
    params = input instanceof URLSearchParams ? input : input instanceof URL ? input.searchParams : new URL(input, "http://x/").searchParams;
  } catch {
    return null;
  }
  const query = readQuery(params);
  if (query === null || query.sig === undefined || query.exp === undefined) return null;
  if (Number(query.exp) * 1000 <= nowMs) return null;
  const { sig, ...unsigned } = query;
  return (await createSigner(secret).verify(message(unsigned), sig)) ? query : null;
}
