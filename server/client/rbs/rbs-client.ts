// RbsClient: one typed method per RBS REST method, named after it. Amounts in roubles and
// currencies as letters on this side; kopecks and ISO 4217 numeric codes on the wire.
//
// Failures: an RbsError (non-zero errorCode: refused, nothing done); GatewayAuthError (access
// denied); GatewayTransportError (no answer: when `mayHaveReachedGateway`, the operation may
// have happened; read getOrderStatusExtended before doing it again; register.do is safe to
// repeat with the same orderNumber, a second one fails with errorCode "1"); GatewayHttpError
// (an answer that is not the API's JSON).
import { GatewayHttpError } from "../errors.ts";
import { fetchGatewayHttp, requireFetch, type GatewayHttp } from "../gateway-http.ts";
import { readBindings, readOrderStatus, text } from "./answers.ts";
import { isRbsError } from "./errors.ts";
import { toKopecks, toNumericCurrency } from "./money.ts";
import type {
  RbsBinding,
  RbsBindingPayment,
  RbsBindingPaymentRequest,
  RbsCallOptions,
  RbsDepositRequest,
  RbsLanguage,
  RbsOrderLookup,
  RbsOrderRequest,
  RbsOrderStatus,
  RbsRefundRequest,
  RbsRegisterRequest,
  RbsRegistered,
} from "./models.ts";
import { callRbs, type RbsAnswer, type RbsParams, type RbsTransportConfig } from "./transport.ts";

export interface RbsClientOptions {
  /** The REST root of the bank's gateway, e.g. https://3dsec.sberbank.ru/payment/rest (the sandbox: `${sandbox.url}/payment/rest`). */
  baseUrl: string;
  userName: string;
  password: string;
  /** Default language of the gateway's messages and page. */
  language?: RbsLanguage;
  /** Per-request timeout, default 30000 ms. */
  timeoutMs?: number;
  /** Injectable for tests and runtimes without a global fetch (ignored when `http` is set). */
  fetch?: typeof globalThis.fetch;
  /** The HTTP transport; default: `fetch`. */
  http?: GatewayHttp;
}

export class RbsClient {
  readonly #config: RbsTransportConfig;
  readonly #language: RbsLanguage | undefined;

