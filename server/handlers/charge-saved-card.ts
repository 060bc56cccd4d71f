// chargeSavedCard: a merchant-initiated payment with a customer's saved card (subscriptions,
// autopayments), server-side only. Claimed in the attempt store like every payment, under the
// merchant's idempotency key: the same key again is answered from the gateway's record, never
// charged twice; a second key for a paid invoice is refused `already_paid`.
import type { PayApproved, PayDeclined, PayError, PaymentId, PaymentScheme } from "../contract.ts";
import type { HandlerContext } from "./handler-context.ts";
import { MESSAGES } from "./messages.ts";
import type { CheckoutOrder } from "./options.ts";
import { checkOrder } from "./order-check.ts";
import { createAttemptRunner } from "./payment-attempt.ts";
import { gatewayRequestId } from "./request-id.ts";
import { errorBody } from "./responses.ts";
import { AttemptStoreError } from "./store-guard.ts";

export interface ChargeSavedCardInput {
  customerId: string;
  /** The id `GET {endpoint}/saved-cards` shows (SavedCard.id). */
  savedCardId: string;
  /**
   * The merchant's id of this charge (e.g. one subscription period): claimed like any payment.
   * When getOrder knows it, its amount and currency must be these.
   */
  invoiceId: string;
  amount: number;
  currency: string;
  /** The same key on a retry: one charge, whatever happens in between. */
  idempotencyKey: string;
  description?: string;
  /** Default "charge"; "auth" holds the money. */
  scheme?: PaymentScheme;
  email?: string;
}

export type ChargeSavedCardResult = PayApproved<PaymentId> | PayDeclined<PaymentId> | PayError;

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

export function createChargeSavedCard(context: HandlerContext): (input: ChargeSavedCardInput) => Promise<ChargeSavedCardResult> {
  const { options, logger, gateway } = context;
  const runAttempt = createAttemptRunner(context);

  return async function chargeSavedCard(input: ChargeSavedCardInput): Promise<ChargeSavedCardResult> {
    if (!KEY.test(input.idempotencyKey ?? "")) throw new TypeError("chargeSavedCard needs an idempotencyKey of 8-100 letters, digits, '.', '_', ':' or '-'");
    if (typeof input.invoiceId !== "string" || input.invoiceId === "" || input.invoiceId.length > 100) throw new TypeError("chargeSavedCard needs an invoiceId of 1-100 characters");
    if (gateway.savedCards === undefined) return errorBody("unsupported_payment", MESSAGES.unsupported);
    const card = await context.savedCards.get(input.customerId, input.savedCardId);
    if (card === null || card.gateway !== gateway.name) return errorBody("unknown_saved_card", MESSAGES.unknownSavedCard);

    const known = await options.getOrder(input.invoiceId);
    if (known && (known.amount !== input.amount || known.currency !== input.currency)) {
      logger.error("checkout: chargeSavedCard's amount is not its order's", { invoiceId: input.invoiceId });
      return errorBody("bad_request", "amount and currency must be the order's");
    }
    const order: CheckoutOrder = known ?? {
      amount: input.amount,
      currency: input.currency,
      ...(input.description !== undefined && { description: input.description }),
      ...(input.scheme !== undefined && { scheme: input.scheme }),
      ...(input.email !== undefined && { email: input.email }),
    };
    const checked = checkOrder(order);
    if (!checked.ok) throw new TypeError(`chargeSavedCard: ${checked.problem}`);

    try {
      const answer = await runAttempt({
        request: { kind: "saved", card, initiator: "merchant", ...(input.email !== undefined && { email: input.email }) },
        attempt: { invoiceId: input.invoiceId, attemptId: await gatewayRequestId(input.invoiceId, `merchant:${input.idempotencyKey}`) },
        requestId: input.idempotencyKey,
        order,
        lines: checked.lines,
        // No shopper: the adapters send the merchant's own address (or none) for such a payment.
        ip: "",
        customer: { id: card.customerId },
        stage: "chargeSavedCard",
        counted: null,
      });
      const { body } = answer;
      return body.status === "approved" || body.status === "declined" || body.status === "error" ? body : errorBody("payment_rejected", MESSAGES.needsShopper);
    } catch (error) {
      if (!(error instanceof AttemptStoreError)) throw error;
      logger.error("checkout: attempt store unavailable", { invoiceId: input.invoiceId });
      return errorBody("gateway_unavailable", MESSAGES.gatewayUnavailable);
    }
  };
}
