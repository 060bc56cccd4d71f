// The RBS (BPC) REST API of the sandbox: register.do and registerPreAuth.do, the order status,
// deposit/reverse/refund, bindings and payments by binding, callback notifications, 3-D Secure
// of binding payments at the sandbox's ACS, and the card page at formUrl. See sandbox/README.md.
import type { Hono } from "hono";
import type { AcsChallengeSource } from "../acs-routes.ts";
import { PaResSigner } from "../three-ds.ts";
import { rbsAcsChallenges, registerFinishThreeDs } from "./acs.ts";
import { RbsBindingStore } from "./bindings.ts";
import { registerFormPage } from "./form-page.ts";
import { isLoopbackUrl } from "../loopback.ts";
import { CallbackQueue, type CallbackDelivery } from "./callbacks.ts";
import type { RbsContext } from "./context.ts";
import { RbsOrderStore } from "./orders.ts";
import { expireIfDue } from "./payments.ts";
import { RBS_REST_PATH, registerRbsRoutes } from "./routes.ts";

export { callbackChecksum } from "./callbacks.ts";
export { isLoopbackUrl } from "../loopback.ts";
export type { CallbackDelivery, CallbackOperation, CallbackParams } from "./callbacks.ts";
export { RBS_REST_PATH } from "./routes.ts";
export { FORM_PATH as RBS_FORM_PATH } from "./methods.ts";

export const DEFAULT_RBS_USER_NAME = "sandbox-api";
export const DEFAULT_RBS_PASSWORD = "sandbox-password";
export const DEFAULT_RBS_CALLBACK_SECRET = "sandbox-callback-secret";

export interface RbsOptions {
  /** `userName` of the API. Default "sandbox-api". */
  userName?: string;
  /** `password` of the API. Default "sandbox-password". */
  password?: string;
  /** Notified for orders registered without dynamicCallbackUrl; loopback only. Default: none. */
  callbackUrl?: string;
  /** Key of the notifications' checksum. Default "sandbox-callback-secret". */
  callbackSecret?: string;
  /** Orders and bindings kept at most (oldest forgotten first). Default 10 000 each. */
  maxOrders?: number;
  /** Waits before each notification retry. Default 1 s, 5 s, 30 s. */
  callbackRetryDelaysMs?: readonly number[];
  /** Notifications waiting at most; past it the oldest is dropped. Default 1000. */
  maxQueuedCallbacks?: number;
  /** One notification attempt's timeout. Default 5000 ms. */
  callbackTimeoutMs?: number;
}

/** What a running sandbox tells about its RBS API. */
export interface RbsInfo {
  /** The REST root, e.g. http://127.0.0.1:8600/payment/rest (methods are `${restUrl}/register.do`). */
  restUrl: string;
  userName: string;
  password: string;
  callbackSecret: string;
  /** The last notifications sent, failed or dropped, oldest first. */
  callbacks(): CallbackDelivery[];
}

export interface RbsGateway {
  ctx: RbsContext;
  acsChallenges: AcsChallengeSource;
  registerRoutes(app: Hono): void;
  info(): RbsInfo;
  close(): void;
}

const SWEEP_MS = 1000;

export function createRbsGateway(options: RbsOptions, baseUrl: () => string, now: () => Date = () => new Date()): RbsGateway {
  if (options.callbackUrl !== undefined && !isLoopbackUrl(options.callbackUrl)) {
    throw new TypeError("The RBS callback URL must be an http(s) address on loopback (127.0.0.1, ::1, localhost)");
  }
  const callbackSecret = options.callbackSecret ?? DEFAULT_RBS_CALLBACK_SECRET;
  const maxOrders = options.maxOrders ?? 10_000;
  const ctx: RbsContext = {
    userName: options.userName ?? DEFAULT_RBS_USER_NAME,
    password: options.password ?? DEFAULT_RBS_PASSWORD,
    orders: new RbsOrderStore(maxOrders),
    bindings: new RbsBindingStore(maxOrders),
    callbacks: new CallbackQueue({
      secret: callbackSecret,
      ...(options.callbackRetryDelaysMs !== undefined && { retryDelaysMs: options.callbackRetryDelaysMs }),
      ...(options.maxQueuedCallbacks !== undefined && { maxQueued: options.maxQueuedCallbacks }),
      ...(options.callbackTimeoutMs !== undefined && { timeoutMs: options.callbackTimeoutMs }),
    }),
    paRes: new PaResSigner(),
    callbackUrl: options.callbackUrl ?? null,
    baseUrl,
    now,
  };
  // Orders nobody asks about still time out (and notify) on their own.
  const sweep = setInterval(() => {
    for (const order of ctx.orders.waitingOrders()) expireIfDue(ctx, order);
  }, SWEEP_MS);
  sweep.unref();

  return {
    ctx,
    acsChallenges: rbsAcsChallenges(ctx),
    registerRoutes(app) {
      registerFinishThreeDs(app, ctx);
      registerRbsRoutes(app, ctx);
      registerFormPage(app, ctx);
    },
    info: () => ({
      restUrl: `${baseUrl()}${RBS_REST_PATH}`,
      userName: ctx.userName,
      password: ctx.password,
      callbackSecret,
      callbacks: () => ctx.callbacks.deliveries(),
    }),
    close() {
      clearInterval(sweep);
      ctx.callbacks.close();
    },
  };
}
