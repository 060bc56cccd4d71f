// createCheckoutHandlers: the merchant endpoint of the widget contract (server/contract.ts, docs/design.md).
import { markReadsRecordedBody } from "../request-context.ts";
import { createHandlerContext } from "./handler-context.ts";
import type { CheckoutHandlerOptions } from "./options.ts";
import { createPayHandler } from "./pay-handler.ts";
import { createThreeDsReturnHandler } from "./three-ds-return-handler.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface CheckoutHandlers {
  /** Mount at `{endpoint}/pay` (POST, OPTIONS). */
  pay: FetchHandler;
  /** Mount at the path of `termUrl` (POST from the ACS; GET `?script=1` for its script). */
  threeDsReturn: FetchHandler;
}

export function createCheckoutHandlers(options: CheckoutHandlerOptions): CheckoutHandlers {
  const context = createHandlerContext(options);
  // Both read their bodies only through readLimitedBody: the Node adapter may hand them the bytes directly.
  return {
    pay: markReadsRecordedBody(createPayHandler(context)),
    threeDsReturn: markReadsRecordedBody(createThreeDsReturnHandler(context)),
  };
}
