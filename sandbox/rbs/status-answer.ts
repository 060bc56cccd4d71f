// getOrderStatusExtended.do's answer for an order, in the platform's field names.
import { actionCodeDescription } from "./action-codes.ts";
import { successAnswer, type RbsAnswer, type RbsLang } from "./answers.ts";
import { expiryText, maskedPan } from "./bindings.ts";
import { PAYMENT_STATE, type RbsOrder } from "./orders.ts";

const PAYMENT_SYSTEMS: Readonly<Record<string, string>> = {
  Visa: "VISA",
  MasterCard: "MASTERCARD",
  MIR: "MIR",
  Maestro: "MAESTRO",
  AmericanExpress: "AMEX",
  JCB: "JCB",
  UnionPay: "CUP",
};

const APPROVAL_CODE = "123456";

export function statusAnswer(order: RbsOrder, lang: RbsLang): RbsAnswer {
  const answer: RbsAnswer = successAnswer(lang, {
    orderNumber: order.orderNumber,
    orderStatus: order.status,
    actionCode: order.actionCode,
    actionCodeDescription: actionCodeDescription(order.actionCode, lang),
    amount: order.amount,
    currency: order.currency,
    date: order.createdAt.getTime(),
    orderDescription: order.description ?? "",
    merchantOrderParams: order.merchantParams.map(([name, value]) => ({ name, value })),
    transactionAttributes: [],
    attributes: [{ name: "mdOrder", value: order.id }],
  });
  if (order.ip !== null) answer["ip"] = order.ip;
  if (order.card !== null) {
    const approved = order.authAt !== null;
    answer["cardAuthInfo"] = {
      maskedPan: maskedPan(order.card),
      expiration: expiryText(order.card),
      cardholderName: order.card.holder ?? "",
      ...(approved && { approvalCode: APPROVAL_CODE }),
      paymentSystem: PAYMENT_SYSTEMS[order.card.cardType] ?? "UNKNOWN",
    };
  }
  if (order.clientId !== null || order.bindingId !== null) {
    answer["bindingInfo"] = {
      ...(order.clientId !== null && { clientId: order.clientId }),
      ...(order.bindingId !== null && { bindingId: order.bindingId }),
    };
  }
  if (order.authAt !== null) {
    answer["authDateTime"] = order.authAt.getTime();
    answer["terminalId"] = "10000001";
    answer["authRefNum"] = String(100_000_000_000 + order.seq);
  }
  if (order.depositedAt !== null) answer["depositedDate"] = order.depositedAt.getTime();
  answer["paymentAmountInfo"] = {
    paymentState: PAYMENT_STATE[order.status],
    approvedAmount: order.approvedAmount,
    depositedAmount: order.depositedAmount,
    refundedAmount: order.refundedAmount,
    feeAmount: 0,
    totalAmount: order.amount,
  };
  answer["bankInfo"] = { bankName: "SANDBOX BANK", bankCountryCode: "RU", bankCountryName: lang === "ru" ? "Россия" : "Russia" };
  return answer;
}
