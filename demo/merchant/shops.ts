// The demo's three shops, one per gateway, each its own server-kit instance at its own endpoint
// prefix against the same sandbox: CloudPayments (the widget's card form, /api), Invoice and RBS
// (the gateway's own page, /api/invoice and /api/rbs). One order book, one saved-card store,
// one login: what a merchant with three gateways would run.
import {
  CloudPaymentsClient,
  InvoiceClient,
  RbsClient,
  createCheckoutHandlers,
  invoiceGateway,
  rbsGateway,
  type CheckoutHandlers,
  type CheckoutOrder,
  type CheckoutResultEvent,
  type PaymentOperationEvent,
  type SavedCardStore,
} from "../../server/index.ts";
import { nodeGatewayHttp, remoteAddress } from "../../server/node/index.ts";
import { CATALOG } from "./catalog.ts";
import type { Order, OrderStatus, OrderStore, ShopGateway } from "./order-store.ts";
import { customerOf } from "./session.ts";

export interface InvoiceShopConfig {
  /** The Invoice API root, e.g. `${sandbox.url}/api/v2`. */
  baseUrl: string;
  merchantId: string;
  apiKey: string;
  terminalId: string;
}

export interface RbsShopConfig {
  /** The RBS REST root, e.g. `${sandbox.url}/payment/rest`. */
  restUrl: string;
  userName: string;
  password: string;
  callbackSecret: string;
}

export interface ShopsOptions {
  origin: string;
  gatewayUrl: string;
  publicId: string;
  apiSecret: string;
  invoice?: InvoiceShopConfig;
  rbs?: RbsShopConfig;
  secret: string;
  orders: OrderStore;
  savedCards: SavedCardStore;
}

export interface Shop {
  gateway: ShopGateway;
  /** The widget's `endpoint`: the shop's routes are `${endpoint}/pay`, `${endpoint}/saved-cards`, … */
  endpoint: string;
  /** Where the shopper comes back from the bank's or the gateway's page. */
  returnPath: string;
  notificationPath?: string;
  handlers: CheckoutHandlers;
}

export interface Shops {
  shops: Map<ShopGateway, Shop>;
  cloudPayments: CloudPaymentsClient;
  invoice: InvoiceClient | null;
  rbs: RbsClient | null;
}

const OPERATION_STATUS: Record<PaymentOperationEvent["operation"], OrderStatus> = {
  confirmed: "confirmed",
  refunded: "refunded",
  cancelled: "voided",
};

/** Once money moved (or is held), a later gateway event must not rewrite the order. */
const SETTLED: ReadonlySet<OrderStatus> = new Set(["paid", "authorized", "confirmed", "voided", "refunded"]);

function statusOf(result: CheckoutResultEvent["result"], order: Order): OrderStatus {
  switch (result.status) {
    case "approved":
      return order.scheme === "auth" && result.captured !== true ? "authorized" : "paid";
    case "declined":
      return "declined";
    case "3ds":
      return "3ds";
    case "abandoned":
      return "abandoned";
    case "redirect":
      return "hosted";
    case "cancelled":
      return "cancelled";
    case "error":
      return "error";
  }
}

/** The order's receipt lines, priced from the catalog (the merchant's prices, never the browser's). */
function itemsOf(order: Order): CheckoutOrder["items"] {
  return order.lines.map((line) => {
    const product = CATALOG.find((p) => p.sku === line.sku);
    return { name: product?.name ?? line.sku, price: product?.price ?? 0, quantity: line.qty };
  });
}

