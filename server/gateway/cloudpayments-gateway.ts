// CheckoutGateway over CloudPaymentsClient.
import type { CloudPaymentsClient, PaymentResult, TransactionModel } from "../client/index.ts";
import type { CheckoutGateway, GatewayPayOutcome, GatewayTransaction } from "./checkout-gateway.ts";

function toTransaction(model: TransactionModel): GatewayTransaction {
  const transaction: GatewayTransaction = {
    transactionId: model.TransactionId,
    amount: model.Amount,
    currency: model.Currency,
    invoiceId: model.InvoiceId === undefined || model.InvoiceId === null ? null : String(model.InvoiceId),
    cardType: model.CardType ?? "",
    cardLastFour: model.CardLastFour ?? "",
    authCode: model.AuthCode ?? "",
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

export function cloudPaymentsGateway(client: CloudPaymentsClient): CheckoutGateway {
  return {
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
      const callOptions = options.requestId === undefined ? {} : { requestId: options.requestId };
      const result =
        input.scheme === "auth"
          ? await client.cards.auth(request, callOptions)
          : await client.cards.charge(request, callOptions);
      return toOutcome(result);
    },

    async completeThreeDs({ transactionId, paRes }, options) {
      const callOptions = options.requestId === undefined ? {} : { requestId: options.requestId };
      return toOutcome(await client.cards.post3ds({ TransactionId: transactionId, PaRes: paRes }, callOptions));
    },

    async findOutcome(reference) {
      if (!/^[1-9]\d{0,15}$/.test(reference)) return null;
      const found = await client.payments.get({ TransactionId: Number(reference) });
      if (!found.ok) return null;
      const { model } = found;
      // Type 0 is a payment; refunds (Type 1) and payouts name their payment in OriginalTransactionId.
      const isPayment = (model.Type === undefined || model.Type === 0) && (model.OriginalTransactionId ?? null) === null;
      if (!isPayment || model.TransactionId !== Number(reference)) return null;
      if (model.Status === "Completed" || model.Status === "Authorized") return toOutcome({ kind: "approved", model });
      if (model.Status === "Declined") return toOutcome({ kind: "declined", model });
      return null;
    },

    async reverse(transaction) {
      const TransactionId = transaction.transactionId;
      const result = transaction.captured
        ? await client.payments.refund({ TransactionId, Amount: transaction.amount })
        : await client.payments.void({ TransactionId });
      return result.ok;
    },
  };
}
