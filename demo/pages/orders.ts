// The merchant's view: every order of the three shops with its status; confirm, void or refund
// (what each gateway allows, as the server says), and autopayments with customers' saved cards.
// Moving money asks first: the row shows what will happen and a "Yes, …" button beside "Cancel".
import type { Order } from "../merchant/order-store.ts";
import type { DemoTextKey } from "../merchant/demo-texts.ts";
import { formatAmount, text } from "./shop.ts";

type OrderAction = "confirm" | "void" | "refund";
type OrderView = Order & { actions: OrderAction[] };

interface CustomerCards {
  id: string;
  cards: { id: string; gateway: string; brand: string; lastFour: string; expMonth: number; expYear: number; expired: boolean }[];
}

/** Each gateway's own word for the action (RBS deposits and reverses; Invoice releases a hold). */
const LABELS: Record<OrderAction, Partial<Record<string, DemoTextKey>>> = {
  confirm: { cloudpayments: "confirm", rbs: "deposit" },
  void: { cloudpayments: "void", rbs: "reverse", invoice: "releaseHold" },
  refund: { cloudpayments: "refund", rbs: "refund", invoice: "refund" },
};
const ASK: Record<OrderAction, DemoTextKey> = { confirm: "confirmAsk", void: "voidAsk", refund: "refundAsk" };
const SHOP_NAMES: Record<string, string> = { cloudpayments: "CloudPayments", invoice: "Invoice", rbs: "RBS" };

const labelOf = (action: OrderAction, gateway: string): string => text(LABELS[action][gateway] ?? action);

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

async function act(order: OrderView, action: OrderAction): Promise<void> {
  const name = labelOf(action, order.gateway);
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
function actionsCell(order: OrderView): HTMLTableCellElement {
  const td = cell("", "actions", "actions");
  const showButtons = (): void => {
    td.textContent = "";
    for (const action of order.actions) {
      const name = labelOf(action, order.gateway);
      td.append(button(name, () => ask(action), `${name} · ${text("orderNumber", { number: order.invoiceId })}`));
    }
  };
  const ask = (action: OrderAction): void => {
    td.textContent = "";
    const question = document.createElement("p");
    question.className = "ask";
    question.textContent = text(ASK[action], { amount: formatAmount(order.amount, order.currency), number: order.invoiceId });
    const yes = button(text("yesDo", { action: labelOf(action, order.gateway).toLowerCase() }), () => {
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

function row(order: OrderView): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.invoiceId = order.invoiceId;
  const card = order.cardLastFour ? `${order.cardType ?? ""} •••• ${order.cardLastFour}` : "";
  const refunds = (order.refunds ?? []).map((r) => `${formatAmount(r.amount, order.currency)} ${r.status}`).join(", ");
  const status = cell(`${text(`st_${order.status}` as DemoTextKey)}${order.merchantInitiated ? ` (${text("autopayment")})` : ""}`, "status", "status");
  status.dataset.status = order.status;
  tr.append(
    cell(order.invoiceId, "number", "invoice"),
    cell(SHOP_NAMES[order.gateway] ?? order.gateway, undefined, "shop"),
    cell(order.description, undefined, "items"),
    cell(formatAmount(order.amount, order.currency), "money", "amount"),
    cell(text(order.scheme), undefined, "scheme"),
    status,
    cell(order.transactionId !== undefined ? String(order.transactionId) : "", undefined, "payment"),
    cell(card, undefined, "card"),
    cell(refunds, undefined, "refunds"),
    cell(order.note ?? "", undefined, "note"),
    actionsCell(order),
  );
  return tr;
}

async function autopay(customer: string, cardId: string, charge: HTMLButtonElement): Promise<void> {
  charge.disabled = true;
  setStatus(text("autopayFor", { customer }));
  const response = await fetch("/api/autopay", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customer, savedCardId: cardId, key: crypto.randomUUID() }),
  });
  const body = (await response.json().catch(() => ({}))) as { order?: { invoiceId: string }; result?: { status: string; message?: string }; message?: string };
  setStatus(
    body.order
      ? text("autopayDone", {
          number: body.order.invoiceId,
          result: `${body.result?.status ?? response.status}${body.result?.message ? ` (${body.result.message})` : ""}`,
        })
      : text("autopayFailed", { message: body.message ?? String(response.status) }),
  );
  charge.disabled = false;
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
    const td = cell(text("noSavedCards"));
    td.colSpan = 4;
    tr.append(td);
    body.append(tr);
  }
  for (const { customer, card } of rows) {
    const tr = document.createElement("tr");
    const label = `${card.brand} •••• ${card.lastFour} ${String(card.expMonth).padStart(2, "0")}/${String(card.expYear).slice(-2)}${card.expired ? ` (${text("expired")})` : ""}`;
    tr.append(cell(customer, undefined, "customer"), cell(SHOP_NAMES[card.gateway] ?? card.gateway, undefined, "shop"), cell(label, undefined, "card"));
    const td = cell("", undefined, "charge");
    const amount = formatAmount(450, "RUB");
    // The visible words first, as a screen reader user would say them to voice control.
    const charge = button(text("chargeAmount", { amount }), () => void autopay(customer, card.id, charge), text("chargeTo", { amount, customer, card: label }));
    td.append(charge);
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
    const td = cell(text("noOrders"));
    td.colSpan = 11;
    tr.append(td);
    body.append(tr);
  }
  for (const order of orders) body.append(row(order));
  await refreshCustomers();
}

document.getElementById("refresh")?.addEventListener("click", () => void refresh());
void refresh();
