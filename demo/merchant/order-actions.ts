// The merchant's own actions on a paid order, per gateway: CloudPayments confirm / void / refund,
// Invoice refund (and closing a hold), RBS deposit / reverse / refund. These are the merchant's
// calls to the gateway with its own credentials, not the widget's.
import { isRbsError, type CloudPaymentsClient, type InvoiceClient, type RbsClient } from "../../server/index.ts";
import { CATALOG } from "./catalog.ts";
import type { Order, OrderStatus, RefundNote } from "./order-store.ts";

export type OrderAction = "confirm" | "void" | "refund";

/** Which actions an order offers, by gateway and status (Invoice has no capture call: its holds are only released). */
export function actionsFor(order: Pick<Order, "gateway" | "status">): OrderAction[] {
  const byStatus: Partial<Record<OrderStatus, OrderAction[]>> =
    order.gateway === "invoice" ? { authorized: ["void"], paid: ["refund"] } : { authorized: ["confirm", "void"], paid: ["refund"], confirmed: ["refund"] };
  return byStatus[order.status] ?? [];
}

export interface ActionClients {
  cloudPayments: CloudPaymentsClient;
  invoice: InvoiceClient | null;
  rbs: RbsClient | null;
}

export type ActionResult = { ok: true; status: OrderStatus; refund?: RefundNote } | { ok: false; message: string };

const NEXT: Record<OrderAction, OrderStatus> = { confirm: "confirmed", void: "voided", refund: "refunded" };

export async function runAction(clients: ActionClients, order: Order, action: OrderAction): Promise<ActionResult> {
  const id = order.transactionId;
  if (id === undefined) return { ok: false, message: "The order has no payment" };
  switch (order.gateway) {
    case "cloudpayments": {
      const TransactionId = Number(id);
      const result =
        action === "confirm"
          ? await clients.cloudPayments.payments.confirm({ TransactionId, Amount: order.amount })
          : action === "void"
            ? await clients.cloudPayments.payments.void({ TransactionId })
            : await clients.cloudPayments.payments.refund({ TransactionId, Amount: order.amount });
      return result.ok ? { ok: true, status: NEXT[action] } : { ok: false, message: result.message };
    }
    case "invoice": {
      const invoice = clients.invoice;
      if (invoice === null) return { ok: false, message: "The Invoice shop is off" };
      if (action === "void") {
        const closed = await invoice.payments.close({ id: String(id) });
        return closed.ok ? { ok: true, status: "voided" } : { ok: false, message: closed.error.message };
      }
      if (action !== "refund") return { ok: false, message: "Invoice has no capture call" };
      // A refund needs its own receipt: the order's lines, from the catalog.
      const receipt = order.lines.map((line) => {
        const product = CATALOG.find((p) => p.sku === line.sku);
        const price = product?.price ?? 0;
        return { name: product?.name ?? line.sku, price, quantity: line.qty, resultPrice: Math.round(price * line.qty * 100) / 100 };
      });
      const refunded = await invoice.refunds.create({ id: String(id), refund: { amount: order.amount, reason: "Refund from the orders page" }, receipt });
      if (!refunded.ok) return { ok: false, message: refunded.error.message };
      return { ok: true, status: "refunded", refund: { id: refunded.value.id, amount: refunded.value.refund.amount, status: refunded.value.status } };
    }
    case "rbs": {
      const rbs = clients.rbs;
      if (rbs === null) return { ok: false, message: "The RBS shop is off" };
      const orderId = String(id);
      try {
        if (action === "confirm") await rbs.deposit({ orderId });
        else if (action === "void") await rbs.reverse({ orderId });
        else await rbs.refund({ orderId, amount: order.amount });
        return { ok: true, status: NEXT[action] };
      } catch (error) {
        if (isRbsError(error)) return { ok: false, message: `${error.errorCode}: ${error.errorMessage}` };
        throw error;
      }
    }
  }
}

/** Invoice refunds start `init`: asks again about those, so the orders page shows when they are done. */
export async function refreshRefunds(invoice: InvoiceClient | null, order: Order): Promise<RefundNote[] | null> {
  if (invoice === null || !order.refunds?.some((r) => r.status === "init")) return null;
  return Promise.all(
    order.refunds.map(async (refund) => {
      if (refund.status !== "init") return refund;
      const found = await invoice.refunds.get({ id: refund.id }).catch(() => null);
      return found?.ok ? { ...refund, status: found.value.status } : refund;
    }),
  );
}
