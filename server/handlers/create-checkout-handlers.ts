// createCheckoutHandlers: the merchant endpoint of the widget contract (server/contract.ts).
import { createChargeSavedCard, type ChargeSavedCardInput, type ChargeSavedCardResult } from "./charge-saved-card.ts";
import { createHandlerContext } from "./handler-context.ts";
import { createNotificationHandler } from "./notification-handler.ts";
import type { CheckoutHandlerOptions } from "./options.ts";
import { createPayHandler } from "./pay-handler.ts";
import { createSavedCardsHandler } from "./saved-cards-handler.ts";
import { createThreeDsReturnHandler } from "./three-ds-return-handler.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface CheckoutHandlers {
  /** Mount at `{endpoint}/pay` (POST, OPTIONS). */
  pay: FetchHandler;
  /**
   * Mount at the path of `termUrl`: the bank's 3-D Secure page posts back here (POST), a
   * gateway's own card page sends the shopper back here (GET), and `GET ?script=1` is its script.
   */
  threeDsReturn: FetchHandler;
  /** Mount at the path of `notificationUrl` (or the callback URL set at the gateway): its notifications (GET or POST). */
  notification: FetchHandler;
  /** Mount at `{endpoint}/saved-cards` and `{endpoint}/saved-cards/*` (GET the list, DELETE one, OPTIONS). */
  savedCards: FetchHandler;
  /** Server-side only: a merchant-initiated payment with a customer's saved card. */
  chargeSavedCard(input: ChargeSavedCardInput): Promise<ChargeSavedCardResult>;
}

export function createCheckoutHandlers(options: CheckoutHandlerOptions): CheckoutHandlers {
  const context = createHandlerContext(options);
  return {
    pay: createPayHandler(context),
    threeDsReturn: createThreeDsReturnHandler(context),
    notification: createNotificationHandler(context),
    savedCards: createSavedCardsHandler(context),
    chargeSavedCard: createChargeSavedCard(context),
  };
}