export function createShops(options: ShopsOptions): Shops {
  const { origin, orders, savedCards } = options;

  function recordResult(event: CheckoutResultEvent): void {
    const { result } = event;
    const transactionId = "transactionId" in result ? result.transactionId : "paymentId" in result ? result.paymentId : undefined;
    const order =
      (event.invoiceId ? orders.get(event.invoiceId) : undefined) ??
      (transactionId !== undefined ? orders.findByTransaction(transactionId) : undefined);
    if (!order) return;
    if (event.extraPayment) {
      // A payment the order must not keep: never dropped silently, whatever the order's status.
      const { transactionId: extraId, reason, action } = event.extraPayment;
      orders.update(order.invoiceId, {
        extraPayments: [...(order.extraPayments ?? []), { transactionId: extraId, reason, action }],
        note: `Extra payment ${extraId} (${reason}): ${action.replace("_", " ")}`,
      });
      return;
    }
    if (SETTLED.has(order.status)) {
      // The same payment told again (the notification came first): note the attempt that paid it.
      if (result.status === "approved" && result.transactionId === order.transactionId && order.paidByRequestId === null && event.requestId) {
        orders.update(order.invoiceId, { paidByRequestId: event.requestId });
      }
      return;
    }
    // A late decline or abandonment of another attempt says nothing about this order's newer one.
    const late = event.stage === "notification" || event.stage === "abandon";
    if (late && result.status !== "approved" && order.transactionId !== undefined && order.transactionId !== transactionId) return;
    const change: Partial<Order> = { status: statusOf(result, order) };
    if (transactionId !== undefined) change.transactionId = transactionId;
    if (event.customerId !== undefined) change.customerId = event.customerId;
    if (result.status === "approved") {
      change.paidByRequestId = event.requestId ?? null;
      if (result.cardType !== "Unknown") change.cardType = result.cardType;
      if (result.cardLastFour !== "") change.cardLastFour = result.cardLastFour;
      change.note = event.savedCard ? `Card •••• ${event.savedCard.lastFour} saved for ${event.customerId}` : result.authCode ? `AuthCode ${result.authCode}` : "Paid";
      if (event.stage === "chargeSavedCard") change.merchantInitiated = true;
    } else if (result.status === "declined") {
      change.note = `${result.reasonCode} ${result.reason}`;
    } else if (result.status === "error" || result.status === "cancelled" || result.status === "abandoned") {
      change.note = result.message;
    }
    orders.update(order.invoiceId, change);
  }

  function recordOperation(event: PaymentOperationEvent): void {
    const order = orders.findByTransaction(event.paymentTransactionId);
    if (!order || order.status === OPERATION_STATUS[event.operation]) return;
    orders.update(order.invoiceId, { status: OPERATION_STATUS[event.operation], note: `${event.operation} (gateway notification)` });
  }

  const getOrder = (gateway: ShopGateway) => (invoiceId: string): CheckoutOrder | null => {
    // A payment for a checkout page's draft places the order: the shop's orders are those someone paid for.
    const order = orders.place(invoiceId);
    if (!order || order.gateway !== gateway) return null;
    // Asked to pay it: the order is kept while the payment may be under way.
    orders.markPaying(invoiceId);
    return {
      amount: order.amount,
      currency: order.currency,
      description: order.description,
      scheme: order.scheme,
      items: itemsOf(order),
      // Paid orders refuse a new attempt; the paying attempt's own retry is answered from the gateway.
      ...(order.paidByRequestId !== undefined && {
        paidByRequestId: order.paidByRequestId,
        paidTransactionId: order.transactionId ?? null,
      }),
    };
  };

  const common = {
    secret: options.secret,
    allowedOrigins: [origin],
    onResult: recordResult,
    onPaymentEvent: recordOperation,
    getClientIp: remoteAddress, // recorded by the app's withClientIp
    getCustomer: customerOf,
    savedCards,
    // Every demo shopper comes from 127.0.0.1, so the per-IP limit is wider than a shop's.
    failureLimits: { perIp: { max: 100, windowMs: 15 * 60_000 } },
    // The widget's redirect screen shows the last four digits, which it reads from the URL; a
    // shop that prefers URLs without them leaves this out (and its widget shows the brand only).
    returnQuery: { cardLastFour: true },
  };
  // Keep-alive node:http for every gateway call.
  const http = nodeGatewayHttp();

  const cloudPayments = new CloudPaymentsClient({ baseUrl: options.gatewayUrl, publicId: options.publicId, apiSecret: options.apiSecret, http });
  const shops = new Map<ShopGateway, Shop>();
  shops.set("cloudpayments", {
    gateway: "cloudpayments",
    endpoint: "/api",
    returnPath: "/api/3ds/return",
    handlers: createCheckoutHandlers({
      ...common,
      client: cloudPayments,
      getOrder: getOrder("cloudpayments"),
      termUrl: `${origin}/api/3ds/return`,
      // One address for every page: /return sends the shopper on to the page the order began on.
      returnUrl: `${origin}/return`,
    }),
  });

  let invoice: InvoiceClient | null = null;
  if (options.invoice) {
    invoice = new InvoiceClient({ baseUrl: options.invoice.baseUrl, merchantId: options.invoice.merchantId, apiKey: options.invoice.apiKey, http });
    shops.set("invoice", {
      gateway: "invoice",
      endpoint: "/api/invoice",
      returnPath: "/api/invoice/return",
      handlers: createCheckoutHandlers({
        ...common,
        client: invoiceGateway({ client: invoice, terminalId: options.invoice.terminalId }),
        getOrder: getOrder("invoice"),
        termUrl: `${origin}/api/invoice/return`,
        returnUrl: `${origin}/invoice`,
      }),
    });
  }

  let rbs: RbsClient | null = null;
  if (options.rbs) {
    rbs = new RbsClient({ baseUrl: options.rbs.restUrl, userName: options.rbs.userName, password: options.rbs.password, http });
    shops.set("rbs", {
      gateway: "rbs",
      endpoint: "/api/rbs",
      returnPath: "/api/rbs/return",
      notificationPath: "/api/rbs/notification",
      handlers: createCheckoutHandlers({
        ...common,
        client: rbsGateway({ client: rbs, callbackSecret: options.rbs.callbackSecret }),
        getOrder: getOrder("rbs"),
        termUrl: `${origin}/api/rbs/return`,
        returnUrl: `${origin}/rbs`,
        notificationUrl: `${origin}/api/rbs/notification`,
      }),
    });
  }

  return { shops, cloudPayments, invoice, rbs };
}
