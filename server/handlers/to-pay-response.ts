// Gateway outcomes -> the contract's answers.
import type { PayApproved, PayDeclined, PaymentId, PayThreeDs } from "../contract.ts";
import type { GatewayDecline, GatewayPayOutcome, GatewayTransaction } from "../gateway/index.ts";
import { knownCardType } from "./card-types.ts";

export function toApproved(transaction: GatewayTransaction): PayApproved<PaymentId> {
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

export function toDeclined(outcome: GatewayDecline): PayDeclined<PaymentId> {
  const declined: PayDeclined<PaymentId> = {
    status: "declined",
    reasonCode: outcome.reasonCode,
    reason: outcome.reason,
    message: outcome.message,
  };
  if (outcome.transaction) declined.transactionId = outcome.transaction.transactionId;
  return declined;
}

/** `termUrl`: the merchant's termUrl bound to this challenge (term-url-binding.ts), or the gateway's own. */
export function toThreeDs(outcome: Extract<GatewayPayOutcome, { kind: "3ds" }>, termUrl: string): PayThreeDs<PaymentId> {
  const answer: PayThreeDs<PaymentId> = {
    status: "3ds",
    transactionId: outcome.transactionId,
    acsUrl: outcome.acsUrl,
    paReq: outcome.paReq,
    termUrl,
    iframeAllowed: outcome.iframeAllowed,
  };
  if (outcome.frameWidth !== undefined) answer.frameWidth = outcome.frameWidth;
  if (outcome.frameHeight !== undefined) answer.frameHeight = outcome.frameHeight;
  return answer;
}
