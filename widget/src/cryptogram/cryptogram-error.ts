// Errors about the key or the packet (not about the card: see card-validation-error.ts).
// Messages are fixed texts per code; nothing from the card or key goes into them.
export type CryptogramErrorCode =
  | "PublicKey_Invalid" // PEM missing, not RSA, or too small for PKCS#1 v1.5
  | "KeyVersion_Invalid"
  | "PublicId_Invalid"
  | "Message_TooLong" // plaintext does not fit the RSA block
  | "Random_Unavailable"; // no crypto.getRandomValues: refuse rather than pad weakly

const MESSAGES: Record<CryptogramErrorCode, string> = {
  PublicKey_Invalid: "The public key is not a usable RSA public key in PEM form",
  KeyVersion_Invalid: "The key version must be a whole number of at most two digits",
  PublicId_Invalid: "The public ID must be non-empty printable ASCII without '@'",
  Message_TooLong: "The data does not fit into one RSA block",
  Random_Unavailable: "crypto.getRandomValues is not available",
};

/** createCryptogram's rejection for a key or Public ID it cannot use (not a card problem); `code` says which. */
export class CryptogramError extends Error {
  /** Stable: branch on this, not on the message. */
  readonly code: CryptogramErrorCode;
  constructor(code: CryptogramErrorCode) {
    super(MESSAGES[code]);
    this.name = "CryptogramError";
    this.code = code;
  }
}
