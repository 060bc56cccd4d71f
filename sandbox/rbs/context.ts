// What the RBS handlers share: credentials, bounded state, the callback queue and the clock.
import type { PaResSigner } from "../three-ds.ts";
import type { RbsBindingStore } from "./bindings.ts";
import type { CallbackQueue } from "./callbacks.ts";
import type { RbsOrderStore } from "./orders.ts";

export interface RbsContext {
  userName: string;
  password: string;
  orders: RbsOrderStore;
  bindings: RbsBindingStore;
  callbacks: CallbackQueue;
  /** Signs the ACS's PaRes for binding payments; its own secret, so no CloudPayments PaRes fits. */
  paRes: PaResSigner;
  /** Notified when an order has no dynamicCallbackUrl; null: no notifications. */
  callbackUrl: string | null;
  /** Base URL of the sandbox, e.g. http://127.0.0.1:8600. */
  baseUrl: () => string;
  now: () => Date;
}
