// CheckoutGateway over CloudPaymentsClient: cryptogram payments with 3-D Secure completed by the
// kit (post3ds), and saved cards as the gateway's tokens (tokens/charge, tokens/auth).
import type { CallOptions, CloudPaymentsClient, PaymentResult, TransactionModel } from "../client/index.ts";
import type { CheckoutGateway, GatewayCallOptions, GatewayPayOutcome, GatewayPaymentState, GatewayTransaction } from "./checkout-gateway.ts";

/** "MM/YY" as CloudPayments writes CardExpDate. */
function expiryOf(text: string | undefined): { month: number; year: number } | null {
  const match = /^(\d{2})\/(\d{2})$/.exec(text ?? "");
  if (!match?.[1] || !match[2]) return null;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? { month, year: 2000 + Number(match[2]) } : null;
}

export function toTransaction(model: TransactionModel): GatewayTransaction {
  const transaction: GatewayTransaction = {
    transactionId: model.TransactionId,
    amount: model.Amount,
    currency: model.Currency,
    invoiceId: model.InvoiceId === undefined || model.InvoiceId === null ? null : String(model.InvoiceId),
    cardType: model.CardType ?? "",
    cardLastFour: model.CardLastFour ?? "",
    authCode: model.AuthCode ?? "",
    accountId: typeof model.AccountId === "string" && model.AccountId !== "" ? model.AccountId : null,
    cardExpiry: expiryOf(model.CardExpDate),
    status: model.Status,
    captured: model.Status === "Completed",
    raw: model,
  };
  if (typeof model.Token === "string" && model.Token !== "") transaction.token = model.Token;
  return transaction;
}

function toOutcome(result: PaymentResult): GatewayPayOutcome {
  switch (result.kind) {
    case "approved":
      return { kind: "approved", transaction: toTransaction(result.model) };
    case "declined":
      return {
        kind: "declined",
        transaction: toTransaction(result.model),
        reasonCode: result.model.ReasonCode,
        reason: result.model.Reason ?? "",
        message: result.model.CardHolderMessage ?? "",
      };
    case "3ds": {
      const { model } = result;
      const outcome: GatewayPayOutcome = {
        kind: "3ds",
        transactionId: model.TransactionId,
        acsUrl: model.AcsUrl,
        paReq: model.PaReq,
        // The API guide's 3-D Secure example omits the flag; CloudPayments' own answers say true.
        iframeAllowed: model.IFrameIsAllowed ?? true,
      };
      if (typeof model.FrameWidth === "number") outcome.frameWidth = model.FrameWidth;
      if (typeof model.FrameHeight === "number") outcome.frameHeight = model.FrameHeight;
      return outcome;
    }
    case "invalid":
      return result;
  }
}

function callOptions(options: GatewayCallOptions | undefined): CallOptions {
  return {
    ...(options?.requestId !== undefined && { requestId: options.requestId }),
    ...(options?.signal !== undefined && { signal: options.signal }),
  };
}

/** Type 0 is a payment; refunds (Type 1) and payouts name their payment in OriginalTransactionId. */
const isPayment = (model: TransactionModel) =>
  (model.Type === undefined || model.Type === 0) && (model.OriginalTransactionId ?? null) === null;

/**
 * A payment's state by its status: approved, declined, pending at 3-D Secure, or null for
 * anything else (a voided hold, which took no money either).
 */
function stateOf(model: TransactionModel): GatewayPaymentState | null {
  if (model.Status === "Completed" || model.Status === "Authorized") return { kind: "approved", transaction: toTransaction(model) };
  if (model.Status === "Declined") return toOutcome({ kind: "declined", model }) as GatewayPaymentState;
  if (model.Status === "AwaitingAuthentication") return { kind: "pending" };
  return null;
}

export function cloudPaymentsGateway(client: CloudPaymentsClient): CheckoutGateway {
  return {
    name: "cloudpayments",
    timeoutMs: client.timeoutMs,
    cryptogram: {
      async pay(input, options) {
        const request = {
          Amount: input.amount,
          Currency: input.currency,
          IpAddress: input.ipAddress,
          Name: input.name,
          CardCryptogramPacket: input.cryptogram,
          InvoiceId: input.invoiceId,
          ...(input.description !== undefined && { Description: input.description }),
          ...(input.accountId !== undefined && { AccountId: input.accountId }),
          ...(input.email !== undefined && { Email: input.email }),
          ...(input.saveCard === true && { SaveCard: true }),
        };
        const result =
          input.scheme === "auth"
            ? await client.cards.auth(request, callOptions(options))
            : await client.cards.charge(request, callOptions(options));
        return toOutcome(result);
      },
      async completeThreeDs({ transactionId, paRes }, options) {
        return toOutcome(await client.cards.post3ds({ TransactionId: transactionId, PaRes: paRes }, callOptions(options)));
      },
    },
    savedCards: {
      async pay(input, options) {
        const request = {
          Amount: input.amount,
          Currency: input.currency,
          AccountId: input.customerId,
          Token: input.token,
          InvoiceId: input.invoiceId,
          ...(input.ipAddress !== "" && { IpAddress: input.ipAddress }),
          // 1: the cardholder pays now; 0: the merchant charges without them (subscriptions).
          TrInitiatorCode: input.initiator === "shopper" ? (1 as const) : (0 as const),
          ...(input.initiator === "merchant" && { PaymentScheduled: 1 as const }),
          ...(input.description !== undefined && { Description: input.description }),
          ...(input.email !== undefined && { Email: input.email }),
        };
        const result =
          input.scheme === "auth"
            ? await client.tokens.auth(request, callOptions(options))
            : await client.tokens.charge(request, callOptions(options));
        return toOutcome(result);
      },
      // CloudPayments has no call that deletes a token: forgetting it is enough (nobody else holds it).
      async remove() {},
    },
    async findOutcome(reference, options): Promise<GatewayPaymentState | null> {
      if (!/^[1-9]\d{0,15}$/.test(reference)) return null;
      const found = await client.payments.get({ TransactionId: Number(reference) }, callOptions(options));
      if (!found.ok) return null;
      const { model } = found;
      if (!isPayment(model) || model.TransactionId !== Number(reference)) return null;
      return stateOf(model);
    },

    async findByInvoice(invoiceId, options) {
      // The old method answers payments only: the invoice's last one, in whatever status.
      const found = await client.payments.find({ InvoiceId: invoiceId }, callOptions(options));
      if (!found.ok) return null;
      const { model } = found;
      if (!isPayment(model) || model.InvoiceId === undefined || String(model.InvoiceId) !== invoiceId) return null;
      // Final outcomes only: a payment still at 3-D Secure is not an answer yet.
      const state = stateOf(model);
      return state?.kind === "approved" || state?.kind === "declined" ? state : null;
    },

    async reverse(transaction, options) {
      const TransactionId = Number(transaction.transactionId);
      const result = transaction.captured
        ? await client.payments.refund({ TransactionId, Amount: transaction.amount }, callOptions(options))
        : await client.payments.void({ TransactionId }, callOptions(options));
      if (result.ok) return true;
      // Refused: perhaps another instance (or a notification) undid it a moment ago.
      const found = await client.payments.get({ TransactionId }, callOptions(options));
      return found.ok && (found.model.Status === "Cancelled" || found.model.Refunded === true);
    },
  };
}
