// The merchant's view: every order of the three shops with its status; confirm, void or refund
// (what each gateway allows, as the server says), and autopayments with customers' saved cards.
import type { Order } from "../merchant/order-store.ts";

type OrderAction = "confirm" | "void" | "refund";
type OrderView = Order & { actions: OrderAction[] };

interface CustomerCards {
  id: string;
  cards: { id: string; gateway: string; brand: string; lastFour: string; expMonth: number; expYear: number; expired: boolean }[];
}

const LABELS: Record<OrderAction, Record<string, string>> = {
  confirm: { cloudpayments: "Confirm", rbs: "Deposit" },
  void: { cloudpayments: "Void", rbs: "Reverse", invoice: "Release hold" },
  refund: { cloudpayments: "Refund", rbs: "Refund", invoice: "Refund" },
};
const SHOP_NAMES: Record<string, string> = { cloudpayments: "CloudPayments", invoice: "Invoice", rbs: "RBS" };

const labelOf = (action: OrderAction, gateway: string) => LABELS[action][gateway] ?? action;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function setStatus(text: string): void {
  const status = document.getElementById("orders-status");
  if (status) status.textContent = text;
}

async function act(order: OrderView, action: OrderAction): Promise<void> {
  const label = labelOf(action, order.gateway);
  setStatus(`${label} ${order.invoiceId}…`);
  const response = await fetch(`/api/orders/${encodeURIComponent(order.invoiceId)}/${action}`, { method: "POST" });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  setStatus(response.ok ? `${label} ${order.invoiceId}: done` : `${label} ${order.invoiceId}: ${body.message ?? response.status}`);
  await refresh();
}

function row(order: OrderView): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.invoiceId = order.invoiceId;
  const card = order.cardLastFour ? `${order.cardType ?? ""} •••• ${order.cardLastFour}` : "";
  const refunds = (order.refunds ?? []).map((r) => `${r.amount} ${r.status}`).join(", ");
  const status = `${order.status}${order.merchantInitiated ? " (autopayment)" : ""}`;
  tr.append(
    cell(order.invoiceId),
    cell(SHOP_NAMES[order.gateway] ?? order.gateway),
    cell(order.description),
    cell(`${order.amount} ${order.currency}`),
    cell(order.scheme),
    cell(status, "status"),
    cell(order.transactionId !== undefined ? String(order.transactionId) : ""),
    cell(card),
    cell(refunds),
    cell(order.note ?? ""),
  );
  const actions = document.createElement("td");
  for (const action of order.actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = labelOf(action, order.gateway);
    button.setAttribute("aria-label", `${button.textContent} order ${order.invoiceId}`);
    button.addEventListener("click", () => {
      button.disabled = true;
      void act(order, action);
    });
    actions.append(button);
  }
  tr.append(actions);
  return tr;
}

async function autopay(customer: string, cardId: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  setStatus(`Autopayment for ${customer}…`);
  const response = await fetch("/api/autopay", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customer, savedCardId: cardId, key: crypto.randomUUID() }),
  });
  const body = (await response.json().catch(() => ({}))) as { order?: { invoiceId: string }; result?: { status: string; message?: string }; message?: string };
  setStatus(
    body.order ? `Autopayment ${body.order.invoiceId}: ${body.result?.status ?? response.status}${body.result?.message ? ` (${body.result.message})` : ""}` : `Autopayment: ${body.message ?? response.status}`,
  );
  button.disabled = false;
  await refresh();
}

async function refreshCustomers(): Promise<void> {
  const body = document.getElementById("customers-body");
  if (!body) return;
  const { customers } = (await (await fetch("/api/demo/customers")).json()) as { customers: CustomerCards[] };
  body.textContent = "";
  const rows = customers.flatMap((customer) => customer.cards.map((card) => ({ customer: customer.id, card })));
  if (rows.length === 0) {
    const tr = document.createElement("tr");
    const td = cell("No saved cards yet: log in on the RBS page (or a widget page) and pay with \"Save this card\".");
    td.colSpan = 4;
    tr.append(td);
    body.append(tr);
  }
  for (const { customer, card } of rows) {
    const tr = document.createElement("tr");
    const label = `${card.brand} •••• ${card.lastFour} ${String(card.expMonth).padStart(2, "0")}/${String(card.expYear).slice(-2)}${card.expired ? " (expired)" : ""}`;
    tr.append(cell(customer), cell(SHOP_NAMES[card.gateway] ?? card.gateway), cell(label));
    const td = document.createElement("td");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Charge 450 ₽";
    // The visible words first, as a screen reader user would say them to voice control.
    button.setAttribute("aria-label", `Charge 450 ₽ to ${customer}'s ${label}`);
    button.addEventListener("click", () => void autopay(customer, card.id, button));
    td.append(button);
    tr.append(td);
    body.append(tr);
  }
}

async function refresh(): Promise<void> {
  const body = document.getElementById("orders-body");
  if (!body) return;
  const response = await fetch("/api/orders");
  const { orders } = (await response.json()) as { orders: OrderView[] };
  body.textContent = "";
  if (orders.length === 0) {
    const tr = document.createElement("tr");
    const td = cell("No orders yet: pay on one of the checkout pages.");
    td.colSpan = 11;
    tr.append(td);
    body.append(tr);
  }
  for (const order of orders) body.append(row(order));
  await refreshCustomers();
}

document.getElementById("refresh")?.addEventListener("click", () => void refresh());
void refresh();
