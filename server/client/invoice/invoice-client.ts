// InvoiceClient: one typed method per method of the Invoice cash API v2 (docs/invoice.md), over the
// shared GatewayHttp transport. Refusals (HTTP 400 `{ error }`) are values; no answer at all is a
// GatewayError: 401 → GatewayAuthError, network/timeout → GatewayTransportError (with
// `mayHaveReachedGateway`), anything else unreadable → GatewayHttpError.
import { GatewayAuthError, GatewayHttpError } from "../errors.ts";
import { basicAuthorization, fetchGatewayHttp, requireFetch, type GatewayHttp } from "../gateway-http.ts";
import { readPayment, readRefund, readTerminal, refusalOf } from "./answers.ts";
import { InvoiceApiError, invoiceErrorName, type InvoiceResult } from "./errors.ts";
import type {
  InvoiceCallOptions,
  InvoiceCreatePaymentRequest,
  InvoiceCreateRefundRequest,
  InvoiceCreateTerminalRequest,
  InvoiceGetTerminalRequest,
  InvoiceOrderIdRequest,
  InvoicePayment,
  InvoicePaymentIdRequest,
  InvoiceRefund,
  InvoiceRefundIdRequest,
  InvoiceTerminal,
} from "./models.ts";

export interface InvoiceClientOptions {
  /** The API's base URL, default `https://api.invoice.su/api/v2`; the sandbox's is `${sandbox.url}/api/v2`. */
  baseUrl?: string;
  merchantId: string;
  apiKey: string;
  /** Per-request timeout, default 30000 ms. */
  timeoutMs?: number;
  /** Injectable for tests and runtimes without a global fetch (ignored when `http` is set). */
  fetch?: typeof globalThis.fetch;
  /** The HTTP transport; default: `fetch`. */
  http?: GatewayHttp;
}

export const DEFAULT_INVOICE_BASE_URL = "https://api.invoice.su/api/v2";

type Reader<T> = (body: unknown) => T | null;

export class InvoiceClient {
  readonly #baseUrl: string;
  readonly #authorization: string;
  readonly #timeoutMs: number;
  readonly #http: GatewayHttp;

  constructor(options: InvoiceClientOptions) {
    if (!options.merchantId || !options.apiKey) throw new TypeError("InvoiceClient needs merchantId and apiKey");
    this.#baseUrl = (options.baseUrl ?? DEFAULT_INVOICE_BASE_URL).replace(/\/+$/, "");
    this.#authorization = basicAuthorization(options.merchantId, options.apiKey);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#http = options.http ?? fetchGatewayHttp(requireFetch(options.fetch, "InvoiceClient"));
  }

  /** The longest one call waits for an answer (per call: `InvoiceCallOptions.timeoutMs`). */
  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  async #call<T>(method: string, body: object, read: Reader<T>, options: InvoiceCallOptions = {}): Promise<InvoiceResult<T>> {
    const path = `/${method}`;
    const response = await this.#http({
      url: `${this.#baseUrl}${path}`,
      method: "POST",
      headers: { Authorization: this.#authorization, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      ...(options.signal !== undefined && { signal: options.signal }),
    });
    if (response.status === 401) throw new GatewayAuthError(path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.text);
    } catch {
      throw new GatewayHttpError(path, response.status);
    }
    if (response.status === 200) {
      const value = read(parsed);
      if (value !== null) return { ok: true, value };
    }
    // A refusal is a 400 with `error`; some gateways also answer 200 with `error` and no model.
    const refusal = response.status === 200 || response.status === 400 ? refusalOf(parsed) : null;
    if (refusal === null) throw new GatewayHttpError(path, response.status);
    const message = refusal.message ?? (refusal.pair && invoiceErrorName(refusal.pair)) ?? "The gateway refused the request";
    return { ok: false, error: new InvoiceApiError(path, response.status, message, refusal.pair) };
  }

  readonly terminals = {
    /** CreateTerminal: a new virtual terminal (its `id` is what CreatePayment's `settings.terminal_id` takes). */
    create: (request: InvoiceCreateTerminalRequest, options?: InvoiceCallOptions) =>
      this.#call("CreateTerminal", request, readTerminal, options),
    /** GetTerminal: a terminal by alias or id. */
    get: (request: InvoiceGetTerminalRequest, options?: InvoiceCallOptions) => this.#call("GetTerminal", request, readTerminal, options),
  };

  readonly payments = {
    /**
     * CreatePayment: a bill to pay on the gateway's page (`payment_url`). Identical parameters
     * while an earlier payment is unpaid or paid are refused `[3, -21]` (`error.isDuplicate`):
     * after a timeout, look the payment up with getByOrder instead of creating another.
     */
    create: (request: InvoiceCreatePaymentRequest, options?: InvoiceCallOptions) =>
      this.#call("CreatePayment", request, readPayment, options),
    /** GetPayment: the payment's current status. */
    get: (request: InvoicePaymentIdRequest, options?: InvoiceCallOptions) => this.#call("GetPayment", request, readPayment, options),
    /** GetPaymentByOrder: the latest payment made for the merchant's order id. */
    getByOrder: (request: InvoiceOrderIdRequest, options?: InvoiceCallOptions) =>
      this.#call("GetPaymentByOrder", request, readPayment, options),
    /** ClosePayment: cancels an unpaid payment (it can no longer be paid). */
    close: (request: InvoicePaymentIdRequest, options?: InvoiceCallOptions) => this.#call("ClosePayment", request, readPayment, options),
  };

  readonly refunds = {
    /** CreateRefund: returns all or part of a successful payment; often `init` at first. */
    create: (request: InvoiceCreateRefundRequest, options?: InvoiceCallOptions) =>
      this.#call("CreateRefund", request, readRefund, options),
    /** GetRefund: the refund's current status. */
    get: (request: InvoiceRefundIdRequest, options?: InvoiceCallOptions) => this.#call("GetRefund", request, readRefund, options),
  };
}

export type { InvoicePayment, InvoiceRefund, InvoiceTerminal };
