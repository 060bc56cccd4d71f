// What a card typed on the hosted page does: read and check the fields, then pick the outcome
// from the sandbox's test-card table (sandbox/test-cards.ts) and the gateway's own printed test
// cards. Only first six, last four and expiry leave this module; the number and CVC never do.
import type { ReasonName } from "../reason-codes.ts";
import type { GatewayCardType } from "../test-cards.ts";
import { behaviourOf, cardTypeOf, isLuhnValid } from "../test-cards.ts";

/** Why a card was declined, in the page's own words; each gateway maps them to its codes. */
export type HostedDecline = "insufficient_funds" | "expired_card" | "authentication_failed" | "invalid_card" | "do_not_honor";

/** A test card printed in a gateway's documentation: it works exactly as printed. */
export interface HostedTestCard {
  /** Digits, spaces allowed. */
  number: string;
  /** Printed expiry: any other expiry declines `expired_card`; a printed date in the past still works. */
  expiry?: { month: number; year: number };
  /** Printed CVC: any other declines `authentication_failed`. */
  cvc?: string;
  threeDs: boolean;
  /** Decline after 3-D Secure (or at once without it); null = approved. */
  decline: HostedDecline | null;
}

/** What the gateway may keep of a card. */
export interface CardSummary {
  firstSix: string;
  lastFour: string;
  expMonth: number;
  /** Four digits. */
  expYear: number;
  brand: GatewayCardType;
  holder: string | null;
}

export type CardOutcome = { kind: "approved"; card: CardSummary } | { kind: "declined"; decline: HostedDecline; card: CardSummary };

export type CardField = "cardNumber" | "expiry" | "cvc" | "holder";
export type FieldProblem = "numberInvalid" | "expiryInvalid" | "expiryPast" | "cvcInvalid" | "holderInvalid";

export interface TypedCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holder: string | null;
}

export type CardCheck = { ok: true; card: TypedCard } | { ok: false; problems: Partial<Record<CardField, FieldProblem>> };

const MAX_HOLDER = 100;

/** MM/YY, MM/YYYY, MMYY, with spaces around the slash. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const m = /^(\d{1,2})\s*[/.-]?\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  const month = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

function digitsOf(text: string): string {
  return text.replace(/[\s-]/g, "");
}

/** Checks the typed fields; an expiry in the past is refused unless the card is a printed test card. */
export function checkTypedCard(
  fields: { cardNumber: string; expiry: string; cvc: string; holder: string },
  printed: readonly HostedTestCard[],
  now: Date,
): CardCheck {
  const problems: Partial<Record<CardField, FieldProblem>> = {};
  const number = digitsOf(fields.cardNumber);
  if (!/^\d{12,19}$/.test(number) || !isLuhnValid(number)) problems.cardNumber = "numberInvalid";
  const expiry = parseExpiry(fields.expiry);
  if (expiry === null) problems.expiry = "expiryInvalid";
  else if (!printed.some((card) => digitsOf(card.number) === number) && isPast(expiry, now)) problems.expiry = "expiryPast";
  const cvc = fields.cvc.trim();
  if (!/^\d{3,4}$/.test(cvc)) problems.cvc = "cvcInvalid";
  const holder = fields.holder.trim();
  if (holder.length > MAX_HOLDER) problems.holder = "holderInvalid";
  if (Object.keys(problems).length > 0 || expiry === null) return { ok: false, problems };
  return { ok: true, card: { number, expMonth: expiry.month, expYear: expiry.year, cvc, holder: holder === "" ? null : holder } };
}

function isPast(expiry: { month: number; year: number }, now: Date): boolean {
  const year = now.getUTCFullYear();
  return expiry.year < year || (expiry.year === year && expiry.month < now.getUTCMonth() + 1);
}

const FROM_REASON: Partial<Record<ReasonName, HostedDecline>> = {
  InsufficientFunds: "insufficient_funds",
  ExpiredCard: "expired_card",
  AuthenticationFailed: "authentication_failed",
  InvalidCardNumber: "invalid_card",
  DoNotHonor: "do_not_honor",
};

export interface CardVerdict {
  summary: CardSummary;
  threeDs: boolean;
  /** The outcome once the shopper is authenticated (or at once when threeDs is false). */
  outcome: CardOutcome;
}

/** The outcome a checked card selects. */
export function verdictOf(card: TypedCard, printed: readonly HostedTestCard[]): CardVerdict {
  const summary: CardSummary = {
    firstSix: card.number.slice(0, 6),
    lastFour: card.number.slice(-4),
    expMonth: card.expMonth,
    expYear: card.expYear,
    brand: cardTypeOf(card.number.slice(0, 6)),
    holder: card.holder,
  };
  const declined = (decline: HostedDecline): CardVerdict => ({ summary, threeDs: false, outcome: { kind: "declined", decline, card: summary } });
  const test = printed.find((entry) => digitsOf(entry.number) === card.number);
  if (test !== undefined) {
    if (test.expiry && (test.expiry.month !== card.expMonth || test.expiry.year !== card.expYear)) return declined("expired_card");
    if (test.cvc !== undefined && test.cvc !== card.cvc) return declined("authentication_failed");
    const outcome: CardOutcome = test.decline === null ? { kind: "approved", card: summary } : { kind: "declined", decline: test.decline, card: summary };
    return { summary, threeDs: test.threeDs, outcome };
  }
  const behaviour = behaviourOf(card.number);
  const decline = behaviour.paymentDecline === null ? null : (FROM_REASON[behaviour.paymentDecline] ?? "do_not_honor");
  const outcome: CardOutcome = decline === null ? { kind: "approved", card: summary } : { kind: "declined", decline, card: summary };
  return { summary, threeDs: behaviour.threeDs, outcome };
}
