export interface ExpiryDate {
  /** 1–12 */
  readonly month: number;
  /** Four digits. */
  readonly year: number;
}

/** How far ahead an expiry may be, as checkout.js allows. */
const MAX_YEARS_AHEAD = 20;

/**
 * A month and a two- or four-digit year, with an optional `/`, `-`, `.` or space between them:
 * `12/29`, `12 / 29`, `1229`, `12/2029`, `1/29`. Without a separator this is checkout.js's rule
 * for digit strings (3 or 5 digits: the first is the month; 4 or 6: the first two), because the
 * pattern tries a two-digit month first and falls back to one digit. With a separator the
 * separator decides (`12/9` is null, not January 2029). Null for anything else or month 0, 13….
 */
export function parseExpiry(input: string): ExpiryDate | null {
  const match = /^(\d{1,2})\s*[/.\-\s]?\s*(\d{4}|\d{2})$/.exec(input.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const yearText = match[2] ?? "";
  if (month < 1 || month > 12) return null;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return { month, year };
}

/**
 * Whether the card is still valid in `now`'s month (its own month counts) and expires at most
 * 20 years ahead. Months are compared in `now`'s local time.
 */
export function isExpiryInRange(expiry: ExpiryDate, now: Date): boolean {
  const index = expiry.year * 12 + (expiry.month - 1);
  const current = now.getFullYear() * 12 + now.getMonth();
  return index >= current && index <= current + MAX_YEARS_AHEAD * 12;
}

/**
 * Formats typing into `MM/YY`. Non-digits are dropped; a first digit 2–9 is a month and gets a
 * leading zero ("2" → "02/"); "1" waits for the next digit ("12" → "12/", "13" → "01/3"); a
 * single digit followed by a separator is padded ("1/" → "01/"); a four-digit year is shortened
 * ("12/2029" → "12/29"); digits past MM/YY are cut. Reformatting the output changes nothing.
 * The slash is appended after a full month, so the UI should not reformat on deletion.
 */
export function formatExpiry(input: string): string {
  let digits = input.replace(/\D/g, "");
  if (digits.length > 4) {
    const parsed = parseExpiry(input);
    if (parsed) return `${pad2(parsed.month)}/${pad2(parsed.year % 100)}`;
  }
  if (/^\s*[1-9]\s*[/.\-\s]/.test(input) || /^[2-9]/.test(digits) || /^1[3-9]/.test(digits)) {
    digits = "0" + digits;
  }
  digits = digits.slice(0, 4);
  return digits.length < 2 ? digits : `${digits.slice(0, 2)}/${digits.slice(2)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
