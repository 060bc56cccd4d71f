// Test fixture: the real sandbox and a merchant server mounting the handlers, both on
// 127.0.0.1 free ports, talking over HTTP. Used by the server tests only.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox, type Sandbox } from "../sandbox/index.ts";
import { createCryptogram } from "../widget/src/cryptogram/index.ts";
import { CloudPaymentsClient } from "./client/index.ts";
import type { CheckoutHandlerOptions, CheckoutOrder, CheckoutResultEvent, PaymentOperationEvent } from "./handlers/index.ts";
import { createCheckoutHandlers } from "./handlers/index.ts";
import { createNodeListener, nodeGatewayHttp, remoteAddress } from "./node/index.ts";

export const CARDS = {
  approved: "4000 0000 0000 3055",
  declined: "4000 0566 5566 5556",
  threeDs: "4242 4242 4242 4242",
} as const;

export const SHOP_ORIGIN = "https://shop.example";
/** One secret for every merchant instance a test starts: they are instances of one shop. */
export const SHOP_SECRET = "test-secret-0123456789abcdef0123456789";

export interface Merchant {
  sandbox: Sandbox;
  client: CloudPaymentsClient;
  url: string;
  payUrl: string;
  /** `{endpoint}/pay/abandon`: the widget's word that its shopper left 3-D Secure. */
  abandonUrl: string;
  termUrl: string;
  returnUrl: string;
  orders: Map<string, CheckoutOrder>;
  events: CheckoutResultEvent[];
  /** Every log line the handlers wrote, serialised. */
  logs: string[];
  /** Gateway paths the merchant's client called, in order. */
  gatewayCalls: string[];
  /** Where the sandbox should send each CloudPayments notification type (the kit's handlers). */
  notificationUrls: Record<"Pay" | "Fail" | "Confirm" | "Refund" | "Cancel", string>;
  /** What onPaymentEvent heard (confirm, refund, void notifications). */
  operations: PaymentOperationEvent[];
  cryptogram(cardNumber: string): string;
  close(): Promise<void>;
}

export interface MerchantSetup {
  /** Share one sandbox between merchants (not closed by the merchant). */
  sandbox?: Sandbox;
  apiSecret?: string;
  baseUrl?: string;
  timeoutMs?: number;
  handlerOptions?: Partial<CheckoutHandlerOptions>;
  /** Share the orders (the shop's database) with another instance. */
  orders?: Map<string, CheckoutOrder>;
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startMerchant(setup: MerchantSetup = {}): Promise<Merchant> {
  const ownSandbox = setup.sandbox === undefined;
  const sandbox = setup.sandbox ?? (await startSandbox({ port: 0 }));
  const gatewayCalls: string[] = [];
  const gatewayHttp = nodeGatewayHttp();
  const client = new CloudPaymentsClient({
    baseUrl: setup.baseUrl ?? sandbox.url,
    publicId: sandbox.publicId,
    apiSecret: setup.apiSecret ?? sandbox.apiSecret,
    ...(setup.timeoutMs !== undefined && { timeoutMs: setup.timeoutMs }),
    // The Node-native transport, as a Node merchant runs it; recorded call by call.
    http: (request) => {
      gatewayCalls.push(new URL(request.url).pathname);
      return gatewayHttp(request);
    },
  });
  const orders =
    setup.orders ?? new Map<string, CheckoutOrder>([["inv-1", { amount: 1500, currency: "RUB", description: "Order 1", accountId: "user-1" }]]);
  const events: CheckoutResultEvent[] = [];
  const operations: PaymentOperationEvent[] = [];
  const logs: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);

  let route: ReturnType<typeof createNodeListener> = (_req, res) => res.end();
  const server = createServer((req, res) => route(req, res));
  const url = await listen(server);
  const termUrl = `${url}/api/3ds/return`;
  const returnUrl = `${SHOP_ORIGIN}/checkout/done?lang=en`;
  const { pay, abandon, threeDsReturn, notifications } = createCheckoutHandlers({
    client,
    secret: SHOP_SECRET,
    getOrder: async (invoiceId) => orders.get(invoiceId) ?? null,
    termUrl,
    returnUrl,
    allowedOrigins: [SHOP_ORIGIN, "https://other-shop.example"],
    onResult: (event) => {
      events.push(event);
    },
    onPaymentEvent: (event) => {
      operations.push(event);
    },
    logger: { info: log("info"), warn: log("warn"), error: log("error") },
    getClientIp: remoteAddress,
    ...setup.handlerOptions,
  });
  route = createNodeListener({
    "/api/pay": pay,
    "/api/pay/abandon": abandon,
    "/api/3ds/return": threeDsReturn,
    "/api/notify/pay": notifications.pay,
    "/api/notify/fail": notifications.fail,
    "/api/notify/confirm": notifications.confirm,
    "/api/notify/refund": notifications.refund,
    "/api/notify/cancel": notifications.cancel,
  });

