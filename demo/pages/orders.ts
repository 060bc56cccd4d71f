// The merchant's view: every order with its status; confirm, void or refund two-stage/paid orders.
import type { Order } from "../merchant/order-store.ts";

const ACTIONS: Record<string, readonly ("confirm" | "void" | "refund")[]> = {
  authorized: ["confirm", "void"],
  paid: ["refund"],
  confirmed: ["refund"],
};
const LABELS = { confirm: "Confirm", void: "Void", refund: "Refund" } as const;

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

async function act(order: Order, action: "confirm" | "void" | "refund"): Promise<void> {
  setStatus(`${LABELS[action]} ${order.invoiceId}…`);
  const response = await fetch(`/api/orders/${encodeURIComponent(order.invoiceId)}/${action}`, { method: "POST" });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  setStatus(response.ok ? `${LABELS[action]} ${order.invoiceId}: done` : `${LABELS[action]} ${order.invoiceId}: ${body.message ?? response.status}`);
  await refresh();
}

function row(order: Order): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.invoiceId = order.invoiceId;
  const card = order.cardLastFour ? `${order.cardType ?? ""} •••• ${order.cardLastFour}` : "";
  tr.append(
    cell(order.invoiceId),
    cell(order.description),
    cell(`${order.amount} ${order.currency}`),
    cell(order.scheme),
    cell(order.status, "status"),
    cell(order.transactionId !== undefined ? String(order.transactionId) : ""),
    cell(card),
  );
  const actions = document.createElement("td");
  for (const action of ACTIONS[order.status] ?? []) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = LABELS[action];
    button.setAttribute("aria-label", `${LABELS[action]} order ${order.invoiceId}`);
    button.addEventListener("click", () => {
      button.disabled = true;
      void act(order, action);
    });
    actions.append(button);
  }
  tr.append(actions);
  return tr;
}

async function refresh(): Promise<void> {
  const body = document.getElementById("orders-body");
  if (!body) return;
  const response = await fetch("/api/orders");
  const { orders } = (await response.json()) as { orders: Order[] };
  body.textContent = "";
  if (orders.length === 0) {
    const tr = document.createElement("tr");
    const td = cell("No orders yet: pay on one of the checkout pages.");
    td.colSpan = 8;
    tr.append(td);
    body.append(tr);
  }
  for (const order of orders) body.append(row(order));
}

document.getElementById("refresh")?.addEventListener("click", () => void refresh());
void refresh();
