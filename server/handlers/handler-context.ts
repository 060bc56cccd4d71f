// What both handlers share, resolved once from the options.
import { memoryAttemptStore, type AttemptStore } from "../attempts/index.ts";
import { CloudPaymentsClient } from "../client/index.ts";
import type { CheckoutGateway } from "../gateway/index.ts";
import { cloudPaymentsGateway } from "../gateway/index.ts";
import { assertClientIpSource } from "./client-ip.ts";
import { normaliseOrigins } from "./cors.ts";
import type { AttemptLimit, CheckoutHandlerOptions, CheckoutLogger, CheckoutResultEvent } from "./options.ts";
import { createSigner, type Signer } from "./signing.ts";
import { guardStore } from "./store-guard.ts";

export interface ResolvedHoldTimes {
  callMs: number;
  pendingMs: number;
  paidMs: number;
}

export interface HandlerContext {
  options: CheckoutHandlerOptions;
  gateway: CheckoutGateway;
  allowedOrigins: ReadonlySet<string>;
  logger: CheckoutLogger;
  store: AttemptStore;
  holds: ResolvedHoldTimes;
  limits: { perIp: AttemptLimit | null; perInvoice: AttemptLimit | null };
  signer: Signer;
  report(event: CheckoutResultEvent): Promise<void>;
}

const MINUTE = 60_000;

function isGateway(value: CloudPaymentsClient | CheckoutGateway): value is CheckoutGateway {
  return !(value instanceof CloudPaymentsClient) && typeof (value as CheckoutGateway).pay === "function";
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number of milliseconds`);
  return value;
}

function limit(value: AttemptLimit | false | undefined, fallback: AttemptLimit, name: string): AttemptLimit | null {
  if (value === false) return null;
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen.max) || chosen.max < 1) throw new TypeError(`failureLimits.${name}.max must be a positive integer`);
  return { max: chosen.max, windowMs: positive(chosen.windowMs, fallback.windowMs, `failureLimits.${name}.windowMs`) };
}

export function createHandlerContext(options: CheckoutHandlerOptions): HandlerContext {
  assertClientIpSource(options);
  for (const url of [options.termUrl, options.returnUrl]) {
    const protocol = new URL(url).protocol;
    if (protocol !== "https:" && protocol !== "http:") throw new TypeError(`Not an http(s) URL: ${url}`);
  }
  const logger = options.logger ?? console;
  const gateway = isGateway(options.client) ? options.client : cloudPaymentsGateway(options.client);
  const limits = options.failureLimits === false ? {} : (options.failureLimits ?? {});
  return {
    options,
    gateway,
    allowedOrigins: normaliseOrigins(options.allowedOrigins),
    logger,
    store: guardStore(options.attemptStore ?? memoryAttemptStore()),
    holds: {
      callMs: positive(options.holdTimes?.callMs, 2 * MINUTE, "holdTimes.callMs"),
      pendingMs: positive(options.holdTimes?.pendingMs, 20 * MINUTE, "holdTimes.pendingMs"),
      paidMs: positive(options.holdTimes?.paidMs, 7 * 24 * 60 * MINUTE, "holdTimes.paidMs"),
    },
    limits:
      options.failureLimits === false
        ? { perIp: null, perInvoice: null }
        : {
            perIp: limit(limits.perIp, { max: 20, windowMs: 15 * MINUTE }, "perIp"),
            perInvoice: limit(limits.perInvoice, { max: 10, windowMs: 15 * MINUTE }, "perInvoice"),
          },
    signer: createSigner(options.secret),
    async report(event) {
      if (!options.onResult) return;
      try {
        await options.onResult(event);
      } catch (error) {
        // The payment already happened (and the attempt store has it); the shopper still gets its answer.
        logger.error("checkout: onResult threw", {
          invoiceId: event.invoiceId,
          status: event.result.status,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
