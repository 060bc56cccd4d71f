// CloudPaymentsClient: one typed method per API path, named after the path.
import { fetchGatewayHttp, requireFetch, type GatewayHttp } from "./gateway-http.ts";
import { verifyCloudPaymentsNotification, type CloudPaymentsNotificationCheck } from "./cloudpayments-notifications.ts";
import { postToGateway, type Envelope, type TransportConfig } from "./http-transport.ts";
import type {
  ActionResult,
  CallOptions,
  CardPaymentRequest,
  ConfirmRequest,
  FindPaymentRequest,
  GetPaymentRequest,
  OrderCreateRequest,
  OrderModel,
  PaymentResult,
  Post3dsRequest,
  RefundModel,
  RefundRequest,
  SubscriptionCreateRequest,
  SubscriptionIdRequest,
  SubscriptionModel,
  ThreeDsChallenge,
  TokenPaymentRequest,
  TransactionModel,
  VoidRequest,
} from "./models.ts";
import { isRecord } from "../is-record.ts";

export interface CloudPaymentsClientOptions {
  /** Default `https://api.cloudpayments.ru`; the sandbox's URL for tests and demos. */
  baseUrl?: string;
  publicId: string;
  apiSecret: string;
  /** Per-request timeout, default 30000 ms. */
  timeoutMs?: number;
  /** Injectable for tests and runtimes without a global fetch (ignored when `http` is set). */
  fetch?: typeof globalThis.fetch;
  /** The HTTP transport; default: `fetch`. */
  http?: GatewayHttp;
}

export const DEFAULT_BASE_URL = "https://api.cloudpayments.ru";

function isTransaction(value: unknown): value is TransactionModel {
  return isRecord(value) && typeof value.TransactionId === "number";
}

function isThreeDsChallenge(value: unknown): value is ThreeDsChallenge {
  return (
    isRecord(value) &&
    typeof value.TransactionId === "number" &&
    typeof value.AcsUrl === "string" &&
    typeof value.PaReq === "string"
  );
}

/** Reads a charge/auth/post3ds answer by the rule of the API guide and the official SDKs. */
export function toPaymentResult(envelope: Envelope): PaymentResult {
  const model = envelope.Model;
  if (envelope.Success && isTransaction(model)) return { kind: "approved", model };
  if (!envelope.Success && isThreeDsChallenge(model)) return { kind: "3ds", model };
  if (!envelope.Success && isTransaction(model)) return { kind: "declined", model };
  return { kind: "invalid", message: envelope.Message ?? "The gateway refused the request without a message" };
}

function toActionResult<M>(envelope: Envelope, accept: (model: unknown) => model is M): ActionResult<M> {
  if (envelope.Success && accept(envelope.Model)) return { ok: true, model: envelope.Model, message: envelope.Message };
  return { ok: false, message: envelope.Message ?? "The gateway refused the request without a message" };
}

const noModel = (_model: unknown): _model is null => true;

export class CloudPaymentsClient {
  readonly #config: TransportConfig;

