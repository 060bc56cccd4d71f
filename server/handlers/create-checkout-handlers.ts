// createCheckoutHandlers: the merchant endpoint of the widget contract (server/contract.ts, docs/design.md).
import { markReadsRecordedBody } from "../request-context.ts";
import { createAbandonHandler } from "./abandon-handler.ts";
import { createChargeSavedCard, type ChargeSavedCardInput, type ChargeSavedCardResult } from "./charge-saved-card.ts";
import { createNotificationHandler } from "./gateway-notification-handler.ts";
import { createHandlerContext } from "./handler-context.ts";
import { createCloudPaymentsNotificationHandlers, type CloudPaymentsNotificationHandlers } from "./notification-handler.ts";
import type { CheckoutHandlerOptions } from "./options.ts";
import { createPayHandler } from "./pay-handler.ts";
import { createSavedCardsHandler } from "./saved-cards-handler.ts";
import { createThreeDsReturnHandler } from "./three-ds-return-handler.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface CheckoutHandlers {
  /** Mount at `{endpoint}/pay` (POST, OPTIONS). */
  pay: FetchHandler;
  /**
   * Mount at `{endpoint}/pay/abandon` (POST, OPTIONS): the widget's word that its shopper left
   * 3-D Secure. The kit checks it with the gateway, frees the order and reports `abandoned`.
   */
  abandon: FetchHandler;
  /**
   * Mount at the path of `termUrl`: the bank's 3-D Secure page posts back here (POST), a
   * gateway's own card page sends the shopper back here (GET), and `GET ?script=1` is its script.
   */
  threeDsReturn: FetchHandler;
  /**
   * The gateway's notifications for gateways that send one kind to one address (RBS callbacks):
   * mount at the path of `notificationUrl` (or the callback URL set at the gateway); GET or POST.
   */
  notification: FetchHandler;
  /**
   * CloudPayments notifications, one handler per type: mount each at the address you give the
   * gateway for it (POST, or GET). Needs `client` to be a CloudPaymentsClient (its API Secret
   * verifies the Content-HMAC).
   */
  notifications: CloudPaymentsNotificationHandlers;
  /** Mount at `{endpoint}/saved-cards` and `{endpoint}/saved-cards/*` (GET the list, DELETE one, OPTIONS). */
  savedCards: FetchHandler;
  /** Server-side only: a merchant-initiated payment with a customer's saved card. */
  chargeSavedCard(input: ChargeSavedCardInput): Promise<ChargeSavedCardResult>;
}

export function createCheckoutHandlers(options: CheckoutHandlerOptions): CheckoutHandlers {
  const context = createHandlerContext(options);
  // Each reads its body only through readLimitedBody: the Node adapter may hand it the bytes directly.
  const notifications = createCloudPaymentsNotificationHandlers(context);
  return {
    pay: markReadsRecordedBody(createPayHandler(context)),
    abandon: markReadsRecordedBody(createAbandonHandler(context)),
    threeDsReturn: markReadsRecordedBody(createThreeDsReturnHandler(context)),
    notification: markReadsRecordedBody(createNotificationHandler(context)),
    notifications: {
      pay: markReadsRecordedBody(notifications.pay),
      fail: markReadsRecordedBody(notifications.fail),
      confirm: markReadsRecordedBody(notifications.confirm),
      refund: markReadsRecordedBody(notifications.refund),
      cancel: markReadsRecordedBody(notifications.cancel),
    },
    savedCards: createSavedCardsHandler(context),
    chargeSavedCard: createChargeSavedCard(context),
  };
}
