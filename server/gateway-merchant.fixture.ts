// Test fixture: a merchant server on a hosted-page gateway (Invoice or RBS) against the real
// sandbox, or on CloudPayments with saved cards, mounting every handler the kit gives
// (pay, the return route, notifications, saved cards) on a 127.0.0.1 free port. The shopper is
// named by a `customer=<id>` cookie, as a shop's session would. Used by the server tests only.
import { createServer } from "node:http";
import type { Sandbox } from "../sandbox/index.ts";
import { createCryptogram } from "../widget/src/cryptogram/index.ts";
import { CloudPaymentsClient, GatewayTransportError, InvoiceClient, RbsClient, fetchGatewayHttp, type GatewayHttp } from "./client/index.ts";
import { cloudPaymentsGateway, invoiceGateway, rbsGateway, type CheckoutGateway, type RbsGatewayOptions } from "./gateway/index.ts";
import type { CheckoutHandlerOptions, CheckoutHandlers, CheckoutOrder, CheckoutResultEvent } from "./handlers/index.ts";
import { createCheckoutHandlers } from "./handlers/index.ts";
import { SHOP_ORIGIN, SHOP_SECRET, closeServer, listen } from "./merchant.fixture.ts";
import { createNodeListener, remoteAddress, toNodeHandler } from "./node/index.ts";
import { memorySavedCardStore, type SavedCardStore } from "./saved-cards/index.ts";

export type GatewayKind = "invoice" | "rbs" | "cloudpayments";

export interface GatewayRequest {
  path: string;
  body: string;
}

export interface GatewayMerchant {
  kind: GatewayKind;
  url: string;
  payUrl: string;
  termUrl: string;
  notificationUrl: string;
  savedCardsUrl: string;
  returnUrl: string;
  orders: Map<string, CheckoutOrder>;
  events: CheckoutResultEvent[];
  logs: string[];
  /** Every request the merchant's gateway client sent, in order. */
  gatewayRequests: GatewayRequest[];
  savedCards: SavedCardStore;
  checkout: CheckoutHandlers;
  /** The adapter the kit was given (a test may act as another instance would with it). */
  gateway: CheckoutGateway;
  /** Invoice's terminal (undefined on other gateways): another instance of the same shop takes it. */
  terminalId: string | undefined;
  invoiceClient: InvoiceClient;
  rbsClient: RbsClient;
  cloudPayments: CloudPaymentsClient;
  /** Makes the next gateway call whose path ends with `suffix` fail after it reached the gateway (its answer lost). */
  loseNextAnswer(suffix: string): void;
  newOrder(order?: Partial<CheckoutOrder>): string;
  cryptogram(cardNumber: string): string;
  close(): Promise<void>;
}

export interface GatewayMerchantSetup {
  sandbox: Sandbox;
  kind: GatewayKind;
  handlerOptions?: Partial<CheckoutHandlerOptions>;
  orders?: Map<string, CheckoutOrder>;
  savedCards?: SavedCardStore;
  /** A terminal id for Invoice (one is made when absent). */
  terminalId?: string;
  /** Where the gateway clients send their calls (default the sandbox itself; e.g. a proxy that loses answers). */
  gatewayUrl?: string;
  /** The gateway clients' timeout (default 30 s). */
  timeoutMs?: number;
  /** More options for the RBS adapter (e.g. a short sessionTimeoutSecs). */
  rbsOptions?: Partial<Omit<RbsGatewayOptions, "client">>;
}

let orderCount = 0;
let terminalCount = 0;

