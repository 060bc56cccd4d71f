/** The card form's fields, named as in CloudPayments checkout.js's CardData. */
export type CardField = "cardNumber" | "expDateMonthYear" | "cvv" | "name";

/** checkout.js's validation codes; shopper texts live in widget/src/i18n. */
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

export interface CardFields {
  cardNumber: string;
  expDateMonthYear: string;
  cvv: string;
  /** Checked only when given: undefined skips it, "" is Name_Empty. */
  name?: string | undefined;
}
