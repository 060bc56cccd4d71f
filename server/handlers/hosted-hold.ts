// What the kit keeps of a payment the gateway finishes on its own pages: the tags it gives the
// payment at the gateway (to know it as its own when it comes back), and the hold's reference
// in the attempt store (the gateway's id, the page to send a returning shopper to, and whose it is).
import type { PaymentId, PayThreeDs } from "../contract.ts";
import type { PaymentTags } from "../gateway/index.ts";
import type { AttemptKey } from "./settlement.ts";
import type { Signer } from "./signing.ts";

export const TAG_INVOICE = "cw_invoice";
export const TAG_ATTEMPT = "cw_attempt";
/** "1": save the card for the payment's customer once approved. */
export const TAG_SAVE = "cw_save";

/** The start of a gateway page that made the payment (the kit's start key). */
export const TAG_START = "cw_start";

export function tagsFor(attempt: AttemptKey, save: boolean, startKey?: string): PaymentTags {
  return {
    [TAG_INVOICE]: attempt.invoiceId,
    [TAG_ATTEMPT]: attempt.attemptId,
    ...(startKey !== undefined && { [TAG_START]: startKey }),
    ...(save && { [TAG_SAVE]: "1" }),
  };
}

/**
 * A start of a gateway page, named in the hold before the call: when its answer is lost, the
 * hold still says what to ask the gateway for (`recoverStart`). JSON with `start`, never `id`, so
 * it is never read as a page's hold.
 */
export function encodeStartHold(startKey: string): string {
  return JSON.stringify({ start: startKey });
}

/** The start key a hold names while its start's outcome is not known, or null. */
export function decodeStartHold(reference: string | null): string | null {
  if (reference === null || !reference.startsWith("{")) return null;
  try {
    const value = JSON.parse(reference) as Record<string, unknown>;
    return typeof value.start === "string" && /^[0-9a-f]{32}$/.test(value.start) && value.id === undefined ? value.start : null;
  } catch {
    return null;
  }
}

/**
 * A saved-card payment's call on a gateway that can be asked about it only by the attempt
 * (`savedCards.recover`), named in the hold so that a lost answer is asked about, not left locked.
 * The same for every attempt: the attempt's own retry passes it.
 */
export const SAVED_CALL_HOLD = JSON.stringify({ saved: true });

/** A fresh start key: 32 hex digits, fit for any gateway's order reference. */
export const newStartKey = (): string => crypto.randomUUID().replaceAll("-", "");

/** The attempt a payment at the gateway belongs to, by the tags the kit gave it, or null for one it did not start. */
export function attemptOfTags(tags: PaymentTags | undefined): AttemptKey | null {
  const invoiceId = tags?.[TAG_INVOICE];
  const attemptId = tags?.[TAG_ATTEMPT];
  // No lease: whoever settles by the tags (a notification) holds nothing; settleGatewayState finds the hold's.
  return invoiceId && attemptId ? { invoiceId, attemptId, lease: null } : null;
}

export function ownsPayment(tags: PaymentTags | undefined, attempt: AttemptKey): boolean {
  const owner = attemptOfTags(tags);
  return owner !== null && owner.invoiceId === attempt.invoiceId && owner.attemptId === attempt.attemptId;
}

export interface HostedHoldReference {
  /** The gateway's id of the payment. */
  id: string;
  /** The gateway's page, while a returning shopper may be sent back to it. */
  url: string | null;
  /** Set when the page saves the card for a customer: only that customer may be sent back to it (a keyed digest, not the id). */
  customer: string | null;
  frameAllowed: boolean;
  frameWidth?: number;
  frameHeight?: number;
  /** A saved card's 3-D Secure the gateway completes itself (RBS binding): its challenge, for that card's shopper to finish. */
  challenge?: HeldChallenge;
}

/**
 * A 3-D Secure challenge as the pay route first answered it (no card data: PaReq is the bank's
 * opaque request). `card` names the saved card and its customer (a keyed digest): only a request
 * of that customer with that card is answered it again.
 */
export type HeldChallenge = Pick<PayThreeDs<PaymentId>, "transactionId" | "acsUrl" | "paReq" | "termUrl" | "iframeAllowed" | "frameWidth" | "frameHeight"> & { card: string };

export function encodeHostedHold(reference: HostedHoldReference): string {
  return JSON.stringify(reference);
}

/** A hold reference the kit wrote for such a payment, or null for any other (a 3-D Secure transaction id…). */
export function decodeHostedHold(reference: string | null): HostedHoldReference | null {
  if (reference === null || !reference.startsWith("{")) return null;
  try {
    const value = JSON.parse(reference) as Record<string, unknown>;
    if (typeof value.id !== "string" || value.id === "") return null;
    const frameWidth = size(value.frameWidth);
    const frameHeight = size(value.frameHeight);
    const challenge = decodeChallenge(value.challenge);
    return {
      id: value.id,
      url: typeof value.url === "string" ? value.url : null,
      customer: typeof value.customer === "string" ? value.customer : null,
      frameAllowed: value.frameAllowed === true,
      ...(frameWidth !== undefined && { frameWidth }),
      ...(frameHeight !== undefined && { frameHeight }),
      ...(challenge !== null && { challenge }),
    };
  } catch {
    return null;
  }
}

const size = (n: unknown) => (typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined);

function decodeChallenge(value: unknown): HeldChallenge | null {
  if (typeof value !== "object" || value === null) return null;
  const { transactionId, acsUrl, paReq, termUrl, iframeAllowed, card, frameWidth, frameHeight } = value as Record<string, unknown>;
  const id = typeof transactionId === "string" || typeof transactionId === "number" ? transactionId : null;
  if (id === null || typeof acsUrl !== "string" || typeof paReq !== "string" || typeof termUrl !== "string" || typeof card !== "string" || typeof iframeAllowed !== "boolean") return null;
  const width = size(frameWidth);
  const height = size(frameHeight);
  return { transactionId: id, acsUrl, paReq, termUrl, iframeAllowed, card, ...(width !== undefined && { frameWidth: width }), ...(height !== undefined && { frameHeight: height }) };
}

export function customerDigest(signer: Signer, customerId: string): Promise<string> {
  return signer.sign(`checkout-widget:customer\u0000${customerId}`);
}

/** A customer's saved card, as a held challenge names it (a keyed digest, not the ids). */
export function savedCardDigest(signer: Signer, customerId: string, savedCardId: string): Promise<string> {
  return signer.sign(`checkout-widget:saved-card\u0000${customerId}\u0000${savedCardId}`);
}
