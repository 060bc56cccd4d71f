/** The card's fields, named as in CloudPayments checkout.js's CardData. */
export type CardField = "cardNumber" | "expDateMonthYear" | "cvv" | "name";

/** The fields in the order a card is read and shown: the one order every form and check follows. */
export const CARD_FIELDS: readonly CardField[] = ["cardNumber", "expDateMonthYear", "cvv", "name"];

/** checkout.js's validation codes; shopper texts are in shared/i18n/form-texts.ts. */
export type CardErrorCode =
  | "CardNumber_Empty"
  | "CardNumber_Invalid"
  | "ExpDateMonthYear_Empty"
  | "ExpDateMonthYear_Invalid"
  | "Cvv_Empty"
  | "Cvv_Invalid"
  | "Name_Empty"
  | "Name_Invalid"
  | "Name_TooShort"
  | "Name_TooLong";

/**
 * What exactly is wrong with a field, for the shopper's message: each is one of checkout.js's codes
 * or a finer reason that maps to one (`problemCode`), so the codes merchants see stay checkout.js's.
 */
export type CardProblem =
  | CardErrorCode
  /** Fewer digits than the brand issues. */
  | "CardNumber_Incomplete"
  | "ExpDateMonthYear_Incomplete"
  | "ExpDateMonthYear_Expired"
  /** Too few digits for a code on the back of the card (3). */
  | "Cvv_Incomplete"
  /** Too few digits for a code printed on the front (American Express, 4). */
  | "Cvv_IncompleteFront";

const PROBLEM_CODES: Partial<Record<CardProblem, CardErrorCode>> = {
  CardNumber_Incomplete: "CardNumber_Invalid",
  ExpDateMonthYear_Incomplete: "ExpDateMonthYear_Invalid",
  ExpDateMonthYear_Expired: "ExpDateMonthYear_Invalid",
  Cvv_Incomplete: "Cvv_Invalid",
  Cvv_IncompleteFront: "Cvv_Invalid",
};

/** The checkout.js code a problem is reported as (in onChange, cp.Checkout, validateCard). */
export function problemCode(problem: CardProblem): CardErrorCode {
  return PROBLEM_CODES[problem] ?? (problem as CardErrorCode);
}

/** Field → error code; empty when the card is valid. */
export type CardErrors = Partial<Record<CardField, CardErrorCode>>;

/** What validateCard reads: a card's details as typed. */
export interface CardDetails {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  /** Checked only when given: undefined skips it, "" is Name_Empty. */
  name?: string | undefined;
}
