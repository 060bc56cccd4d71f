// The card brands the kit passes on, by the gateways' names: anything else becomes "Unknown",
// so a crafted or odd value never reaches a page as free text.
const KNOWN: Readonly<Record<string, string>> = {
  visa: "Visa",
  mastercard: "MasterCard",
  maestro: "Maestro",
  mir: "MIR",
  мир: "MIR",
  americanexpress: "AmericanExpress",
  amex: "AmericanExpress",
  jcb: "JCB",
  unionpay: "UnionPay",
  dinersclub: "DinersClub",
  discover: "Discover",
};

export const UNKNOWN_CARD_TYPE = "Unknown";

export function knownCardType(value: string | null | undefined): string {
  if (typeof value !== "string") return UNKNOWN_CARD_TYPE;
  return KNOWN[value.toLowerCase().replace(/[\s_-]/g, "")] ?? UNKNOWN_CARD_TYPE;
}

export function isKnownCardType(value: string): boolean {
  return value === UNKNOWN_CARD_TYPE || Object.values(KNOWN).includes(value);
}
