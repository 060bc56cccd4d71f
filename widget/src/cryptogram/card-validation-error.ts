import type { CardErrorCode, CardErrors } from "../shared/card/index.ts";

/** Thrown by createCryptogram for a card that fails validateCard. Carries codes only, never card data. */
export class CardValidationError extends Error {
  readonly errors: CardErrors;
  constructor(errors: CardErrors) {
    const codes: CardErrorCode[] = Object.values(errors).filter((code) => code !== undefined);
    super(`Card is invalid: ${codes.join(", ")}`);
    this.name = "CardValidationError";
    this.errors = errors;
  }
}
