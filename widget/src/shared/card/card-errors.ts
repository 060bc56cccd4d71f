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
