// createCheckoutHandlers: the merchant endpoint of the widget contract (server/contract.ts, docs/design.md).
import { markReadsRecordedBody } from "../request-context.ts";
import { createHandlerContext } from "./handler-context.ts";
import { createCloudPaymentsNotificationHandlers, type CloudPaymentsNotificationHandlers } from "./notification-handler.ts";
import type { CheckoutHandlerOptions } from "./options.ts";
import { createPayHandler } from "./pay-handler.ts";
import { createThreeDsReturnHandler } from "./three-ds-return-handler.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface CheckoutHandlers {
  /** Mount at `{endpoint}/pay` (POST, OPTIONS). */
  pay: FetchHandler;
  /** Mount at the path of `termUrl` (POST from the ACS; GET `?script=1` for its script). */
  threeDsReturn: FetchHandler;
  /**
   * CloudPayments notifications, one handler per type: mount each at the address you give the
   * gateway for it (POST, or GET). Needs `client` to be a CloudPaymentsClient (its API Secret
   * verifies the Content-HMAC).
   */
  notifications: CloudPaymentsNotificationHandlers;
}

export function createCheckoutHandlers(options: CheckoutHandlerOptions): CheckoutHandlers {
  const context = createHandlerContext(options);
  // Each reads its body only through readLimitedBody: the Node adapter may hand it the bytes directly.
  const notifications = createCloudPaymentsNotificationHandlers(context);
  return {
    pay: markReadsRecordedBody(createPayHandler(context)),
    threeDsReturn: markReadsRecordedBody(createThreeDsReturnHandler(context)),
    notifications: {
      pay: markReadsRecordedBody(notifications.pay),
      fail: markReadsRecordedBody(notifications.fail),
      confirm: markReadsRecordedBody(notifications.confirm),
      refund: markReadsRecordedBody(notifications.refund),
      cancel: markReadsRecordedBody(notifications.cancel),
    },
  };
}