  return {
    sandbox,
    client,
    url,
    payUrl: `${url}/api/pay`,
    abandonUrl: `${url}/api/pay/abandon`,
    termUrl,
    returnUrl,
    orders,
    events,
    logs,
    gatewayCalls,
    notificationUrls: {
      Pay: `${url}/api/notify/pay`,
      Fail: `${url}/api/notify/fail`,
      Confirm: `${url}/api/notify/confirm`,
      Refund: `${url}/api/notify/refund`,
      Cancel: `${url}/api/notify/cancel`,
    },
    operations,
    cryptogram: (cardNumber) =>
      createCryptogram(
        { cardNumber, expDateMonthYear: "12/30", cvv: "123" },
        { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion },
        { format: "json" },
      ),
    async close() {
      await closeServer(server);
      gatewayHttp.close();
      if (ownSandbox) await sandbox.close();
    },
  };
}

export interface PostPayOptions {
  requestId?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

export async function postPay(
  merchant: Merchant,
  body: unknown,
  options: PostPayOptions = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
  if (options.requestId !== undefined) headers["X-Request-ID"] = options.requestId;
  const origin = options.origin === undefined ? SHOP_ORIGIN : options.origin;
  if (origin !== null) headers.Origin = origin;
  const response = await fetch(merchant.payUrl, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** `POST {endpoint}/pay/abandon` as the widget sends it when its shopper cancels 3-D Secure. */
export async function postAbandon(
  merchant: Merchant,
  body: unknown,
  options: Omit<PostPayOptions, "requestId"> = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
  const origin = options.origin === undefined ? SHOP_ORIGIN : options.origin;
  if (origin !== null) headers.Origin = origin;
  const response = await fetch(merchant.abandonUrl, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** Drives the sandbox ACS like a browser would: challenge page, code, then the return form. */
export async function authenticateAtAcs(
  challenge: { acsUrl: string; transactionId: number; paReq: string; termUrl: string },
  code: string,
): Promise<{ action: string; md: string; paRes: string }> {
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const fields = { MD: String(challenge.transactionId), PaReq: challenge.paReq, TermUrl: challenge.termUrl };
  const page = await fetch(challenge.acsUrl, form(fields));
  if (page.status !== 200) throw new Error(`ACS answered ${page.status}`);
  await page.text();
  const completeUrl = new URL("/acs/complete", challenge.acsUrl).toString();
  const done = await fetch(completeUrl, form({ ...fields, action: "confirm", code }));
  const html = await done.text();
  const attr = (pattern: RegExp) => {
    const match = pattern.exec(html)?.[1];
    if (match === undefined) throw new Error(`ACS return page lacks ${pattern}`);
    return match.replace(/&amp;/g, "&").replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
  };
  return {
    action: attr(/<form id="acs-return" method="post" action="([^"]*)"/),
    md: attr(/name="MD" value="([^"]*)"/),
    paRes: attr(/name="PaRes" value="([^"]*)"/),
  };
}

/**
 * The shopper at the bank's page of a challenge the gateway completes itself (an RBS binding's): the
 * code typed, the ACS posts to the gateway's finish3ds.do. Answers where the gateway sends the shopper.
 */
export async function finishAtBank(challenge: { acsUrl: string; transactionId: string | number; paReq: string; termUrl: string }, code: string): Promise<string> {
  const done = await authenticateAtAcs(challenge as { acsUrl: string; transactionId: number; paReq: string; termUrl: string }, code);
  const finished = await fetch(done.action, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ MD: done.md, PaRes: done.paRes }).toString(),
  });
  if (finished.status !== 303) throw new Error(`finish3ds answered ${finished.status}, not 303`);
  return finished.headers.get("location") ?? "";
}

export async function postReturn(
  url: string,
  fields: { md: string; paRes: string },
  fetchDest?: "iframe" | "document",
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(fetchDest !== undefined && { "Sec-Fetch-Dest": fetchDest }),
    },
    body: new URLSearchParams({ MD: fields.md, PaRes: fields.paRes }).toString(),
  });
}

/** The JSON data block the 3-D Secure result page carries for its script. */
export function pageData(html: string): { message: Record<string, unknown>; targets: string[]; redirect: string } {
  const match = /<script type="application\/json" id="checkout-widget-3ds">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error("no data block");
  return JSON.parse(match[1]) as { message: Record<string, unknown>; targets: string[]; redirect: string };
}
