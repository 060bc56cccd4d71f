// What both handlers share, resolved once from the options.
import { memoryAttemptStore, type AttemptStore } from "../attempts/index.ts";
import { CloudPaymentsClient } from "../client/index.ts";
import type { CheckoutGateway, GatewayCallOptions } from "../gateway/index.ts";
import { cloudPaymentsGateway } from "../gateway/index.ts";
import { memorySavedCardStore, type SavedCardStore } from "../saved-cards/index.ts";
import { assertClientIpSource, clientIpOf, looksProxied } from "./client-ip.ts";
import { normaliseOrigins } from "./cors.ts";
import type { AttemptLimit, CheckoutCustomer, CheckoutHandlerOptions, CheckoutLogger, CheckoutResultEvent, PaymentOperationEvent } from "./options.ts";
import { createSigner, type Signer } from "./signing.ts";
import { guardStore } from "./store-guard.ts";

export interface ResolvedHoldTimes {
  callMs: number;
  pendingMs: number;
  paidMs: number;
  /** Every gateway call's deadline: shorter than the call hold, so a call never outlives its hold. */
  deadlineMs: number;
}

export interface ResolvedLimits {
  perIp: AttemptLimit | null;
  perInvoiceAndIp: AttemptLimit | null;
  perInvoice: AttemptLimit | null;
}

export interface HandlerContext {
  options: CheckoutHandlerOptions;
  gateway: CheckoutGateway;
  /** The CloudPayments client the kit was given, if it was (its notifications need its secret). */
  cloudPayments: CloudPaymentsClient | null;
  allowedOrigins: ReadonlySet<string>;
  logger: CheckoutLogger;
  store: AttemptStore;
  holds: ResolvedHoldTimes;
  limits: ResolvedLimits;
  signer: Signer;
  savedCards: SavedCardStore;
  /** Resolves true when onResult took the event (or there is none), false when it threw. */
  report(event: CheckoutResultEvent): Promise<boolean>;
  /**
   * Reports an outcome once for every instance sharing the attempt store (`key` names the
   * payment and what it came to): a repeated return or notification is not reported again. If
   * onResult throws, the next one reports it again, so a payment is not lost to the merchant.
   */
  reportOnce(key: string, event: CheckoutResultEvent): Promise<void>;
  /** The request's logged-in customer (getCustomer), or null. */
  customerOf(request: Request): Promise<CheckoutCustomer | null>;
  /** Options for one gateway call: its idempotency key and the kit's deadline. */
  callOptions(requestId?: string): GatewayCallOptions;
  /** The shopper's address (warns once when a proxy the kit was not told about seems to be in front). */
  clientIp(request: Request): string | undefined;
  reportOperation(event: PaymentOperationEvent): Promise<void>;
}

const MINUTE = 60_000;

