// CheckoutGateway over InvoiceClient: the shopper pays on Invoice's own page (payment_url); the
// kit reads the outcome with GetPayment. Invoice appends nothing to success_url / fail_url, so
// both are the kit's signed return URL, and a payment is found again by its order id
// (GetPaymentByOrder) and the kit's tags in custom_parameters. See docs/invoice.md.
import type { InvoiceClient, InvoiceCurrency, InvoicePayment, InvoiceReceiptItem, InvoiceTrType } from "../client/index.ts";
import type { CheckoutGateway, GatewayCallOptions, GatewayPaymentState, GatewayTransaction, HostedPage, PaymentTags } from "./checkout-gateway.ts";
import { invoiceDecline } from "./decline-codes.ts";

export interface InvoiceGatewayOptions {
  client: InvoiceClient;
  /** The terminal payments are made from (CreateTerminal's `id`; `client.terminals.get({ alias })` finds it). */
  terminalId: string;
  /** Invoice's `payment_method` (default "card"). */
  paymentMethod?: string;
  /** Whether the payment page may be shown in the widget's frame (default true); otherwise the widget redirects. */
  frameAllowed?: boolean;
  frameWidth?: number;
  frameHeight?: number;
}

const CURRENCIES: readonly InvoiceCurrency[] = ["RUB", "USD", "EUR"];
/** The adapter's own custom parameter: GetPayment does not answer trtype, and captured depends on it. */
const TRTYPE_PARAM = "cw_trtype";
const MAX_ORDER_ID = 32;
const MAX_DESCRIPTION = 200;

