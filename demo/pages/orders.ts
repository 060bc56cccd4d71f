// The merchant's view: every order with its status; confirm, void or refund two-stage/paid orders.
// Moving money asks first: the row shows what will happen and a "Yes, …" button beside "Cancel".
import type { Order } from "../merchant/order-store.ts";
import type { DemoTextKey } from "../merchant/demo-texts.ts";
import { formatAmount, text } from "./shop.ts";

type Action = "confirm" | "void" | "refund";

const ACTIONS: Record<string, readonly Action[]> = {
  authorized: ["confirm", "void"],
  paid: ["refund"],
  confirmed: ["refund"],
};
const ASK: Record<Action, DemoTextKey> = { confirm: "confirmAsk", void: "voidAsk", refund: "refundAsk" };

function cell(content: string, className?: string, label?: DemoTextKey): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = content;
  if (className) td.className = className;
  // The narrow layout shows each cell with its column's name.
  if (label) td.dataset.label = text(label);
  return td;
}

function button(label: string, onClick: () => void, aria?: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (aria) b.setAttribute("aria-label", aria);
  b.addEventListener("click", onClick);
  return b;
}

function setStatus(message: string): void {
  const status = document.getElementById("orders-status");
  if (status) status.textContent = message;
}

async function act(order: Order, action: Action): Promise<void> {
  const name = text(action);
  setStatus(text("working", { action: name, number: order.invoiceId }));
  const response = await fetch(`/api/orders/${encodeURIComponent(order.invoiceId)}/${action}`, { method: "POST" });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  setStatus(
    response.ok
      ? text("done", { action: name, number: order.invoiceId })
      : text("failedAction", { action: name, number: order.invoiceId, message: body.message ?? String(response.status) }),
  );
  await refresh();
}

/** The actions cell: the buttons, or the question and its two answers after one was pressed. */
function actionsCell(order: Order): HTMLTableCellElement {
  const td = cell("", "actions", "actions");
  const showButtons = (): void => {
    td.textContent = "";
    for (const action of ACTIONS[order.status] ?? []) {
      td.append(button(text(action), () => ask(action), `${text(action)} · ${text("orderNumber", { number: order.invoiceId })}`));
    }
  };
  const ask = (action: Action): void => {
    td.textContent = "";
    const question = document.createElement("p");
    question.className = "ask";
    question.textContent = text(ASK[action], { amount: formatAmount(order.amount, order.currency), number: order.invoiceId });
    const yes = button(text("yesDo", { action: text(action).toLowerCase() }), () => {
      yes.disabled = true;
      void act(order, action);
    });
    yes.className = "danger";
    const no = button(text("keep"), () => {
      showButtons();
      td.querySelector("button")?.focus();
    });
    td.append(question, yes, no);
    yes.focus();
  };
  showButtons();
  return td;
}

function row(order: Order): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.invoiceId = order.invoiceId;
  const card = order.cardLastFour ? `${order.cardType ?? ""} •••• ${order.cardLastFour}` : "";
  const status = cell(text(`st_${order.status}` as DemoTextKey), "status", "status");
  status.dataset.status = order.status;
  tr.append(
    cell(order.invoiceId, "number", "invoice"),
    cell(order.description, undefined, "items"),
    cell(formatAmount(order.amount, order.currency), "money", "amount"),
    cell(text(order.scheme), undefined, "scheme"),
    status,
    cell(order.transactionId !== undefined ? String(order.transactionId) : "", undefined, "transaction"),
    cell(card, undefined, "card"),
    actionsCell(order),
  );
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
    const td = cell(text("noOrders"));
    td.colSpan = 8;
    tr.append(td);
    body.append(tr);
  }
  for (const order of orders) body.append(row(order));
}

document.getElementById("refresh")?.addEventListener("click", () => void refresh());
void refresh();
