// Gateway outcomes -> the contract's answers.
import type { PayApproved, PayDeclined, PayThreeDs, ThreeDsOutcome } from "../contract.ts";
import type { GatewayPayOutcome, GatewayTransaction } from "../gateway/index.ts";
import { knownCardType } from "./card-types.ts";

export function toApproved(transaction: GatewayTransaction): PayApproved {
  // The card token stays on the server (onResult's gatewayModel); the browser needs none.
  return {
    status: "approved",
    transactionId: transaction.transactionId,
    amount: transaction.amount,
    currency: transaction.currency,
    cardType: knownCardType(transaction.cardType),
    cardLastFour: /^\d{4}$/.test(transaction.cardLastFour) ? transaction.cardLastFour : "",
    authCode: transaction.authCode,
    captured: transaction.captured,
  };
}

export function toDeclined(outcome: Extract<GatewayPayOutcome, { kind: "declined" }>): PayDeclined {
  const declined: PayDeclined = {
    status: "declined",
    reasonCode: outcome.reasonCode,
    reason: outcome.reason,
    message: outcome.message,
  };
  if (outcome.transaction) declined.transactionId = outcome.transaction.transactionId;
  return declined;
}

/** `boundTermUrl`: the merchant's termUrl bound to this challenge (term-url-binding.ts). */
export function toThreeDs(outcome: Extract<GatewayPayOutcome, { kind: "3ds" }>, boundTermUrl: string): PayThreeDs {
  const answer: PayThreeDs = {
    status: "3ds",
    transactionId: outcome.transactionId,
    acsUrl: outcome.acsUrl,
    paReq: outcome.paReq,
    termUrl: boundTermUrl,
    iframeAllowed: outcome.iframeAllowed,
  };
  if (outcome.frameWidth !== undefined) answer.frameWidth = outcome.frameWidth;
  if (outcome.frameHeight !== undefined) answer.frameHeight = outcome.frameHeight;
  return answer;
}

/** For a final outcome (after 3-D Secure); `null` when the outcome is not final. */
export function toFinalOutcome(outcome: GatewayPayOutcome): ThreeDsOutcome | null {
  if (outcome.kind === "approved") return toApproved(outcome.transaction);
  if (outcome.kind === "declined") return toDeclined(outcome);
  return null;
}

export function transactionOf(outcome: GatewayPayOutcome): GatewayTransaction | null {
  if (outcome.kind === "approved") return outcome.transaction;
  if (outcome.kind === "declined") return outcome.transaction;
  return null;
}

