// CloudPayments' own test-card table (docs/cloudpayments.md, Test cards) and the card-type
// names the gateway reports. The sandbox keeps only the behaviour a PAN selects, never the PAN.
import type { ReasonName } from "./reason-codes.ts";

export interface CardBehaviour {
  /** The bank asks for 3-D Secure on a cryptogram payment. */
  threeDs: boolean;
  /** Decline of a cryptogram payment (after 3-D Secure when asked), or null = approved. */
  paymentDecline: ReasonName | null;
  /** Decline of a later payment by the token, or null = approved. */
  tokenDecline: ReasonName | null;
}

const THREE_DS_APPROVED: CardBehaviour = { threeDs: true, paymentDecline: null, tokenDecline: null };
const THREE_DS_NO_FUNDS: CardBehaviour = { threeDs: true, paymentDecline: "InsufficientFunds", tokenDecline: null };
const APPROVED: CardBehaviour = { threeDs: false, paymentDecline: null, tokenDecline: null };
const TOKEN_NO_FUNDS: CardBehaviour = { threeDs: false, paymentDecline: null, tokenDecline: "InsufficientFunds" };
const NO_FUNDS: CardBehaviour = { threeDs: false, paymentDecline: "InsufficientFunds", tokenDecline: null };

export const TEST_CARDS: ReadonlyMap<string, CardBehaviour> = new Map([
  ["4242424242424242", THREE_DS_APPROVED],
  ["5555555555554444", THREE_DS_APPROVED],
  ["2200000000000004", THREE_DS_APPROVED],
  ["4012888888881881", THREE_DS_NO_FUNDS],
  ["5105105105105100", THREE_DS_NO_FUNDS],
  ["2202202202202200", THREE_DS_NO_FUNDS],
  ["4000000000003055", APPROVED],
  ["5205000000003055", APPROVED],
  ["2202000000003055", APPROVED],
  ["4111111111111111", TOKEN_NO_FUNDS],
  ["5200828282828210", TOKEN_NO_FUNDS],
  ["2200000022222222", TOKEN_NO_FUNDS],
  ["4000056655665556", NO_FUNDS],
  ["5404000000000043", NO_FUNDS],
  ["2203000000000043", NO_FUNDS],
]);

const NOT_LUHN: CardBehaviour = { threeDs: false, paymentDecline: "InvalidCardNumber", tokenDecline: null };

/** Any other Luhn-valid card is approved without 3-D Secure; a card failing Luhn is declined 5014. */
export function behaviourOf(pan: string): CardBehaviour {
  return TEST_CARDS.get(pan) ?? (isLuhnValid(pan) ? APPROVED : NOT_LUHN);
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type GatewayCardType = "Visa" | "MasterCard" | "MIR" | "Maestro" | "AmericanExpress" | "JCB" | "UnionPay" | "Unknown";

// Ranges are checked in order; MIR's 2200–2204 sits below Mastercard's 2221–2720.
const CARD_TYPE_RANGES: ReadonlyArray<readonly [GatewayCardType, number, number, number]> = [
  // [type, prefix length, from, to]
  ["MIR", 4, 2200, 2204],
  ["MasterCard", 4, 2221, 2720],
  ["MasterCard", 2, 51, 55],
  ["Visa", 1, 4, 4],
  ["AmericanExpress", 2, 34, 34],
  ["AmericanExpress", 2, 37, 37],
  ["JCB", 4, 3528, 3589],
  ["UnionPay", 2, 62, 62],
  ["Maestro", 2, 50, 50],
  ["Maestro", 2, 56, 69],
];

export function cardTypeOf(firstSix: string): GatewayCardType {
  for (const [type, length, from, to] of CARD_TYPE_RANGES) {
    const prefix = Number(firstSix.slice(0, length));
    if (prefix >= from && prefix <= to) return type;
  }
  return "Unknown";
}

// Only Visa = 0 is documented; the others are the sandbox's own numbering.
const CARD_TYPE_CODES: Record<GatewayCardType, number> = {
  Visa: 0,
  MasterCard: 1,
  Maestro: 2,
  AmericanExpress: 3,
  JCB: 4,
  UnionPay: 5,
  MIR: 6,
  Unknown: -1,
};

export function cardTypeCodeOf(type: GatewayCardType): number {
  return CARD_TYPE_CODES[type];
}
