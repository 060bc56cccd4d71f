// Test helpers for the RBS sandbox (test-client.ts is CloudPayments'): calls as a shop makes
// them, the shopper on the card page and at the ACS, and a local server that receives callback
// notifications. Tests only.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HostedPaymentResult, Sandbox } from "./index.ts";
import { payOnHostedPage } from "./index.ts";

export type Answer = Record<string, unknown>;

export interface CallOptions {
  /** GET with a query instead of a form POST. */
  get?: boolean;
  /** Other credentials, or none. */
  auth?: { userName: string; password: string } | false;
}

export function rbsApi(sandbox: Sandbox) {
  const credentials = { userName: sandbox.rbs.userName, password: sandbox.rbs.password };
  async function call(method: string, params: Record<string, string> = {}, options: CallOptions = {}): Promise<Answer> {
    const auth = options.auth === undefined ? credentials : options.auth === false ? {} : options.auth;
    const all = new URLSearchParams({ ...auth, ...params });
    const url = `${sandbox.rbs.restUrl}/${method}`;
    const response = options.get
      ? await fetch(`${url}?${all}`)
      : await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: all.toString() });
    if (response.status !== 200) throw new Error(`${method} answered HTTP ${response.status}`);
    return (await response.json()) as Answer;
  }
  let next = 0;
  /** A fresh orderNumber per call. */
  const orderNumber = () => `t-${process.pid}-${Date.now()}-${next++}`;
  async function register(params: Record<string, string> = {}, preAuth = false): Promise<{ orderId: string; formUrl: string; orderNumber: string }> {
    const number = params["orderNumber"] ?? orderNumber();
    const answer = await call(preAuth ? "registerPreAuth.do" : "register.do", {
      orderNumber: number,
      amount: "150050",
      returnUrl: "https://shop.example/rbs/return",
      failUrl: "https://shop.example/rbs/fail",
      ...params,
    });
    if (typeof answer["orderId"] !== "string" || typeof answer["formUrl"] !== "string") throw new Error(`register refused: ${JSON.stringify(answer)}`);
    return { orderId: answer["orderId"], formUrl: answer["formUrl"], orderNumber: number };
  }
  const status = (orderId: string) => call("getOrderStatusExtended.do", { orderId });
  return { call, register, status, orderNumber };
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** The shopper pays on formUrl (the shared hosted page's test payer, with a holder name). */
export function payOnForm(formUrl: string, cardNumber: string, options: { code?: string; expiry?: string } = {}): Promise<HostedPaymentResult> {
  return payOnHostedPage(formUrl, { cardNumber, holder: "IVAN PETROV", ...options });
}

/** The shopper at the ACS for a binding payment (MD = orderId): answers what the ACS hands back to termUrl. */
export async function acsHandBack(
  challenge: { acsUrl: string; paReq: string; termUrl: string; md: string },
  code: string,
): Promise<{ action: string; md: string; paRes: string }> {
  const fields = { MD: challenge.md, PaReq: challenge.paReq, TermUrl: challenge.termUrl };
  const page = await fetch(challenge.acsUrl, form(fields));
  if (page.status !== 200) throw new Error(`ACS answered ${page.status}: ${await page.text()}`);
  await page.text();
  const done = await fetch(new URL("/acs/complete", challenge.acsUrl), form({ ...fields, action: "confirm", code }));
  const html = await done.text();
  const unescape = (text: string) => text.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
  const field = (pattern: RegExp) => {
    const value = pattern.exec(html)?.[1];
    if (value === undefined) throw new Error(`ACS return page lacks ${pattern}`);
    return unescape(value);
  };
  return {
    action: field(/<form id="acs-return" method="post" action="([^"]*)"/),
    md: field(/name="MD" value="([^"]*)"/),
    paRes: field(/name="PaRes" value="([^"]*)"/),
  };
}

/** acsHandBack, then the shopper's browser posts MD and PaRes to termUrl (finish3ds.do). */
export async function passAcs(
  challenge: { acsUrl: string; paReq: string; termUrl: string; md: string },
  code: string,
): Promise<{ paRes: string; finish: Response }> {
  const back = await acsHandBack(challenge, code);
  if (back.action !== challenge.termUrl) throw new Error(`ACS returns to ${back.action}, not ${challenge.termUrl}`);
  const finish = await fetch(back.action, form({ MD: back.md, PaRes: back.paRes }));
  return { paRes: back.paRes, finish };
}

export interface ReceivedCallback {
  query: URLSearchParams;
  method: string;
}

/** A shop's notification endpoint on loopback; `failFirst` answers 500 to that many requests first. */
export async function startCallbackServer(options: { failFirst?: number } = {}) {
  const received: ReceivedCallback[] = [];
  let failures = options.failFirst ?? 0;
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (failures > 0) {
      failures--;
      res.statusCode = 500;
      res.end("not now");
      return;
    }
    received.push({ query: url.searchParams, method: req.method ?? "" });
    res.end("OK");
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rbs/callback`;
  return {
    url,
    received,
    /** Resolves once `count` notifications of this order have arrived. */
    async waitFor(count: number, mdOrder?: string, timeoutMs = 5000): Promise<ReceivedCallback[]> {
      const deadline = Date.now() + timeoutMs;
      const mine = () => received.filter((r) => mdOrder === undefined || r.query.get("mdOrder") === mdOrder);
      while (mine().length < count) {
        if (Date.now() > deadline) throw new Error(`only ${mine().length} of ${count} callbacks arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return mine();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const RBS_CARDS = {
  approved: "4000000000003055",
  threeDs: "4242424242424242",
  threeDsNoFunds: "4012888888881881",
  declined: "4000056655665556",
  /** Approved on the page; its binding payments are declined. */
  bindingDeclined: "4111111111111111",
} as const;
