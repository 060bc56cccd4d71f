// Cryptogram payments (charge = one stage, auth = two stages), 3-D Secure challenges and post3ds,
// and the approve/decline step that token payments share.
import type { ApiAnswer } from "./api-answer.ts";
import { ok, refused, unsuccessful } from "./api-answer.ts";
import type { DecryptedCard } from "./cryptogram-decrypt.ts";
import { CryptogramDecryptError, decryptCryptogram } from "./cryptogram-decrypt.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { Params } from "./params.ts";
import {
  optionalEmail,
  optionalJsonData,
  optionalString,
  requiredAmount,
  requiredCurrency,
  requiredIpAddress,
  requiredString,
  requiredTransactionId,
} from "./params.ts";
import type { ReasonName } from "./reason-codes.ts";
import { behaviourOf, cardTypeOf } from "./test-cards.ts";
import { createPaReq } from "./three-ds.ts";
import type { CardFacts, TransactionRecord } from "./transactions.ts";
import { CURRENCY_CODES, toMajor, toModel } from "./transactions.ts";

export type Scheme = "charge" | "auth";

const TEST_AUTH_CODE = "A1B2C3";
const MAX_CRYPTOGRAM_LENGTH = 4096;
/**
 * One answer for every packet the gateway cannot use (bad layout, bad padding, good padding
 * around bad content, another Public ID or key): distinct answers would be a padding oracle.
 */
export const UNUSABLE_CRYPTOGRAM = "Invalid CardCryptogramPacket value";

export function payByCryptogram(ctx: GatewayContext, params: Params, scheme: Scheme): ApiAnswer {
  const amountMinor = requiredAmount(params);
  const currency = requiredCurrency(params);
  const ipAddress = requiredIpAddress(params);
  const name = requiredString(params, "Name");
  const packet = requiredString(params, "CardCryptogramPacket", MAX_CRYPTOGRAM_LENGTH);
  const common = {
    invoiceId: optionalString(params, "InvoiceId"),
    description: optionalString(params, "Description", 1000),
    accountId: optionalString(params, "AccountId"),
    email: optionalEmail(params),
    jsonData: optionalJsonData(params),
  };

  let card: DecryptedCard;
  try {
    card = decryptCryptogram(packet, ctx.privateKey);
  } catch (error) {
    if (error instanceof CryptogramDecryptError) return refused(UNUSABLE_CRYPTOGRAM);
    throw error;
  }
  if (card.publicId !== ctx.publicId || Number(card.keyVersion) !== ctx.keyVersion) {
    return refused(UNUSABLE_CRYPTOGRAM);
  }

  const facts: CardFacts = {
    firstSix: card.firstSix,
    lastFour: card.lastFour,
    expMonth: card.expMonth,
    expYear: card.expYear,
    cardType: cardTypeOf(card.firstSix),
    behaviour: behaviourOf(card.pan),
  };
  const now = ctx.now();
  const record = ctx.transactions.create({
    kind: "payment",
    scheme,
    amountMinor,
    authorizedMinor: amountMinor,
    refundedMinor: 0,
    currency,
    ...common,
    ipAddress,
    name,
    card: facts,
    status: "AwaitingAuthentication",
    reason: null,
    createdAt: now,
    authAt: null,
    confirmAt: null,
    authCode: null,
    token: null,
    originalTransactionId: null,
    threeDs: null,
  });

  if (isExpired(facts, now)) return finish(ctx, record, "ExpiredCard");
  if (facts.behaviour.threeDs) {
    const paReq = createPaReq({
      firstSix: facts.firstSix,
      lastFour: facts.lastFour,
      amount: toMajor(amountMinor),
      currencyCode: CURRENCY_CODES[currency],
      date: now,
      customerName: name,
    });
    record.threeDs = { paReq, paResUsed: false };
    return unsuccessful({
      TransactionId: record.id,
      PaReq: paReq,
      AcsUrl: `${ctx.baseUrl()}/acs`,
      GoReq: null,
      ThreeDsSessionData: null,
      IFrameIsAllowed: true,
      FrameWidth: 500,
      FrameHeight: 600,
      ThreeDsCallbackId: null,
      EscrowAccumulationId: null,
    });
  }
  return finish(ctx, record, facts.behaviour.paymentDecline, { issueToken: true });
}

export function post3ds(ctx: GatewayContext, params: Params): ApiAnswer {
  const transactionId = requiredTransactionId(params);
  const paRes = requiredString(params, "PaRes", 4096);
  const record = ctx.transactions.get(transactionId);
  if (record === undefined || record.kind !== "payment") return refused("Transaction not found");
  const check = ctx.paRes.verify(paRes);
  if (!check.ok) return refused("Invalid PaRes: signature check failed");
  if (check.content.transactionId !== record.id) return refused("Invalid PaRes: it belongs to another transaction");
  if (record.threeDs === null) return refused("Transaction does not need 3-D Secure authentication");
  if (record.threeDs.paResUsed || record.status !== "AwaitingAuthentication") {
    return refused("PaRes has already been used: the transaction is not awaiting authentication");
  }
  record.threeDs.paResUsed = true;
  if (!check.content.authenticated) return finish(ctx, record, "AuthenticationFailed");
  return finish(ctx, record, record.card.behaviour.paymentDecline, { issueToken: true });
}

/** Approves (Completed for charge, Authorized for auth) or declines with the given reason, and notifies Pay or Fail. */
export function finish(
  ctx: GatewayContext,
  record: TransactionRecord,
  decline: ReasonName | null,
  options: { issueToken?: boolean } = {},
): ApiAnswer {
  if (decline !== null) {
    record.status = "Declined";
    record.reason = decline;
    ctx.notifications.notify("Fail", record, ctx.now());
    return unsuccessful(toModel(record, ctx.publicId));
  }
  const now = ctx.now();
  record.status = record.scheme === "charge" ? "Completed" : "Authorized";
  record.reason = "Approved";
  record.authAt = now;
  record.confirmAt = record.scheme === "charge" ? now : null;
  record.authCode = TEST_AUTH_CODE;
  if (options.issueToken) {
    record.token = ctx.tokens.issue({ accountId: record.accountId, name: record.name, card: record.card }).token;
  }
  ctx.notifications.notify("Pay", record, now);
  return ok(toModel(record, ctx.publicId));
}

function isExpired(card: CardFacts, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return card.expYear < year || (card.expYear === year && card.expMonth < month);
}