/** The merchant's invoice id when it fits Invoice's order id (32 characters), else a digest of it. */
async function orderIdFor(invoiceId: string): Promise<string> {
  if (invoiceId.length <= MAX_ORDER_ID && /^[\w.:-]+$/.test(invoiceId)) return invoiceId;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(invoiceId)));
  return `cw-${Array.from(digest.subarray(0, 14), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function tagsOf(payment: InvoicePayment): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [name, value] of Object.entries(payment.custom_parameters)) {
    if (typeof value === "string" && name !== TRTYPE_PARAM) tags[name] = value;
  }
  return tags;
}

function sameTags(payment: InvoicePayment, tags: PaymentTags): boolean {
  const own = tagsOf(payment);
  return Object.entries(tags).every(([name, value]) => own[name] === value);
}

function toTransaction(payment: InvoicePayment): GatewayTransaction {
  const captured = payment.custom_parameters[TRTYPE_PARAM] !== "2";
  return {
    transactionId: payment.id,
    amount: payment.order.amount,
    currency: payment.order.currency,
    // Invoice's order id is the kit's (orderIdFor): the kit checks its own tags instead.
    invoiceId: null,
    // A payment answer carries no card (the refund answer's payment_method shows it masked).
    cardType: "",
    cardLastFour: "",
    authCode: "",
    status: payment.status,
    captured,
    raw: payment,
  };
}

function stateOf(payment: InvoicePayment): GatewayPaymentState {
  const tags = tagsOf(payment);
  switch (payment.status) {
    case "init":
      return { kind: "open", tags };
    case "successful":
      return { kind: "approved", transaction: toTransaction(payment), tags };
    case "closed":
      return { kind: "closed", tags };
    case "fail": {
      // [3, -20]: the time to pay ran out; nobody's card was declined.
      const pair = payment.error_code;
      if (pair && pair[0] === 3 && pair[1] === -20) return { kind: "closed", tags };
      const { reasonCode, reason } = invoiceDecline(pair);
      return { kind: "declined", transaction: toTransaction(payment), reasonCode, reason, message: payment.status_description, tags };
    }
  }
}

function receiptOf(lines: readonly { name: string; price: number; quantity: number; total: number; discount?: string | number }[]): InvoiceReceiptItem[] {
  return lines.map((line) => ({
    name: line.name.slice(0, 128),
    price: line.price,
    resultPrice: line.total,
    quantity: line.quantity,
    ...(line.discount !== undefined && { discount: line.discount }),
  }));
}

/** The kit's deadline for a call, as the client takes it. */
const callOptions = (options: GatewayCallOptions | undefined) => (options?.signal === undefined ? {} : { signal: options.signal });

export function invoiceGateway(options: InvoiceGatewayOptions): CheckoutGateway {
  const { client, terminalId } = options;
  if (!terminalId) throw new TypeError("invoiceGateway needs the terminalId payments are made from");
  const frame = {
    frameAllowed: options.frameAllowed ?? true,
    ...(options.frameWidth !== undefined && { frameWidth: options.frameWidth }),
    ...(options.frameHeight !== undefined && { frameHeight: options.frameHeight }),
  };

  const pageOf = (payment: InvoicePayment): HostedPage => {
    const expiresAt = Date.parse(payment.expire_date);
    return { url: payment.payment_url, ...frame, expiresAt: Number.isFinite(expiresAt) ? expiresAt : null };
  };

  return {
    name: "invoice",
    timeoutMs: client.timeoutMs,
    hosted: {
      async start(input, call) {
        const currency = CURRENCIES.find((c) => c === input.currency);
        if (currency === undefined) return { kind: "invalid", message: `Invoice takes ${CURRENCIES.join(", ")}, not ${input.currency}` };
        const trtype: InvoiceTrType = input.scheme === "auth" ? 2 : 1;
        const orderId = await orderIdFor(input.invoiceId);
        const request = {
          order: {
            amount: input.amount,
            currency,
            id: orderId,
            ...(input.description !== undefined && { description: input.description.slice(0, MAX_DESCRIPTION) }),
          },
          settings: {
            terminal_id: terminalId,
            payment_method: options.paymentMethod ?? "card",
            success_url: input.returnUrl,
            fail_url: input.returnUrl,
          },
          custom_parameters: { ...input.tags, [TRTYPE_PARAM]: String(trtype) },
          receipt: receiptOf(input.items),
          trtype,
        };
        let result = await client.payments.create(request, callOptions(call));
        if (!result.ok && result.error.isDuplicate) {
          // The same request went through before (a retry after a lost answer): that payment is this one.
          const found = await client.payments.getByOrder({ id: orderId }, callOptions(call));
          if (found.ok && sameTags(found.value, input.tags)) result = found;
        }
        if (!result.ok) return { kind: "invalid", message: result.error.message };
        return { kind: "started", reference: result.value.id, ...pageOf(result.value) };
      },
      async recoverStart({ invoiceId, tags }, call) {
        const found = await client.payments.getByOrder({ id: await orderIdFor(invoiceId) }, callOptions(call));
        // Refused: the gateway has no payment for the order. Its latest payment another start's:
        // this start made none, for it would be the latest (the kit let no other start run since).
        if (!found.ok || !sameTags(found.value, tags)) return { kind: "none" };
        const payment = found.value;
        return { kind: "found", reference: payment.id, state: stateOf(payment), page: payment.status === "init" ? pageOf(payment) : null };
      },
      async locate({ invoiceId }) {
        const found = await client.payments.getByOrder({ id: await orderIdFor(invoiceId) });
        return found.ok ? found.value.id : null;
      },
    },
    async findOutcome(reference, call) {
      if (!/^[\w-]{1,64}$/.test(reference)) return null;
      const found = await client.payments.get({ id: reference }, callOptions(call));
      return found.ok && found.value.id === reference ? stateOf(found.value) : null;
    },
    async reverse(transaction, call) {
      const id = String(transaction.transactionId);
      if (!transaction.captured) {
        // A hold (trtype 2): closing it releases the money; the guide has no other way.
        const closed = await client.payments.close({ id }, callOptions(call));
        return closed.ok && closed.value.status === "closed";
      }
      const currency = CURRENCIES.find((c) => c === transaction.currency);
      const amount = transaction.amount;
      const refunded = await client.refunds.create({
        id,
        refund: { amount, ...(currency !== undefined && { currency }), reason: "Extra payment for an order already paid" },
        receipt: [{ name: "Возврат / Refund", price: amount, resultPrice: amount, quantity: 1 }],
      }, callOptions(call));
      return refunded.ok && refunded.value.status !== "fail";
    },
  };
}
