// Operations on an existing payment: confirm and void (two-stage only), refund, get, and find by
// invoice.
import type { ApiAnswer } from "./api-answer.ts";
import { ok, refused } from "./api-answer.ts";
import type { GatewayContext } from "./gateway-context.ts";
import type { Params } from "./params.ts";
import { optionalJsonData, requiredAmount, requiredString, requiredTransactionId } from "./params.ts";
import type { TransactionRecord } from "./transactions.ts";
import { toModel } from "./transactions.ts";

type Lookup = { ok: true; record: TransactionRecord } | { ok: false; answer: ApiAnswer };

function findPayment(ctx: GatewayContext, params: Params): Lookup {
  const id = requiredTransactionId(params);
  const record = ctx.transactions.get(id);
  if (record === undefined) return { ok: false, answer: refused("Transaction not found") };
  return { ok: true, record };
}

export function confirm(ctx: GatewayContext, params: Params): ApiAnswer {
  const found = findPayment(ctx, params);
  const amountMinor = requiredAmount(params);
  optionalJsonData(params);
  if (!found.ok) return found.answer;
  const { record } = found;
  if (record.kind !== "payment" || record.status !== "Authorized") {
    return refused(`Only an Authorized transaction can be confirmed; this one is ${record.status}`);
  }
  if (amountMinor > record.authorizedMinor) return refused("Amount is greater than the authorized amount");
  record.amountMinor = amountMinor;
  record.status = "Completed";
  record.confirmAt = ctx.now();
  ctx.notifications.notify("Confirm", record, record.confirmAt);
  return ok();
}

export function voidPayment(ctx: GatewayContext, params: Params): ApiAnswer {
  const found = findPayment(ctx, params);
  if (!found.ok) return found.answer;
  const { record } = found;
  if (record.kind !== "payment" || record.status !== "Authorized") {
    return refused(`Only an Authorized transaction can be voided; this one is ${record.status}`);
  }
  record.status = "Cancelled";
  ctx.notifications.notify("Cancel", record, ctx.now());
  return ok();
}

export function refund(ctx: GatewayContext, params: Params): ApiAnswer {
  const found = findPayment(ctx, params);
  const amountMinor = requiredAmount(params);
  const jsonData = optionalJsonData(params);
  if (!found.ok) return found.answer;
  const { record } = found;
  if (record.kind !== "payment" || record.status !== "Completed") {
    return refused(`Only a Completed payment can be refunded; this one is ${record.kind === "refund" ? "a refund" : record.status}`);
  }
  if (record.refundedMinor + amountMinor > record.amountMinor) {
    return refused("Amount is greater than the amount left to refund");
  }
  record.refundedMinor += amountMinor;
  const now = ctx.now();
  const refundRecord = ctx.transactions.create({
    ...record,
    kind: "refund",
    amountMinor,
    authorizedMinor: amountMinor,
    refundedMinor: 0,
    jsonData,
    status: "Completed",
    reason: "Approved",
    createdAt: now,
    authAt: now,
    confirmAt: now,
    token: null,
    originalTransactionId: record.id,
    threeDs: null,
  });
  ctx.notifications.notify("Refund", refundRecord, now, record);
  return ok({ TransactionId: refundRecord.id });
}

export function getTransaction(ctx: GatewayContext, params: Params): ApiAnswer {
  const found = findPayment(ctx, params);
  if (!found.ok) return found.answer;
  return ok(toModel(found.record, ctx.publicId));
}

/**
 * `/payments/find`: the invoice's last payment, in whatever status, or "Not found";
 * `/v2/payments/find`: its last operation of any kind (a refund too). Meant for recovering an
 * answer that was lost, so it answers the Model like `/payments/get`.
 */
export function findByInvoice(ctx: GatewayContext, params: Params, scope: "payments" | "operations"): ApiAnswer {
  const invoiceId = requiredString(params, "InvoiceId");
  const record = ctx.transactions.lastForInvoice(invoiceId, scope === "payments" ? ["payment"] : ["payment", "refund"]);
  if (record === undefined) return refused("Not found");
  return ok(toModel(record, ctx.publicId));
}