export async function startGatewayMerchant(setup: GatewayMerchantSetup): Promise<GatewayMerchant> {
  const { sandbox, kind } = setup;
  const gatewayRequests: GatewayRequest[] = [];
  const losing = new Set<string>();
  const base = fetchGatewayHttp(globalThis.fetch);
  const http: GatewayHttp = async (request) => {
    const path = new URL(request.url).pathname;
    gatewayRequests.push({ path, body: request.body ?? "" });
    const answer = await base(request);
    for (const suffix of losing) {
      if (path.endsWith(suffix)) {
        losing.delete(suffix);
        throw new GatewayTransportError(path, true, "timeout");
      }
    }
    return answer;
  };
  const gatewayUrl = setup.gatewayUrl ?? sandbox.url;
  const timeout = setup.timeoutMs === undefined ? {} : { timeoutMs: setup.timeoutMs };
  const invoiceClient = new InvoiceClient({ baseUrl: `${gatewayUrl}/api/v2`, merchantId: sandbox.invoice.merchantId, apiKey: sandbox.invoice.apiKey, http, ...timeout });
  const rbsClient = new RbsClient({
    baseUrl: sandbox.rbs.restUrl.replace(sandbox.url, gatewayUrl),
    userName: sandbox.rbs.userName,
    password: sandbox.rbs.password,
    http,
    ...timeout,
  });
  const cloudPayments = new CloudPaymentsClient({ baseUrl: gatewayUrl, publicId: sandbox.publicId, apiSecret: sandbox.apiSecret, http, ...timeout });

  let gateway: CheckoutGateway;
  let terminalId = setup.terminalId;
  if (kind === "invoice") {
    if (terminalId === undefined) {
      const made = await invoiceClient.terminals.create({ name: "Test shop", alias: `test-shop-${Date.now().toString(36)}-${++terminalCount}`, type: "dynamic" });
      if (!made.ok) throw made.error;
      terminalId = made.value.id;
    }
    gateway = invoiceGateway({ client: invoiceClient, terminalId });
  } else if (kind === "rbs") {
    gateway = rbsGateway({ client: rbsClient, callbackSecret: sandbox.rbs.callbackSecret, ...setup.rbsOptions });
  } else {
    gateway = cloudPaymentsGateway(cloudPayments);
  }

  const orders = setup.orders ?? new Map<string, CheckoutOrder>();
  const events: CheckoutResultEvent[] = [];
  const logs: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  const savedCards = setup.savedCards ?? memorySavedCardStore();

  let route: ReturnType<typeof createNodeListener> = (_req, res) => res.end();
  const server = createServer((req, res) => route(req, res));
  const url = await listen(server);
  const termUrl = `${url}/api/return`;
  const notificationUrl = `${url}/api/notification`;
  const returnUrl = `${SHOP_ORIGIN}/checkout/done`;
  const checkout = createCheckoutHandlers({
    client: gateway,
    secret: SHOP_SECRET,
    getOrder: async (invoiceId) => orders.get(invoiceId) ?? null,
    termUrl,
    returnUrl,
    notificationUrl,
    allowedOrigins: [SHOP_ORIGIN],
    getClientIp: remoteAddress,
    onResult: (event) => {
      events.push(event);
    },
    getCustomer: (request) => {
      const id = /(?:^|;\s*)customer=([\w-]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
      return id ? { id } : null;
    },
    savedCards,
    logger: { info: log("info"), warn: log("warn"), error: log("error") },
    ...setup.handlerOptions,
  });
  route = createNodeListener(
    { "/api/pay": checkout.pay, "/api/return": checkout.threeDsReturn, "/api/notification": checkout.notification },
    { fallback: toNodeHandler(checkout.savedCards) },
  );

  return {
    kind,
    url,
    payUrl: `${url}/api/pay`,
    termUrl,
    notificationUrl,
    savedCardsUrl: `${url}/api/saved-cards`,
    returnUrl,
    orders,
    events,
    logs,
    gatewayRequests,
    savedCards,
    checkout,
    gateway,
    terminalId,
    invoiceClient,
    rbsClient,
    cloudPayments,
    loseNextAnswer: (suffix) => losing.add(suffix),
    newOrder(order = {}) {
      const invoiceId = `inv-${kind}-${Date.now().toString(36)}-${++orderCount}`;
      orders.set(invoiceId, { amount: 1500, currency: "RUB", description: "Order", ...order });
      return invoiceId;
    },
    cryptogram: (cardNumber) =>
      createCryptogram(
        { cardNumber, expDateMonthYear: "12/30", cvv: "123" },
        { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion },
        { format: "json" },
      ),
    close: () => closeServer(server),
  };
}

export interface PayCall {
  requestId?: string;
  customer?: string;
  origin?: string | null;
}

export async function pay(m: GatewayMerchant, body: Record<string, unknown>, call: PayCall = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Request-ID": call.requestId ?? crypto.randomUUID() };
  if (call.origin !== null) headers.Origin = call.origin ?? SHOP_ORIGIN;
  if (call.customer !== undefined) headers.Cookie = `customer=${call.customer}`;
  const response = await fetch(m.payUrl, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The shopper's browser arriving at a URL the gateway's page sent it to: framed (iframe) or at top level (document). */
export function visit(url: string, dest: "iframe" | "document" = "iframe"): Promise<Response> {
  return fetch(url, { redirect: "manual", headers: { "Sec-Fetch-Dest": dest } });
}

/** The return page's data block (the message for the framing widget and the signed redirect). */
export async function returnPage(response: Response): Promise<{ message: Record<string, unknown>; targets: string[]; redirect: string }> {
  const html = await response.text();
  const match = /<script type="application\/json" id="checkout-widget-3ds">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error(`no data block in ${response.status} ${html.slice(0, 200)}`);
  return JSON.parse(match[1]) as { message: Record<string, unknown>; targets: string[]; redirect: string };
}

/** Presses "Return to the shop" on the gateway's page (a plain form post, as a browser without script does). */
export async function leavePage(pageUrl: string): Promise<string | null> {
  const response = await fetch(`${pageUrl.replace(/[?#].*$/, "")}/leave`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
  return response.headers.get("location");
}

export const waitFor = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
