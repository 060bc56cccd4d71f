// Keeping a card the customer asked to save, from the gateway's approval: only what the shopper
// sees (brand, last four, expiry) and the gateway's token, and only when the gateway bound the
// token to that very customer.
import type { SavedCardView } from "../contract.ts";
import type { GatewayTransaction } from "../gateway/index.ts";
import type { SavedCard } from "../saved-cards/index.ts";
import { knownCardType } from "./card-types.ts";
import type { HandlerContext } from "./handler-context.ts";

export function isExpired(card: { expMonth: number; expYear: number }, now: Date): boolean {
  const year = now.getUTCFullYear();
  return card.expYear < year || (card.expYear === year && card.expMonth < now.getUTCMonth() + 1);
}

export function toSavedCardView(card: SavedCard, now: Date): SavedCardView {
  return {
    id: card.id,
    brand: knownCardType(card.brand),
    lastFour: card.lastFour,
    expMonth: card.expMonth,
    expYear: card.expYear,
    expired: isExpired(card, now),
  };
}

/** Saves the approved transaction's card for the customer; null when there is nothing fit to save. */
export async function saveCardFrom(context: HandlerContext, customerId: string, transaction: GatewayTransaction): Promise<SavedCardView | null> {
  const { logger } = context;
  const fields = { transactionId: transaction.transactionId };
  if (!transaction.token) {
    logger.warn("checkout: the gateway gave no card token to save", fields);
    return null;
  }
  if (transaction.accountId !== customerId) {
    // A token is only good for the account the gateway bound it to.
    logger.error("checkout: the card token belongs to another account than the customer; not saved", fields);
    return null;
  }
  const expiry = transaction.cardExpiry;
  if (!expiry || !/^\d{4}$/.test(transaction.cardLastFour)) {
    logger.warn("checkout: the gateway did not say the card's last four digits and expiry; not saved", fields);
    return null;
  }
  try {
    const card = await context.savedCards.save({
      customerId,
      gateway: context.gateway.name,
      token: transaction.token,
      brand: knownCardType(transaction.cardType),
      lastFour: transaction.cardLastFour,
      expMonth: expiry.month,
      expYear: expiry.year,
    });
    return toSavedCardView(card, new Date());
  } catch (error) {
    logger.error("checkout: the saved-card store failed to save a card", { ...fields, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