  constructor(options: RbsClientOptions) {
    if (!options.baseUrl || !options.userName || !options.password) throw new TypeError("RbsClient needs baseUrl, userName and password");
    new URL(options.baseUrl); // a clear error now rather than on the first call
    this.#config = {
      baseUrl: options.baseUrl,
      userName: options.userName,
      password: options.password,
      timeoutMs: options.timeoutMs ?? 30_000,
      http: options.http ?? fetchGatewayHttp(requireFetch(options.fetch, "RbsClient")),
    };
    this.#language = options.language;
  }

  /** The longest one call waits for an answer (per call: `RbsCallOptions.timeoutMs`). */
  get timeoutMs(): number {
    return this.#config.timeoutMs;
  }

  #call(method: string, params: RbsParams, options?: RbsCallOptions): Promise<RbsAnswer> {
    return callRbs(this.#config, method, { ...params, language: params["language"] ?? this.#language }, options);
  }

  /** One-stage order: the shopper pays on formUrl, the money is taken at once (orderStatus 2). */
  register(request: RbsRegisterRequest, options?: RbsCallOptions): Promise<RbsRegistered> {
    return this.#register("register.do", request, options);
  }

  /** Two-stage order: the shopper's payment is held (orderStatus 1) until deposit or reverse. */
  registerPreAuth(request: RbsRegisterRequest, options?: RbsCallOptions): Promise<RbsRegistered> {
    return this.#register("registerPreAuth.do", request, options);
  }

  async #register(method: string, request: RbsRegisterRequest, options?: RbsCallOptions): Promise<RbsRegistered> {
    if (request.autoPayment && !request.clientId) throw new TypeError("autoPayment needs a clientId");
    const answer = await this.#call(
      method,
      {
        orderNumber: request.orderNumber,
        amount: String(toKopecks(request.amount)),
        currency: toNumericCurrency(request.currency ?? "RUB"),
        returnUrl: request.returnUrl,
        failUrl: request.failUrl,
        description: request.description,
        language: request.language ?? this.#language,
        clientId: request.clientId,
        features: request.autoPayment ? "AUTO_PAYMENT" : undefined,
        jsonParams: request.jsonParams === undefined ? undefined : JSON.stringify(request.jsonParams),
        sessionTimeoutSecs: request.sessionTimeoutSecs === undefined ? undefined : String(request.sessionTimeoutSecs),
        dynamicCallbackUrl: request.dynamicCallbackUrl,
      },
      options,
    );
    const orderId = text(answer["orderId"]);
    const formUrl = text(answer["formUrl"]);
    if (!orderId || !formUrl) throw new GatewayHttpError(this.#path(method), 200);
    return { orderId, formUrl };
  }

  /** The order's real state: what the shopper paid, held, was refunded; its card and binding. */
  async getOrderStatusExtended(lookup: RbsOrderLookup, options?: RbsCallOptions): Promise<RbsOrderStatus> {
    const answer = await this.#call(
      "getOrderStatusExtended.do",
      lookup.orderId !== undefined ? { orderId: lookup.orderId } : { orderNumber: lookup.orderNumber },
      options,
    );
    const status = readOrderStatus(answer, lookup.orderId ?? null);
    if (status === null) throw new GatewayHttpError(this.#path("getOrderStatusExtended.do"), 200);
    return status;
  }

  /** Takes a held order's money (all of the hold when amount is omitted or 0). */
  async deposit(request: RbsDepositRequest, options?: RbsCallOptions): Promise<void> {
    const amount = request.amount === undefined ? 0 : toKopecks(request.amount, "amount", { allowZero: true });
    await this.#call("deposit.do", { orderId: request.orderId, amount: String(amount) }, options);
  }

  /** Releases a held order's money (orderStatus 1 → 3). */
  async reverse(request: RbsOrderRequest, options?: RbsCallOptions): Promise<void> {
    await this.#call("reverse.do", { orderId: request.orderId }, options);
  }

  /**
   * Declines an order nobody has paid (orderStatus 0): its page takes no payment from then on and
   * the order ends reversed (3) with nothing approved. Refused (errorCode 7) once it is paid, at
   * the ACS, or ended.
   */
  async decline(lookup: RbsOrderLookup, options?: RbsCallOptions): Promise<void> {
    await this.#call("decline.do", lookup.orderId !== undefined ? { orderId: lookup.orderId } : { orderNumber: lookup.orderNumber }, options);
  }

  /** Returns money of a paid order; partial refunds are allowed within the paid amount. */
  async refund(request: RbsRefundRequest, options?: RbsCallOptions): Promise<void> {
    await this.#call("refund.do", { orderId: request.orderId, amount: String(toKopecks(request.amount)) }, options);
  }

  /**
   * Pays a registered order with a binding of the order's clientId. An order registered with
   * autoPayment is charged without the shopper; otherwise the gateway may ask for 3-D Secure.
   */
  async paymentOrderBinding(request: RbsBindingPaymentRequest, options?: RbsCallOptions): Promise<RbsBindingPayment> {
    const answer = await this.#call(
      "paymentOrderBinding.do",
      {
        mdOrder: request.orderId,
        bindingId: request.bindingId,
        ip: request.ip,
        language: request.language,
        email: request.email,
        cvc: request.cvc,
      },
      options,
    );
    const acsUrl = text(answer["acsUrl"]);
    const paReq = text(answer["paReq"]);
    const termUrl = text(answer["termUrl"]);
    if (acsUrl && paReq && termUrl) return { kind: "3ds", acsUrl, paReq, termUrl, md: request.orderId };
    return { kind: "processed", redirect: text(answer["redirect"]), info: text(answer["info"]) };
  }

  /** The client's active bindings (an empty list when it has none). */
  async getBindings(request: { clientId: string }, options?: RbsCallOptions): Promise<RbsBinding[]> {
    try {
      return readBindings(await this.#call("getBindings.do", { clientId: request.clientId }, options), request.clientId);
    } catch (error) {
      // The platform answers "no bindings" as errorCode 2.
      if (isRbsError(error, "2")) return [];
      throw error;
    }
  }

  /** Deactivates a binding: it pays nothing more and is no longer listed. */
  async unBindCard(request: { bindingId: string }, options?: RbsCallOptions): Promise<void> {
    await this.#call("unBindCard.do", { bindingId: request.bindingId }, options);
  }

  #path(method: string): string {
    return `${new URL(this.#config.baseUrl).pathname.replace(/\/+$/, "")}/${method}`;
  }
}
