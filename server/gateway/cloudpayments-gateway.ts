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
        // The seeds' 3-D Secure example omits the flag; CloudPayments' own answers say true.
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

    async findOutcome(transactionId) {
      const found = await client.payments.get({ TransactionId: transactionId });
      if (!found.ok) return null;
      const { model } = found;
      if (model.Status === "Completed" || model.Status === "Authorized") return toOutcome({ kind: "approved", model });
      if (model.Status === "Declined") return toOutcome({ kind: "declined", model });
      return null;
    },
  };
}
