// The gateway's refusals (HTTP 400 with `error`) as a typed value, and the §9.2 names of its
// [class, code] pairs. No answer at all (timeouts, 401, 5xx) stays a GatewayError.
import type { InvoiceErrorPair } from "./models.ts";

const NAMES: ReadonlyMap<string, string> = new Map([
  ["3,-21", "Duplicate transaction"],
  ["3,-20", "Expired transaction"],
  ["3,-19", "Authentication failed"],
  ["3,-17", "Access denied"],
  ["3,-2", "Bad CGI request"],
  ["2,4", "Your card is restricted"],
  ["2,5", "Transaction declined"],
  ["2,12", "Invalid transaction"],
  ["2,14", "No such card"],
  ["2,41", "Lost card"],
  ["2,43", "Stolen card"],
  ["2,51", "Not sufficient funds"],
  ["2,54", "Expired card"],
  ["2,57", "Not permitted to client"],
  ["2,58", "Not permitted to merchant"],
  ["2,59", "Suspected fraud"],
  ["2,61", "Exceeds amount limit"],
  ["2,62", "Restricted card"],
  ["2,65", "Exceeds frequency limit"],
  ["2,82", "Time-out at issuer"],
  ["2,91", "Issuer unavailable"],
  ["2,93", "Violation of law"],
  ["2,95", "Reconcile error"],
  ["2,96", "System malfunction"],
]);

/** The guide's name of a pair ("Not sufficient funds"), or null for a pair the guide does not list. */
export function invoiceErrorName(pair: InvoiceErrorPair): string | null {
  return NAMES.get(`${pair[0]},${pair[1]}`) ?? null;
}

export const INVOICE_DUPLICATE: InvoiceErrorPair = [3, -21];

export function samePair(a: InvoiceErrorPair | null | undefined, b: InvoiceErrorPair): boolean {
  return a != null && a[0] === b[0] && a[1] === b[1];
}

/**
 * The gateway refused the request (HTTP 400, or an answer carrying `error`). `message` is the
 * gateway's own text (it names the field); `errorCode` is its [class, code] pair when it gave one.
 */
export class InvoiceApiError extends Error {
  override readonly name = "InvoiceApiError";
  readonly code = "invoice_refused";
  constructor(
    /** The method, e.g. "/CreatePayment". */
    readonly path: string,
    readonly status: number,
    message: string,
    readonly errorCode: InvoiceErrorPair | null,
  ) {
    super(message);
  }

  /** `[3, -21]`: a request with identical parameters was made before (look the payment up instead). */
  get isDuplicate(): boolean {
    return samePair(this.errorCode, INVOICE_DUPLICATE);
  }
}

/** A call's outcome: the gateway's answer, or its refusal. */
export type InvoiceResult<T> = { ok: true; value: T } | { ok: false; error: InvoiceApiError };
