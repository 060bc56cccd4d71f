// Callback notifications: after a status change the gateway calls the shop with mdOrder,
// orderNumber, operation, status and a checksum (HMAC-SHA256, upper-case hex, over the other
// parameters sorted by name, each written `name;value;`). Sent as GET with a query, as the
// platform does by default, through the sandbox's delivery queue (loopback only, bounded, retried).
import crypto from "node:crypto";
import { DeliveryQueue, type DeliveryQueueOptions, type DeliveryRecord } from "../delivery-queue.ts";
import { isLoopbackUrl } from "../loopback.ts";

export type CallbackOperation = "approved" | "deposited" | "reversed" | "refunded" | "declinedByTimeout";

export interface CallbackParams {
  mdOrder: string;
  orderNumber: string;
  operation: CallbackOperation;
  /** 1: the operation succeeded; 0: it failed (a declined payment). */
  status: 0 | 1;
}

/** The platform's checksum of a notification's parameters (every one but `checksum`). */
export function callbackChecksum(params: Readonly<Record<string, string>>, secret: string): string {
  const text = Object.keys(params)
    .filter((name) => name !== "checksum")
    .sort()
    .map((name) => `${name};${params[name]};`)
    .join("");
  return crypto.createHmac("sha256", secret).update(text, "utf8").digest("hex").toUpperCase();
}

export interface CallbackQueueOptions extends Omit<DeliveryQueueOptions, "accept"> {
  secret: string;
}

export interface CallbackDelivery {
  url: string;
  params: CallbackParams;
  attempts: number;
  outcome: DeliveryRecord["outcome"];
}

interface CallbackTag {
  /** The shop's callback URL as given, before the notification's parameters were added. */
  url: string;
  params: CallbackParams;
}

/** RBS callbacks on the sandbox's one delivery queue: a 2xx answer counts as received. */
export class CallbackQueue {
  readonly #secret: string;
  readonly #queue: DeliveryQueue<CallbackTag>;

  constructor(options: CallbackQueueOptions) {
    const { secret, ...delivery } = options;
    this.#secret = secret;
    this.#queue = new DeliveryQueue({ ...delivery, accept: (status) => status >= 200 && status < 300 });
  }

  /** Queues one notification; returns at once. A URL that is not loopback is never called. */
  enqueue(url: string, params: CallbackParams): void {
    if (!isLoopbackUrl(url)) return;
    this.#queue.enqueue({ url: this.#signedUrl(url, params), method: "GET", headers: {} }, { url, params });
  }

  /** The last deliveries and drops, oldest first (at most 200). */
  deliveries(): CallbackDelivery[] {
    return this.#queue.deliveries().map(({ tag, attempts, outcome }) => ({ url: tag.url, params: tag.params, attempts, outcome }));
  }

  /** Stops sending: waiting notifications are forgotten, those in flight aborted. */
  close(): void {
    this.#queue.close();
  }

  #signedUrl(base: string, params: CallbackParams): string {
    const url = new URL(base);
    url.searchParams.set("mdOrder", params.mdOrder);
    url.searchParams.set("orderNumber", params.orderNumber);
    url.searchParams.set("operation", params.operation);
    url.searchParams.set("status", String(params.status));
    url.searchParams.delete("checksum");
    // Over every parameter the shop receives, its own query included, so a verifier that hashes
    // all but `checksum` agrees.
    url.searchParams.set("checksum", callbackChecksum(Object.fromEntries(url.searchParams), this.#secret));
    return url.toString();
  }
}
