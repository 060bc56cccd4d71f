// The offline sandbox gateway: start it in-process (tests, demo) or from sandbox/main.ts.
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createSandboxApp } from "./app.ts";
import { createInvoiceStore, DEFAULT_INVOICE_API_KEY, DEFAULT_INVOICE_MERCHANT_ID, INVOICE_PAYMENT_PAGE_PATH } from "./invoice/index.ts";
import type { GatewayContext } from "./gateway-context.ts";
import { loadOrCreateKeys } from "./keys.ts";
import type { RbsInfo, RbsOptions } from "./rbs/index.ts";
import { isLoopbackUrl } from "./loopback.ts";
import { createRbsGateway, RBS_FORM_PATH } from "./rbs/index.ts";
import { CloudPaymentsNotifier, type NotificationDelivery, type NotificationOptions } from "./notifications.ts";
import { OrderStore } from "./orders.ts";
import { SubscriptionStore } from "./subscriptions.ts";
import { PaResSigner } from "./three-ds.ts";
import { TokenStore } from "./tokens.ts";
import type { TransactionModel } from "./transactions.ts";
import { TransactionStore, toModel } from "./transactions.ts";

export type { TransactionModel, TransactionStatus } from "./transactions.ts";
export { NOTIFICATION_TYPES } from "./notifications.ts";
export type { NotificationDelivery, NotificationOptions, NotificationSettings, NotificationType } from "./notifications.ts";
export { TEST_CARDS } from "./test-cards.ts";
export type { CardBehaviour } from "./test-cards.ts";
export { ACS_OTP } from "./acs-routes.ts";
export { basicAuthHeader } from "./basic-auth.ts";
export {
  DEFAULT_RBS_CALLBACK_SECRET,
  DEFAULT_RBS_PASSWORD,
  DEFAULT_RBS_USER_NAME,
  callbackChecksum as rbsCallbackChecksum,
} from "./rbs/index.ts";
export type { CallbackDelivery as RbsCallbackDelivery, RbsInfo, RbsOptions } from "./rbs/index.ts";
export { DEFAULT_INVOICE_API_KEY, DEFAULT_INVOICE_MERCHANT_ID, INVOICE_ERRORS, INVOICE_TEST_CARD } from "./invoice/index.ts";
export type { InvoiceErrorName, InvoiceErrorPair } from "./invoice/index.ts";
export { HOSTED_CARD_FIELDS, isHostedCardPostPath, payOnHostedPage } from "./hosted-page/index.ts";
export type { HostedPayment, HostedPaymentResult } from "./hosted-page/index.ts";

/** The base paths of the gateways' hosted card pages on the sandbox (where a card is typed on the gateway's own page). */
export const HOSTED_CARD_PAGES: readonly string[] = [INVOICE_PAYMENT_PAGE_PATH, RBS_FORM_PATH];

export const DEFAULT_PUBLIC_ID = "test_api_00000000000000000000001";
export const DEFAULT_API_SECRET = "sandbox_api_secret";
export const DEFAULT_PORT = 8600;

export interface SandboxOptions {
  /** Default 8600; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  publicId?: string;
  apiSecret?: string;
  /** PEM RSA private key; made and saved there when the file does not exist. */
  keyFile?: string;
  /** Caps of the in-memory state (oldest entries are forgotten first). */
  maxTransactions?: number;
  maxIdempotencyEntries?: number;
  /** The RBS API under /payment/rest/: credentials, callback URL and secret. */
  rbs?: RbsOptions;
  /**
   * CloudPayments notifications (Pay, Fail, Confirm, Refund, Cancel): the shop's address per type
   * (loopback only), method, retries. Also set at run time by `/site/notifications/{Type}/update`.
   */
  notifications?: NotificationOptions;
  /** Invoice API (/api/v2) Basic-auth login; default the guide's test Merchant ID. */
  invoiceMerchantId?: string;
  /** Invoice API key; default the guide's test API key. */
  invoiceApiKey?: string;
  /** How long an Invoice payment can be paid (its expire_date). Default 30 minutes. */
  invoicePaymentTtlMs?: number;
  /** How long an Invoice refund stays `init` before it is `successful`. Default 2000 ms. */
  invoiceRefundDelayMs?: number;
}

export interface Sandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8600. */
  url: string;
  publicId: string;
  apiSecret: string;
  /** The key the widget would fetch from /payments/publickey. */
  publicKeyPem: string;
  keyVersion: number;
  /** The Invoice API's credentials (Basic MerchantID:ApiKey at `${url}/api/v2/<Method>`). */
  invoice: { merchantId: string; apiKey: string };
  /** Every stored transaction (payments Type 0, refunds Type 1), oldest first. */
  transactions(): TransactionModel[];
  /** The RBS API: REST root, credentials, callback secret and the last notifications. */
  rbs: RbsInfo;
  /** The CloudPayments notifications sent lately (delivered, failed after retries, or dropped), oldest first. */
  notifications: { deliveries(): NotificationDelivery[] };
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const publicId = options.publicId ?? DEFAULT_PUBLIC_ID;
  const apiSecret = options.apiSecret ?? DEFAULT_API_SECRET;
  const maxTransactions = options.maxTransactions ?? 10_000;
  const keys = await loadOrCreateKeys(options.keyFile);
  for (const url of Object.values(options.notifications?.urls ?? {})) {
    if (!isLoopbackUrl(url)) throw new TypeError(`The sandbox sends notifications only to loopback addresses, not ${url}`);
  }
  const notifier = new CloudPaymentsNotifier(apiSecret, publicId, options.notifications);

  let baseUrl = "";
  const ctx: GatewayContext = {
    publicId,
    privateKey: keys.privateKey,
    keyVersion: keys.version,
    baseUrl: () => baseUrl,
    transactions: new TransactionStore(maxTransactions),
    tokens: new TokenStore(maxTransactions),
    subscriptions: new SubscriptionStore(maxTransactions),
    orders: new OrderStore(maxTransactions),
    paRes: new PaResSigner(),
    notifications: notifier,
    now: () => new Date(),
  };
  const rbs = createRbsGateway({ maxOrders: maxTransactions, ...options.rbs }, () => baseUrl, ctx.now);
  const invoice = {
    merchantId: options.invoiceMerchantId ?? DEFAULT_INVOICE_MERCHANT_ID,
    apiKey: options.invoiceApiKey ?? DEFAULT_INVOICE_API_KEY,
  };
  const app = createSandboxApp(ctx, {
    apiSecret,
    publicKeyPem: keys.publicKeyPem,
    maxIdempotencyEntries: options.maxIdempotencyEntries ?? 10_000,
    idempotencyTtlMs: 60 * 60 * 1000,
    rbs,
    invoice: {
      ...invoice,
      store: createInvoiceStore({
        maxRecords: maxTransactions,
        paymentTtlMs: options.invoicePaymentTtlMs,
        refundDelayMs: options.invoiceRefundDelayMs,
      }),
      baseUrl: () => baseUrl,
      now: () => ctx.now(),
    },
  });

  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      rbs.close();
      notifier.close();
      reject(error);
    };
    server.once("error", failed);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", failed);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    publicId,
    apiSecret,
    publicKeyPem: keys.publicKeyPem,
    keyVersion: keys.version,
    invoice,
    transactions: () => ctx.transactions.list().map((r) => toModel(r, publicId)),
    rbs: rbs.info(),
    notifications: { deliveries: () => notifier.deliveries() },
    close: () =>
      new Promise<void>((resolve, reject) => {
        rbs.close();
        notifier.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would hold close() open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
