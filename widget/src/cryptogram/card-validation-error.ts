import type { CardErrorCode, CardErrors } from "../shared/card/index.ts";

/**
 * createCryptogram's rejection for a card that fails the checks the form makes. Carries codes
 * only, never card data: `if (e instanceof CardValidationError) e.errors.cardNumber // "CardNumber_Invalid"`.
 */
export class CardValidationError extends Error {
  /** The error code of each field in error, e.g. `{ cvv: "Cvv_Invalid" }`. */
  readonly errors: CardErrors;
  constructor(errors: CardErrors) {
    const codes: CardErrorCode[] = Object.values(errors).filter((code) => code !== undefined);
    super(`Card is invalid: ${codes.join(", ")}`);
    this.name = "CardValidationError";
    this.errors = errors;
  }
}
