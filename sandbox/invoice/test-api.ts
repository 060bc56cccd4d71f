// For tests: raw calls to the sandbox's Invoice API (what any HTTP client would send).
import { request as httpRequest } from "node:http";
import { basicAuthHeader } from "../basic-auth.ts";

export interface InvoiceAccess {
  url: string;
  invoice: { merchantId: string; apiKey: string };
}

export interface RawAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class InvoiceApi {
  constructor(readonly access: InvoiceAccess) {}

  get auth(): string {
    return basicAuthHeader(this.access.invoice.merchantId, this.access.invoice.apiKey);
  }

  async call(method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
    const response = await fetch(`${this.access.url}/api/v2/${method}`, {
      method: "POST",
      headers: { Authorization: this.auth, "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Through node:http, so the Host header can be what a client sets (fetch will not send another Host). */
  callWithHost(method: string, body: string, host: string): Promise<RawAnswer> {
    const url = new URL(`${this.access.url}/api/v2/${method}`);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { Host: host, Authorization: this.auth, "Content-Type": "application/json", "User-Agent": "curl/7.55.1", Accept: "*/*" } },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** A new terminal's id. */
  async terminal(extra: Record<string, unknown> = {}): Promise<string> {
    const answer = await this.call("CreateTerminal", { name: "Sandbox shop", alias: `t-${Math.random().toString(36).slice(2)}`, type: "dynamic", ...extra });
    if (answer.status !== 200) throw new Error(`CreateTerminal: ${JSON.stringify(answer.body)}`);
    return String(answer.body.id);
  }

  paymentBody(terminalId: string, extra: { order?: Record<string, unknown>; settings?: Record<string, unknown>; [field: string]: unknown } = {}) {
    const { order, settings, ...rest } = extra;
    return {
      order: { currency: "RUB", amount: 1500, description: "Тестовый платеж", id: `order-${Math.random().toString(36).slice(2)}`, ...order },
      settings: { terminal_id: terminalId, payment_method: "card", success_url: "https://shop.example/ok", fail_url: "https://shop.example/fail", ...settings },
      custom_parameters: {},
      receipt: [{ name: "Товар", price: 1500, resultPrice: 1500, quantity: 1 }],
      trtype: 1,
      ...rest,
    };
  }

  /** A new payment: its id and payment_url. */
  async payment(terminalId: string, extra: Parameters<InvoiceApi["paymentBody"]>[1] = {}): Promise<{ id: string; url: string; body: Record<string, unknown> }> {
    const answer = await this.call("CreatePayment", this.paymentBody(terminalId, extra));
    if (answer.status !== 200) throw new Error(`CreatePayment: ${JSON.stringify(answer.body)}`);
    return { id: String(answer.body.id), url: String(answer.body.payment_url), body: answer.body };
  }
}
