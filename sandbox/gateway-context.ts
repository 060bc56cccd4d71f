// Everything the API handlers share: the sandbox's identity, its key, and its bounded state.
import type crypto from "node:crypto";
import type { CloudPaymentsNotifier } from "./notifications.ts";
import type { OrderStore } from "./orders.ts";
import type { SubscriptionStore } from "./subscriptions.ts";
import type { PaResSigner } from "./three-ds.ts";
import type { TokenStore } from "./tokens.ts";
import type { TransactionStore } from "./transactions.ts";

export interface GatewayContext {
  publicId: string;
  privateKey: crypto.KeyObject;
  keyVersion: number;
  /** Base URL of the sandbox, e.g. http://127.0.0.1:8600 (AcsUrl is `${baseUrl}/acs`). */
  baseUrl: () => string;
  transactions: TransactionStore;
  tokens: TokenStore;
  subscriptions: SubscriptionStore;
  orders: OrderStore;
  paRes: PaResSigner;
  /** Pay, Fail, Confirm, Refund and Cancel notifications to the shop. */
  notifications: CloudPaymentsNotifier;
  now: () => Date;
}
