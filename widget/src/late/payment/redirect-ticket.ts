// Redirect-mode 3-D Secure (and hosted mode's redirect to the gateway's page) leaves the page. Before it does, the widget writes a ticket into this
// tab's sessionStorage: a random nonce, the invoice and the transaction it sent to the bank, and
// when the ticket lapses. Back on the return URL it accepts the outcome in the query only against
// a ticket for that invoice and transaction, and uses the ticket once. The query itself is fixed by
// the server kit (it cannot carry the nonce); what a crafted link cannot forge is the ticket,
// which only this tab's own redirect wrote. Never card data: ids and a time only.

import { isRecord } from "../../shared/index.ts";

const KEY = "checkout-widget:3ds-redirect";
/** A bank page rarely takes more than minutes; the kit holds the invoice for 20. */
const LIFETIME_MS = 60 * 60_000;
/** A few redirects begun and abandoned in one tab; the oldest go first. */
const MAX_TICKETS = 5;

interface Ticket {
  nonce: string;
  invoiceId: string;
  /** The 3-D Secure transaction (a number), or a gateway page's paymentId (hosted mode). */
  transactionId: number | string;
  expires: number;
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function isTicket(t: unknown): t is Ticket {
  return isRecord(t) && typeof t.nonce === "string" && typeof t.invoiceId === "string" && (typeof t.transactionId === "number" || typeof t.transactionId === "string") && typeof t.expires === "number";
}

function read(storage: StorageLike, now: number): Ticket[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isTicket).filter((ticket) => ticket.expires > now) : [];
  } catch {
    return [];
  }
}

function write(storage: StorageLike, tickets: Ticket[]): void {
  if (tickets.length === 0) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(tickets));
}

/** This tab's sessionStorage, or null where there is none (a server, storage blocked). */
export function sessionStore(win: Window | undefined): StorageLike | null {
  try {
    return win?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Writes the ticket for a redirect about to begin; false when storage refuses (the return will not be accepted). */
export function issueTicket(storage: StorageLike | null, invoiceId: string, transactionId: number | string, nonce: string, now = Date.now()): boolean {
  if (!storage) return false;
  try {
    const tickets = read(storage, now).filter((ticket) => ticket.transactionId !== transactionId);
    tickets.push({ nonce, invoiceId, transactionId, expires: now + LIFETIME_MS });
    write(storage, tickets.slice(-MAX_TICKETS));
    return true;
  } catch {
    return false;
  }
}

/** True once for the invoice and transaction of a ticket this tab wrote (the ticket is used up). */
export function redeemTicket(storage: StorageLike | null, invoiceId: string, transactionId: number | string, now = Date.now()): boolean {
  if (!storage) return false;
  try {
    const tickets = read(storage, now);
    const match = tickets.find((ticket) => ticket.transactionId === transactionId && ticket.invoiceId === invoiceId);
    if (!match) return false;
    write(storage, tickets.filter((ticket) => ticket !== match));
    return true;
  } catch {
    return false;
  }
}