function isGateway(value: CloudPaymentsClient | CheckoutGateway): value is CheckoutGateway {
  return !(value instanceof CloudPaymentsClient) && typeof (value as CheckoutGateway).findOutcome === "function";
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

function resolveHoldTimes(options: CheckoutHandlerOptions, gateway: CheckoutGateway): ResolvedHoldTimes {
  const callMs = positive(options.holdTimes?.callMs, 2 * MINUTE, "holdTimes.callMs");
  const pendingMs = positive(options.holdTimes?.pendingMs, 20 * MINUTE, "holdTimes.pendingMs");
  const paidMs = positive(options.holdTimes?.paidMs, 7 * 24 * 60 * MINUTE, "holdTimes.paidMs");
  // A call that outlives its hold lets a second attempt start while the first may still pay.
  if (gateway.timeoutMs !== undefined && callMs <= gateway.timeoutMs) {
    throw new TypeError(
      `holdTimes.callMs (${callMs} ms) must be longer than the gateway client's timeout (${gateway.timeoutMs} ms): ` +
        "raise callMs or lower the client's timeoutMs",
    );
  }
  if (pendingMs < callMs) throw new TypeError("holdTimes.pendingMs must be at least holdTimes.callMs");
  if (paidMs < pendingMs) throw new TypeError("holdTimes.paidMs must be at least holdTimes.pendingMs");
  return { callMs, pendingMs, paidMs, deadlineMs: Math.max(1, Math.floor(callMs * 0.8)) };
}

export function createHandlerContext(options: CheckoutHandlerOptions): HandlerContext {
  assertClientIpSource(options);
  for (const url of [options.termUrl, options.returnUrl]) {
    const protocol = new URL(url).protocol;
    if (protocol !== "https:" && protocol !== "http:") throw new TypeError(`Not an http(s) URL: ${url}`);
  }
  if (options.trustedProxyHops !== undefined && (!Number.isInteger(options.trustedProxyHops) || options.trustedProxyHops < 1)) {
    throw new TypeError("trustedProxyHops must be a positive integer");
  }
  const logger = options.logger ?? console;
  const gateway = isGateway(options.client) ? options.client : cloudPaymentsGateway(options.client);
  const limits = options.failureLimits === false ? {} : (options.failureLimits ?? {});
  if (options.notificationUrl !== undefined) new URL(options.notificationUrl);
  const store = guardStore(options.attemptStore ?? memoryAttemptStore());
  const holds = resolveHoldTimes(options, gateway);
  const ipOptions = {
    trustedProxyHeader: options.trustedProxyHeader,
    trustedProxyHops: options.trustedProxyHops,
    getClientIp: options.getClientIp,
  };
  let warnedProxy = false;

  async function report(event: CheckoutResultEvent): Promise<boolean> {
    if (!options.onResult) return true;
    try {
      await options.onResult(event);
      return true;
    } catch (error) {
      // The payment already happened (and the attempt store has it); the shopper still gets its answer.
      logger.error("checkout: onResult threw", {
        invoiceId: event.invoiceId,
        status: event.result.status,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  return {
    options,
    gateway,
    cloudPayments: options.client instanceof CloudPaymentsClient ? options.client : null,
    allowedOrigins: normaliseOrigins(options.allowedOrigins),
    logger,
    store,
    holds,
    limits:
      options.failureLimits === false
        ? { perIp: null, perInvoiceAndIp: null, perInvoice: null }
        : {
            perIp: limit(limits.perIp, { max: 20, windowMs: 15 * MINUTE }, "perIp"),
            perInvoiceAndIp: limit(limits.perInvoiceAndIp, { max: 10, windowMs: 15 * MINUTE }, "perInvoiceAndIp"),
            perInvoice: limit(limits.perInvoice, { max: 100, windowMs: 15 * MINUTE }, "perInvoice"),
          },
    signer: createSigner(options.secret),
    savedCards: options.savedCards ?? memorySavedCardStore(),
    report,
    callOptions(requestId) {
      return { ...(requestId !== undefined && { requestId }), signal: AbortSignal.timeout(holds.deadlineMs) };
    },
    clientIp(request) {
      if (!warnedProxy && looksProxied(request, ipOptions)) {
        warnedProxy = true;
        logger.warn(
          "checkout: a request from a private address carries a forwarding header, but trustedProxyHeader is not set: " +
            "every shopper looks like your proxy, so one card tester's failures lock them all out. " +
            'Set trustedProxyHeader (e.g. "x-forwarded-for") if your own proxy writes it.',
        );
      }
      return clientIpOf(request, ipOptions);
    },
    async reportOperation(event) {
      if (!options.onPaymentEvent) return;
      try {
        await options.onPaymentEvent(event);
      } catch (error) {
        logger.error("checkout: onPaymentEvent threw", {
          invoiceId: event.invoiceId,
          operation: event.operation,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
    async reportOnce(key, event) {
      // The attempt store's counter with a limit of one is the marker: atomic on every instance.
      const marker = `once:${key}`;
      let first = true;
      try {
        first = (await store.takeAttempt(marker, 1, holds.paidMs)).kind === "taken";
      } catch {
        // Without the store, twice is better than never.
      }
      if (!first) return;
      if (!(await report(event))) await store.returnAttempt(marker).catch(() => undefined);
    },
    async customerOf(request) {
      if (!options.getCustomer) return null;
      const customer = await options.getCustomer(request);
      if (customer === null || customer === undefined) return null;
      if (typeof customer.id !== "string" || customer.id === "" || customer.id.length > 255) {
        throw new TypeError("getCustomer must answer { id } with a non-empty id of at most 255 characters, or null");
      }
      return { id: customer.id };
    },
  };
}
