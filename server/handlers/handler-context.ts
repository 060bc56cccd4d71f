// What both handlers share, resolved once from the options.
import { CloudPaymentsClient } from "../client/index.ts";
import type { CheckoutGateway } from "../gateway/index.ts";
import { cloudPaymentsGateway } from "../gateway/index.ts";
import { assertClientIpSource } from "./client-ip.ts";
import { normaliseOrigins } from "./cors.ts";
import type { CheckoutHandlerOptions, CheckoutLogger, CheckoutResultEvent } from "./options.ts";

export interface HandlerContext {
  options: CheckoutHandlerOptions;
  gateway: CheckoutGateway;
  allowedOrigins: ReadonlySet<string>;
  logger: CheckoutLogger;
  report(event: CheckoutResultEvent): Promise<void>;
}

function isGateway(value: CloudPaymentsClient | CheckoutGateway): value is CheckoutGateway {
  return !(value instanceof CloudPaymentsClient) && typeof (value as CheckoutGateway).pay === "function";
}

export function createHandlerContext(options: CheckoutHandlerOptions): HandlerContext {
  assertClientIpSource(options);
  for (const url of [options.termUrl, options.returnUrl]) {
    const protocol = new URL(url).protocol;
    if (protocol !== "https:" && protocol !== "http:") throw new TypeError(`Not an http(s) URL: ${url}`);
  }
  const logger = options.logger ?? console;
  const gateway = isGateway(options.client) ? options.client : cloudPaymentsGateway(options.client);
  return {
    options,
    gateway,
    allowedOrigins: normaliseOrigins(options.allowedOrigins),
    logger,
    async report(event) {
      if (!options.onResult) return;
      try {
        await options.onResult(event);
      } catch (error) {
        // The payment already happened; the shopper still gets its answer.
        logger.error("checkout: onResult threw", {
          invoiceId: event.invoiceId,
          status: event.result.status,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
