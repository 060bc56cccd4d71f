// The TermUrl handed to the ACS names its transaction (`?tx=<id>`); threeDsReturn
// accepts a post only when the ACS's MD is that same transaction.

export const TERM_URL_TRANSACTION_PARAM = "tx";

export function bindTermUrl(termUrl: string, transactionId: number): string {
  const url = new URL(termUrl);
  url.searchParams.set(TERM_URL_TRANSACTION_PARAM, String(transactionId));
  return url.toString();
}

/** The transaction id the return URL was bound to, or null when absent or malformed. */
export function boundTransactionId(requestUrl: string): number | null {
  const value = new URL(requestUrl).searchParams.get(TERM_URL_TRANSACTION_PARAM);
  return parseTransactionId(value);
}

export function parseTransactionId(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
