// CheckoutGateway over RbsClient: the first payment on the gateway's page at formUrl (one-stage
// register.do or two-stage registerPreAuth.do), saved cards as bindings (register.do +
// paymentOrderBinding.do, 3-D Secure completed by the gateway), and callback notifications.
// The kit reads every outcome with getOrderStatusExtended.do. See docs/rbs.md.
import { isRbsError, verifyRbsCallback, type RbsClient, type RbsOrderStatus, type RbsRegisterRequest } from "../client/index.ts";
import type { CheckoutGateway, GatewayCallOptions, GatewayPayOutcome, GatewayPaymentState, GatewayTransaction, PaymentTags, RecoveredStart } from "./checkout-gateway.ts";
import { rbsDecline } from "./decline-codes.ts";

export interface RbsGatewayOptions {
  client: RbsClient;
  /** The shop's callback key: with it, `notification` verifies the gateway's callbacks. */
  callbackSecret?: string;
  /** Seconds the shopper has to pay on the page (sessionTimeoutSecs); default 1200, the platform's. */
  sessionTimeoutSecs?: number;
  /**
   * Seconds a saved card's payment may wait for the bank's 3-D Secure (its order's sessionTimeoutSecs);
   * default 300. The order cannot be paid otherwise meanwhile (the bank may still complete it), so a
   * shopper who closed that page waits at most this long to pay with another card.
   */
  bindingSessionTimeoutSecs?: number;
  /** The shop server's own address, sent as `ip` on payments without the shopper. Default 127.0.0.1. */
  merchantIp?: string;
  /** Whether the card page may be shown in the widget's frame (default true); otherwise the widget redirects. */
  frameAllowed?: boolean;
  frameWidth?: number;
  frameHeight?: number;
}

const ORDER_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_DESCRIPTION = 512;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A fresh orderNumber (unique per shop, at most 36 characters). */
function randomOrderNumber(): string {
  return `cw${hex(crypto.getRandomValues(new Uint8Array(15)))}`;
}

/** The orderNumber of one start of a gateway page, made of the kit's start key: `recoverStart` asks for it after a lost answer. */
async function startOrderNumber(startKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`checkout-widget:rbs-start\u0000${startKey}`)));
  return `cs${hex(digest.subarray(0, 15))}`;
}

/** The same orderNumber for every call of one attempt: a retry finds the order instead of making a second. */
async function attemptOrderNumber(requestId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`checkout-widget:rbs\u0000${requestId}`)));
  return `cb${hex(digest.subarray(0, 15))}`;
}

function toTransaction(status: RbsOrderStatus, orderId: string): GatewayTransaction {
  return {
    transactionId: orderId,
    amount: status.amount,
    currency: status.currency,
    // The orderNumber is the kit's, not the merchant's invoice: the kit checks its own tags instead.
    invoiceId: null,
    cardType: status.card?.paymentSystem ?? "",
    cardLastFour: status.card?.lastFour ?? "",
    authCode: status.card?.approvalCode ?? "",
    ...(status.binding?.bindingId ? { token: status.binding.bindingId } : {}),
    accountId: status.binding?.clientId ?? null,
    cardExpiry: status.card?.expiry ?? null,
    status: status.state,
    // 2 paid and 4 refunded took the money; 1 held and 3 reversed did not.
    captured: status.status === 2 || status.status === 4,
    raw: status.raw,
  };
}

function stateOf(status: RbsOrderStatus, orderId: string): GatewayPaymentState {
  const tags: PaymentTags = status.merchantOrderParams;
  switch (status.state) {
    case "registered":
      return { kind: "open", tags };
    case "acs":
      return { kind: "pending", tags };
    case "reversed":
      // A declined order (decline.do) is reversed with nothing ever approved: it ended unpaid.
      if (status.amounts !== null && status.amounts.approved === 0) return { kind: "closed", tags };
      return { kind: "approved", transaction: toTransaction(status, orderId), tags };
    case "held":
    case "paid":
    case "refunded":
      return { kind: "approved", transaction: toTransaction(status, orderId), tags };
    case "declined": {
      // -2007: the payment session timed out; nobody's card was declined.
      if (status.actionCode === -2007) return { kind: "closed", tags };
      const { reasonCode, reason } = rbsDecline(status.actionCode);
      return { kind: "declined", transaction: toTransaction(status, orderId), reasonCode, reason, message: status.actionCodeDescription ?? "", tags };
    }
  }
}

