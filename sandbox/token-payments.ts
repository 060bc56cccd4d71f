// Paying again with a Token from an earlier approval: same AccountId, no 3-D Secure.
import type { ApiAnswer } from "./api-answer.ts";
import { refused } from "./api-answer.ts";
import type { Scheme } from "./card-payments.ts";
import { finish } from "./card-payments.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { Params } from "./params.ts";
import {
  optionalEmail,
  optionalJsonData,
  optionalString,
  requiredAmount,
  requiredCurrency,
  requiredString,
} from "./params.ts";

export function payByToken(ctx: GatewayContext, params: Params, scheme: Scheme): ApiAnswer {
  const amountMinor = requiredAmount(params);
  const currency = requiredCurrency(params);
  const accountId = requiredString(params, "AccountId");
  const tokenValue = requiredString(params, "Token");
  const common = {
    invoiceId: optionalString(params, "InvoiceId"),
    description: optionalString(params, "Description", 1000),
    email: optionalEmail(params),
    jsonData: optionalJsonData(params),
    ipAddress: optionalString(params, "IpAddress", 64),
  };
  const token = ctx.tokens.find(tokenValue, accountId);
  if (token === undefined) return refused("Token not found for this AccountId");
  const record = ctx.transactions.create({
    kind: "payment",
    scheme,
    amountMinor,
    authorizedMinor: amountMinor,
    refundedMinor: 0,
    currency,
    accountId,
    ...common,
    name: token.name,
    card: token.card,
    status: "AwaitingAuthentication",
    reason: null,
    createdAt: ctx.now(),
    authAt: null,
    confirmAt: null,
    authCode: null,
    token: token.token,
    originalTransactionId: null,
    threeDs: null,
  });
  return finish(ctx, record, token.card.behaviour.tokenDecline);
}