  constructor(options: CloudPaymentsClientOptions) {
    if (!options.publicId || !options.apiSecret) throw new TypeError("CloudPaymentsClient needs publicId and apiSecret");
    this.#config = {
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      publicId: options.publicId,
      apiSecret: options.apiSecret,
      timeoutMs: options.timeoutMs ?? 30_000,
      http: options.http ?? fetchGatewayHttp(requireFetch(options.fetch, "CloudPaymentsClient")),
    };
  }

  get publicId(): string {
    return this.#config.publicId;
  }

  /** The longest one call waits for an answer (per call: `CallOptions.timeoutMs`). */
  get timeoutMs(): number {
    return this.#config.timeoutMs;
  }

  #post(path: string, body: object | undefined, options?: CallOptions): Promise<Envelope> {
    return postToGateway(this.#config, path, body, options);
  }

  async #payment(path: string, body: object, options?: CallOptions): Promise<PaymentResult> {
    return toPaymentResult(await this.#post(path, body, options));
  }

  async #action<M>(path: string, body: object, accept: (model: unknown) => model is M, options?: CallOptions) {
    return toActionResult(await this.#post(path, body, options), accept);
  }

  /** `/test`: checks credentials and connectivity; `message` is the gateway's request GUID. */
  async test(options?: CallOptions): Promise<ActionResult<null>> {
    const envelope = await this.#post("/test", undefined, options);
    return envelope.Success
      ? { ok: true, model: null, message: envelope.Message }
      : { ok: false, message: envelope.Message ?? "Test failed" };
  }

  readonly cards = {
    /** One-stage payment by cryptogram. */
    charge: (request: CardPaymentRequest, options?: CallOptions) =>
      this.#payment("/payments/cards/charge", request, options),
    /** Two-stage payment by cryptogram: holds the amount until confirm or void. */
    auth: (request: CardPaymentRequest, options?: CallOptions) =>
      this.#payment("/payments/cards/auth", request, options),
    /** Completes 3-D Secure with the ACS's `MD` and `PaRes`. */
    post3ds: (request: Post3dsRequest, options?: CallOptions) =>
      this.#payment("/payments/cards/post3ds", request, options),
  };

  readonly tokens = {
    charge: (request: TokenPaymentRequest, options?: CallOptions) =>
      this.#payment("/payments/tokens/charge", request, options),
    auth: (request: TokenPaymentRequest, options?: CallOptions) =>
      this.#payment("/payments/tokens/auth", request, options),
  };

  readonly payments = {
    confirm: (request: ConfirmRequest, options?: CallOptions) =>
      this.#action("/payments/confirm", request, noModel, options),
    void: (request: VoidRequest, options?: CallOptions) => this.#action("/payments/void", request, noModel, options),
    refund: (request: RefundRequest, options?: CallOptions) =>
      this.#action("/payments/refund", request, (model): model is RefundModel => isTransaction(model), options),
    /** The transaction in any status (the gateway may say `Success:false` for declined ones). */
    get: (request: GetPaymentRequest, options?: CallOptions): Promise<ActionResult<TransactionModel>> =>
      this.#lookup("/payments/get", request, options),
    /**
     * The last payment for an invoice, in any status, or `ok:false` ("Not found"). Meant for
     * recovery when a payment's answer was lost.
     */
    find: (request: FindPaymentRequest, options?: CallOptions): Promise<ActionResult<TransactionModel>> =>
      this.#lookup("/payments/find", request, options),
  };

  readonly v2 = {
    payments: {
      /** As `payments.find`, over every operation of the invoice (refunds and payouts too). */
      find: (request: FindPaymentRequest, options?: CallOptions): Promise<ActionResult<TransactionModel>> =>
        this.#lookup("/v2/payments/find", request, options),
    },
  };

  readonly notifications = {
    /**
     * Checks a notification's `Content-HMAC` with this client's API Secret; `body` is the raw
     * form body (or query string) exactly as received.
     */
    verify: (body: string, contentHmac: string | null | undefined): Promise<CloudPaymentsNotificationCheck> =>
      verifyCloudPaymentsNotification(body, contentHmac, this.#config.apiSecret),
  };

  /** A transaction lookup: the gateway may answer a declined one with Success:false and its Model. */
  async #lookup(path: string, request: object, options?: CallOptions): Promise<ActionResult<TransactionModel>> {
    const envelope = await this.#post(path, request, options);
    if (isTransaction(envelope.Model)) return { ok: true, model: envelope.Model, message: envelope.Message };
    return { ok: false, message: envelope.Message ?? "Not found" };
  }

  readonly subscriptions = {
    create: (request: SubscriptionCreateRequest, options?: CallOptions) =>
      this.#action("/subscriptions/create", request, isSubscription, options),
    get: (request: SubscriptionIdRequest, options?: CallOptions) =>
      this.#action("/subscriptions/get", request, isSubscription, options),
    cancel: (request: SubscriptionIdRequest, options?: CallOptions) =>
      this.#action("/subscriptions/cancel", request, noModel, options),
  };

  readonly orders = {
    create: (request: OrderCreateRequest, options?: CallOptions) =>
      this.#action("/orders/create", request, isOrder, options),
  };
}

function isSubscription(model: unknown): model is SubscriptionModel {
  return isRecord(model) && typeof model.Id === "string";
}

function isOrder(model: unknown): model is OrderModel {
  return isRecord(model) && typeof model.Id === "string" && typeof model.Url === "string";
}
