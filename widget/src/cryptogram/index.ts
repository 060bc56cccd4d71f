// Public face of widget/src/cryptogram: the card encrypted client-side for the gateway.
export { createCryptogram } from "./card-cryptogram.ts";
export type { CardInput, CryptogramFormat, CryptogramKey, CryptogramOptions } from "./card-cryptogram.ts";
export { createCvvCryptogram } from "./cvv-cryptogram.ts";
export { CardValidationError } from "./card-validation-error.ts";
export { CryptogramError } from "./cryptogram-error.ts";
export type { CryptogramErrorCode } from "./cryptogram-error.ts";
