// Pure search for card data in recorded evidence (requests, console, storage, DOM attributes).
// Used by the leak guard in e2e/fixtures.ts; kept free of Playwright so it is easy to reason about.

export interface Secret {
  /** What to call it in a report, e.g. "PAN 4242 •••• 4242" or "CVC". */
  label: string;
  pattern: RegExp;
}

export interface Evidence {
  /** Where it was seen, e.g. "request POST http://…/api/pay body". */
  where: string;
  text: string;
}

export interface Leak {
  where: string;
  secret: string;
  /** A short excerpt with the secret masked. */
  excerpt: string;
}

// Between two digits of a PAN a leak may carry a space, NBSP, dash, dot, plus (form encoding) or %20.
const SEPARATOR = "(?:[\\s\\u00a0\\-.+]|%20|\\\\u0020)?";

/** A card number with or without separators between its digits. */
export function panSecret(number: string): Secret {
  const digits = number.replace(/\D/g, "");
  const pattern = new RegExp(digits.split("").join(SEPARATOR));
  return { label: `PAN ${digits.slice(0, 4)} •••• ${digits.slice(-4)}`, pattern };
}

/**
 * A CVC as a token of its own: not inside a longer number, word, base64 run, time or decimal,
 * so ids and timestamps that merely contain the digits do not count.
 */
export function cvcSecret(cvc: string): Secret {
  const digits = cvc.replace(/\D/g, "");
  return {
    label: "CVC",
    pattern: new RegExp(`(?<![0-9A-Za-z.:/+_\\-])${digits}(?![0-9A-Za-z.:/+_\\-])`),
  };
}

function tryDecodeUri(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text.replace(/\+/g, " "));
    return decoded === text ? null : decoded;
  } catch {
    return null;
  }
}

function isMostlyPrintable(text: string): boolean {
  if (text.length === 0) return false;
  let printable = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code >= 32 && code < 127) || code === 10 || code === 13 || code === 9) printable++;
  }
  return printable / text.length > 0.9;
}

/** Base64 (standard or URL-safe) runs that decode to text: a PAN hidden by encoding still counts. */
export function decodedBase64Runs(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? [];
  const decoded: string[] = [];
  for (const run of runs) {
    const normal = run.replace(/-/g, "+").replace(/_/g, "/");
    const plain = Buffer.from(normal, "base64").toString("latin1");
    if (isMostlyPrintable(plain)) decoded.push(plain);
  }
  return decoded;
}

/** Every reading of a text a leak could hide in: raw, URL-decoded, and base64-decoded runs. */
export function readingsOf(text: string): string[] {
  const readings = [text];
  const uri = tryDecodeUri(text);
  if (uri !== null) readings.push(uri);
  for (const reading of [...readings]) readings.push(...decodedBase64Runs(reading));
  return readings;
}

function mask(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  return `${text.slice(start, index)}[${"#".repeat(length)}]${text.slice(index + length, end)}`.replace(/\s+/g, " ");
}

export function findLeaks(evidence: readonly Evidence[], secrets: readonly Secret[]): Leak[] {
  const leaks: Leak[] = [];
  for (const item of evidence) {
    for (const reading of readingsOf(item.text)) {
      for (const secret of secrets) {
        const match = secret.pattern.exec(reading);
        if (match) leaks.push({ where: item.where, secret: secret.label, excerpt: mask(reading, match.index, match[0].length) });
      }
    }
  }
  return leaks;
}

/**
 * The body of `POST …/pay`, with the cryptogram replaced by what may be checked of it: the
 * decoded JSON wrapper (CardInfo: first six, last four, expiry) without its encrypted Value.
 * The ciphertext itself is the one place card data may travel.
 */
export function payBodyForScan(body: string): { rest: string; cryptogramWrapper: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { rest: body, cryptogramWrapper: null };
  }
  if (typeof parsed !== "object" || parsed === null || !("cryptogram" in parsed)) return { rest: body, cryptogramWrapper: null };
  const { cryptogram, ...rest } = parsed as { cryptogram: unknown };
  let wrapper: string | null = null;
  if (typeof cryptogram === "string") {
    const decoded = Buffer.from(cryptogram, "base64").toString("utf8");
    try {
      const packet = JSON.parse(decoded) as Record<string, unknown>;
      const { Value: _ciphertext, ...visible } = packet;
      wrapper = JSON.stringify(visible);
    } catch {
      // Not a JSON packet (e.g. the legacy "01…" layout): its visible head is still checked.
      wrapper = cryptogram.replace(/[A-Za-z0-9+/=]{40,}$/, "");
    }
  }
  return { rest: JSON.stringify(rest), cryptogramWrapper: wrapper };
}

/** Where a gateway hosts its own card page: the one place a card may be typed outside the widget. */
export interface GatewayCardPages {
  /** The gateway's origin, e.g. the sandbox's http://127.0.0.1:18600. */
  origin: string;
  /** True for a path its card form posts to. */
  isCardPostPath(path: string): boolean;
  /** The form fields that carry the card number and CVC. */
  cardFields: readonly string[];
}

export interface FormPost {
  url: string;
  method: string;
  /** Playwright's resourceType(): "document" for a form's navigation. */
  resourceType: string;
  contentType: string | null;
  /** The browser's own Sec-Fetch-Site header: "same-origin" when the posting page is the gateway's. */
  secFetchSite: string | null;
  /** The URL of the frame the form was submitted from. */
  frameUrl: string;
  body: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A card typed on the gateway's own hosted page and posted by its form to the gateway: the body
 * with the card-number and CVC fields taken out (everything else is still checked), or null when
 * the request is anything else. Only a real form navigation (document) from a page of the
 * gateway's origin (Sec-Fetch-Site same-origin, the frame on that origin) to the card-post path,
 * form-encoded, each card field once: a shop page or script posting card data there is still a leak.
 */
export function gatewayCardPostForScan(post: FormPost, pages: GatewayCardPages): string | null {
  if (post.method !== "POST" || post.resourceType !== "document") return null;
  let target: URL;
  try {
    target = new URL(post.url);
  } catch {
    return null;
  }
  if (target.origin !== pages.origin || !pages.isCardPostPath(target.pathname)) return null;
  if (post.secFetchSite !== "same-origin" || originOf(post.frameUrl) !== pages.origin) return null;
  if ((post.contentType ?? "").split(";")[0]?.trim().toLowerCase() !== "application/x-www-form-urlencoded") return null;
  const form = new URLSearchParams(post.body);
  if (pages.cardFields.some((field) => form.getAll(field).length > 1)) return null;
  for (const field of pages.cardFields) form.delete(field);
  return form.toString();
}
