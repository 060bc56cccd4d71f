// What a verified CloudPayments notification says, in the kit's terms. The gateway sends each
// type to its own address and the fields do not name the type, so the address decides it.
import type { TransactionModel } from "../client/index.ts";
import type { GatewayNotification } from "./checkout-gateway.ts";
import { toTransaction } from "./cloudpayments-gateway.ts";

export const CLOUDPAYMENTS_NOTIFICATION_TYPES = ["pay", "fail", "confirm", "refund", "cancel"] as const;
export type CloudPaymentsNotificationType = (typeof CLOUDPAYMENTS_NOTIFICATION_TYPES)[number];

export type NotificationReading =
  | { kind: "notification"; notification: GatewayNotification }
  /** Verified, but nothing the kit settles (a card payout, a refund of a payout). */
  | { kind: "ignored" }
  | { kind: "malformed"; field: string };

const ID = /^[1-9]\d{0,15}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,8})?$/;

class Malformed extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

function id(fields: Readonly<Record<string, string>>, name: string): number {
  const text = fields[name] ?? "";
  if (!ID.test(text)) throw new Malformed(name);
  return Number(text);
}

function amount(fields: Readonly<Record<string, string>>): number {
  const text = fields.Amount ?? "";
  if (!AMOUNT.test(text)) throw new Malformed("Amount");
  return Number(text);
}

const invoiceOf = (fields: Readonly<Record<string, string>>) => (fields.InvoiceId === undefined || fields.InvoiceId === "" ? null : fields.InvoiceId);

function read(type: CloudPaymentsNotificationType, fields: Readonly<Record<string, string>>): NotificationReading {
  const operationType = fields.OperationType;
  switch (type) {
    case "pay": {
      if (operationType !== "Payment") return { kind: "ignored" };
      const status = fields.Status;
      if (status !== "Completed" && status !== "Authorized") throw new Malformed("Status");
      const currency = fields.Currency ?? "";
      if (!/^[A-Z]{3}$/.test(currency)) throw new Malformed("Currency");
      const model: TransactionModel = {
        TransactionId: id(fields, "TransactionId"),
        Amount: amount(fields),
        Currency: currency,
        Status: status,
        ReasonCode: 0,
        InvoiceId: invoiceOf(fields),
        AccountId: fields.AccountId ?? null,
        CardFirstSix: fields.CardFirstSix ?? "",
        CardLastFour: fields.CardLastFour ?? "",
        CardType: fields.CardType ?? "",
        AuthCode: fields.AuthCode ?? "",
        Token: fields.Token ?? null,
      };
      const transaction = toTransaction(model);
      // The merchant gets the notification's own fields, not a model the kit made up.
      return { kind: "notification", notification: { kind: "approved", transaction: { ...transaction, raw: { ...fields } } } };
    }
    case "fail": {
      if (operationType !== undefined && operationType !== "Payment") return { kind: "ignored" };
      const reasonCode = fields.ReasonCode ?? "";
      if (!/^\d{1,6}$/.test(reasonCode)) throw new Malformed("ReasonCode");
      return {
        kind: "notification",
        notification: {
          kind: "declined",
          transactionId: id(fields, "TransactionId"),
          invoiceId: invoiceOf(fields),
          reasonCode: Number(reasonCode),
          reason: fields.Reason ?? "",
          raw: { ...fields },
        },
      };
    }
    case "confirm":
    case "cancel": {
      const transactionId = id(fields, "TransactionId");
      return {
        kind: "notification",
        notification: {
          kind: "operation",
          operation: type === "confirm" ? "confirmed" : "cancelled",
          paymentTransactionId: transactionId,
          transactionId,
          invoiceId: invoiceOf(fields),
          amount: amount(fields),
          raw: { ...fields },
        },
      };
    }
    case "refund": {
      if (operationType !== undefined && operationType !== "Refund") return { kind: "ignored" };
      return {
        kind: "notification",
        notification: {
          kind: "operation",
          operation: "refunded",
          paymentTransactionId: id(fields, "PaymentTransactionId"),
          transactionId: id(fields, "TransactionId"),
          invoiceId: invoiceOf(fields),
          amount: amount(fields),
          raw: { ...fields },
        },
      };
    }
  }
}

/** Reads the fields of a notification whose Content-HMAC was verified. */
export function readCloudPaymentsNotification(type: CloudPaymentsNotificationType, fields: Readonly<Record<string, string>>): NotificationReading {
  try {
    return read(type, fields);
  } catch (error) {
    if (error instanceof Malformed) return { kind: "malformed", field: error.field };
    throw error;
  }
}
