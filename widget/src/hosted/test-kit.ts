// Test doubles for hosted mode's tests: a window that records message listeners and navigations,
// and an endpoint that answers `/pay` from a queue and records what it was sent.
import type { PayRedirect } from "../../../server/contract.ts";
import type { HostedOptions } from "../shared/index.ts";

export const PAGE: PayRedirect = {
  status: "redirect",
  paymentId: "pay-7f3a",
  url: "https://gateway.test/invoice/pay/pay-7f3a",
  returnOrigin: "https://shop.test",
  frameAllowed: true,
};

export const OPTIONS: HostedOptions = { mode: "hosted", endpoint: "/api/invoice", invoiceId: "1001", amount: 1500, currency: "RUB", language: "en" };

export interface FakeWindow {
  win: Window;
  assigned: string[];
  /** Delivers a message to every listener, as from `source` at `origin`. */
  post(data: unknown, source: unknown, origin: string): void;
  listeners(): number;
}

export function fakeWindow(): FakeWindow {
  const listeners = new Set<(event: MessageEvent) => void>();
  const assigned: string[] = [];
  const win = {
    addEventListener: (type: string, listener: (event: MessageEvent) => void) => {
      if (type === "message") listeners.add(listener);
    },
    removeEventListener: (type: string, listener: (event: MessageEvent) => void) => {
      if (type === "message") listeners.delete(listener);
    },
    location: { assign: (url: string) => assigned.push(url) },
  } as unknown as Window;
  return {
    win,
    assigned,
    post: (data, source, origin) => {
      for (const listener of [...listeners]) listener({ data, source, origin } as MessageEvent);
    },
    listeners: () => listeners.size,
  };
}

export interface Sent {
  requestId: string | null;
  body: unknown;
  url: string;
}

/** An endpoint answering each `/pay` with the next answer: a status and body, or a network failure. */
export function fakeEndpoint(answers: ({ status: number; body: unknown; headers?: Record<string, string> } | "network")[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({ url, requestId: headers.get("X-Request-ID"), body: JSON.parse(String(init.body)) });
    const answer = answers.shift();
    if (answer === undefined) throw new Error("no answer queued");
    if (answer === "network") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers ?? {} });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

/** A memory sessionStorage. */
export function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