/** A refusal of the request itself (bad field, unknown currency, a binding that is gone) rather than the gateway being down. */
function refusal(error: unknown): { kind: "invalid"; message: string } | null {
  if (error instanceof RangeError) return { kind: "invalid", message: error.message };
  if (isRbsError(error) && error.errorCode !== "7") return { kind: "invalid", message: `${error.errorCode}: ${error.errorMessage}` };
  return null;
}

export function rbsGateway(options: RbsGatewayOptions): CheckoutGateway {
  const { client } = options;
  const sessionTimeoutSecs = options.sessionTimeoutSecs ?? 1200;
  const bindingSessionTimeoutSecs = options.bindingSessionTimeoutSecs ?? 300;
  const frame = {
    frameAllowed: options.frameAllowed ?? true,
    ...(options.frameWidth !== undefined && { frameWidth: options.frameWidth }),
    ...(options.frameHeight !== undefined && { frameHeight: options.frameHeight }),
  };

  // The kit's deadline for a call, as the client takes it.
  const callOf = (call: GatewayCallOptions | undefined) => (call?.signal === undefined ? {} : { signal: call.signal });

  async function read(orderId: string, call?: GatewayCallOptions): Promise<RbsOrderStatus | null> {
    try {
      return await client.getOrderStatusExtended({ orderId }, callOf(call));
    } catch (error) {
      if (isRbsError(error, "6")) return null;
      throw error;
    }
  }

  function registration(call: GatewayCallOptions | undefined, input: {
    scheme: "charge" | "auth";
    orderNumber: string;
    amount: number;
    currency: string;
    returnUrl: string;
    description?: string;
    language?: string;
    clientId?: string;
    autoPayment?: boolean;
    tags: PaymentTags;
    notificationUrl?: string;
    /** Default: the page's (sessionTimeoutSecs). */
    sessionTimeoutSecs?: number;
  }) {
    const request: RbsRegisterRequest = {
      orderNumber: input.orderNumber,
      amount: input.amount,
      currency: input.currency,
      returnUrl: input.returnUrl,
      failUrl: input.returnUrl,
      sessionTimeoutSecs: input.sessionTimeoutSecs ?? sessionTimeoutSecs,
      jsonParams: input.tags,
      ...(input.description !== undefined && { description: input.description.slice(0, MAX_DESCRIPTION) }),
      ...(input.language !== undefined && { language: input.language }),
      ...(input.clientId !== undefined && { clientId: input.clientId }),
      ...(input.autoPayment === true && { autoPayment: true }),
      ...(input.notificationUrl !== undefined && { dynamicCallbackUrl: input.notificationUrl }),
    };
    return input.scheme === "auth" ? client.registerPreAuth(request, callOf(call)) : client.register(request, callOf(call));
  }

  /**
   * The order a call whose answer was lost registered under `orderNumber`: none (errorCode 6), or
   * the order. One still unpaid is declined first: its page's address (or the binding payment's
   * answer) was in the lost answer, and the status answer has none, so it must never take money.
   */
  async function recoverOrder(orderNumber: string, call: GatewayCallOptions | undefined): Promise<RecoveredStart> {
    let status: RbsOrderStatus;
    try {
      status = await client.getOrderStatusExtended({ orderNumber }, callOf(call));
    } catch (error) {
      if (isRbsError(error, "6")) return { kind: "none" };
      throw error;
    }
    const orderId = status.orderId;
    if (orderId === null || !ORDER_ID.test(orderId)) throw new TypeError("The gateway named no orderId for the order");
    if (status.state === "registered") {
      try {
        await client.decline({ orderId }, callOf(call));
      } catch (error) {
        // "7": it is no longer unpaid and open: its state below says what it came to.
        if (!isRbsError(error, "7")) throw error;
      }
      const now = await read(orderId, call);
      if (now === null) throw new TypeError("The order is gone");
      status = now;
    }
    return { kind: "found", reference: orderId, state: stateOf(status, orderId), page: null };
  }

  const gateway: CheckoutGateway = {
    name: "rbs",
    timeoutMs: client.timeoutMs,
    hosted: {
      async start(input, call) {
        try {
          // A number of the start's own: after a lost answer recoverStart finds the order it made.
          const { orderId, formUrl } = await registration(call, {
            scheme: input.scheme,
            orderNumber: await startOrderNumber(input.startKey),
            amount: input.amount,
            currency: input.currency,
            returnUrl: input.returnUrl,
            tags: input.tags,
            ...(input.description !== undefined && { description: input.description }),
            ...(input.language !== undefined && { language: input.language }),
            ...(input.saveForCustomer !== undefined && { clientId: input.saveForCustomer }),
            ...(input.notificationUrl !== undefined && { notificationUrl: input.notificationUrl }),
          });
          return { kind: "started", reference: orderId, url: formUrl, ...frame, expiresAt: Date.now() + sessionTimeoutSecs * 1000 };
        } catch (error) {
          const refused = refusal(error);
          if (refused) return refused;
          throw error;
        }
      },
      async recoverStart({ startKey }, call) {
        return recoverOrder(await startOrderNumber(startKey), call);
      },
      async locate({ query }) {
        const orderId = query.get("orderId");
        return orderId !== null && ORDER_ID.test(orderId) ? orderId : null;
      },
    },
    savedCards: {
      async pay(input, callOptions): Promise<GatewayPayOutcome> {
        try {
          const orderNumber = callOptions.requestId === undefined ? randomOrderNumber() : await attemptOrderNumber(callOptions.requestId);
          let orderId: string;
          try {
            ({ orderId } = await registration(callOptions, {
              scheme: input.scheme,
              orderNumber,
              amount: input.amount,
              currency: input.currency,
              returnUrl: input.returnUrl,
              clientId: input.customerId,
              autoPayment: input.initiator === "merchant",
              sessionTimeoutSecs: bindingSessionTimeoutSecs,
              tags: input.tags,
              ...(input.description !== undefined && { description: input.description }),
              ...(input.language !== undefined && { language: input.language }),
              ...(input.notificationUrl !== undefined && { notificationUrl: input.notificationUrl }),
            }));
          } catch (error) {
            // "1": this attempt registered its order before (a retry): pay that one, or answer what it came to.
            if (!isRbsError(error, "1")) throw error;
            const existing = await client.getOrderStatusExtended({ orderNumber }, callOf(callOptions));
            if (existing.orderId === null) throw error;
            orderId = existing.orderId;
            if (existing.state !== "registered") return outcomeOf(stateOf(existing, orderId));
          }
          const paid = await client.paymentOrderBinding(
            {
              orderId,
              bindingId: input.token,
              ip: input.initiator === "merchant" ? (options.merchantIp ?? "127.0.0.1") : input.ipAddress,
              ...(input.email !== undefined && { email: input.email }),
            },
            callOf(callOptions),
          );
          if (paid.kind === "3ds") {
            return {
              kind: "3ds",
              transactionId: orderId,
              acsUrl: paid.acsUrl,
              paReq: paid.paReq,
              iframeAllowed: frame.frameAllowed,
              gatewayTermUrl: paid.termUrl,
              // The order's session began at register.do, a moment ago: it ends no later than this.
              expiresAt: Date.now() + bindingSessionTimeoutSecs * 1000,
            };
          }
          const status = await read(orderId, callOptions);
          return status === null ? { kind: "invalid", message: "The order paid by binding is unknown" } : outcomeOf(stateOf(status, orderId));
        } catch (error) {
          const refused = refusal(error);
          if (refused) return refused;
          throw error;
        }
      },
      async recover({ attemptId }, call) {
        // The kit's idempotency key for a payment is its attempt id: the same orderNumber as pay made.
        return recoverOrder(await attemptOrderNumber(attemptId), call);
      },
      async remove({ token }) {
        try {
          await client.unBindCard({ bindingId: token });
        } catch (error) {
          // "2": not found or already inactive: gone all the same.
          if (!isRbsError(error, "2")) throw error;
        }
      },
    },
    async findOutcome(reference, call) {
      if (!ORDER_ID.test(reference)) return null;
      const status = await read(reference, call);
      return status === null ? null : stateOf(status, reference);
    },
    async reverse(transaction, call) {
      const orderId = String(transaction.transactionId);
      try {
        if (transaction.captured) await client.refund({ orderId, amount: transaction.amount }, callOf(call));
        else await client.reverse({ orderId }, callOf(call));
        return true;
      } catch (error) {
        if (isRbsError(error)) return false;
        throw error;
      }
    },
  };
  if (options.callbackSecret) {
    const secret = options.callbackSecret;
    return {
      ...gateway,
      notifications: {
        async verify(params) {
          const checked = await verifyRbsCallback(params, secret);
          return checked.ok ? { ok: true, reference: checked.callback.mdOrder } : { ok: false, reason: checked.reason };
        },
      },
    };
  }
  return gateway;
}

/** A binding payment's final state as a pay outcome; anything not final is the gateway refusing to say. */
function outcomeOf(state: GatewayPaymentState): GatewayPayOutcome {
  if (state.kind === "approved") return { kind: "approved", transaction: state.transaction };
  if (state.kind === "declined") {
    const { kind, transaction, reasonCode, reason, message } = state;
    return { kind, transaction, reasonCode, reason, message };
  }
  return { kind: "invalid", message: `The binding payment is ${state.kind}, not final` };
}
