// Callback notifications: after a status change the gateway calls the shop with mdOrder,
// orderNumber, operation, status and a checksum (HMAC-SHA256, upper-case hex, over the other
// parameters sorted by name, each written `name;value;`). Sent as GET with a query, as the
// platform does by default, only to loopback addresses, from a bounded queue: a slow or dead shop
// delays nothing but its own notifications.
import crypto from "node:crypto";

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

/** 127.0.0.0/8, ::1 and localhost: the only places the sandbox sends anything. */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface CallbackQueueOptions {
  secret: string;
  /** Notifications waiting to be sent; past it the oldest waiting one is dropped. Default 1000. */
  maxQueued?: number;
  /** Sent at once at most. Default 8. */
  concurrency?: number;
  /** Sent at once to one shop (origin) at most, so a slow shop holds up only its own. Default 2. */
  perOriginConcurrency?: number;
  /** Waits before each retry after a failure (network, timeout, non-2xx). Default 1 s, 5 s, 30 s. */
  retryDelaysMs?: readonly number[];
  /** Per attempt. Default 5000 ms. */
  timeoutMs?: number;
}

export interface CallbackDelivery {
  url: string;
  params: CallbackParams;
  attempts: number;
  outcome: "delivered" | "failed" | "dropped";
}

interface Job {
  url: string;
  params: CallbackParams;
  attempts: number;
}

const MAX_LOG = 200;

export class CallbackQueue {
  private readonly secret: string;
  private readonly maxQueued: number;
  private readonly concurrency: number;
  private readonly perOrigin: number;
  private readonly inFlightByOrigin = new Map<string, number>();
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;
  private readonly ready: Job[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly log: CallbackDelivery[] = [];
  private closed = false;

  constructor(options: CallbackQueueOptions) {
    this.secret = options.secret;
    this.maxQueued = options.maxQueued ?? 1000;
    this.concurrency = options.concurrency ?? 8;
    this.perOrigin = options.perOriginConcurrency ?? 2;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 5000, 30_000];
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Queues one notification; returns at once. A URL that is not loopback is never called. */
  enqueue(url: string, params: CallbackParams): void {
    if (this.closed || !isLoopbackUrl(url)) return;
    this.push({ url, params, attempts: 0 });
  }

  /** The last deliveries and drops, oldest first (at most 200). */
  deliveries(): CallbackDelivery[] {
    return [...this.log];
  }

  /** Stops sending: waiting notifications are forgotten, those in flight aborted. */
  close(): void {
    this.closed = true;
    this.ready.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private push(job: Job): void {
    this.ready.push(job);
    while (this.ready.length + this.timers.size > this.maxQueued) {
      const dropped = this.ready.shift();
      if (dropped === undefined) break;
      this.record(dropped, "dropped");
    }
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.ready.length && !this.closed && this.inFlight.size < this.concurrency; ) {
      const job = this.ready[i];
      if (job === undefined) break;
      const origin = new URL(job.url).origin;
      if ((this.inFlightByOrigin.get(origin) ?? 0) >= this.perOrigin) {
        i++;
        continue;
      }
      this.ready.splice(i, 1);
      void this.attempt(job, origin);
    }
  }

  private async attempt(job: Job, origin: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.inFlightByOrigin.set(origin, (this.inFlightByOrigin.get(origin) ?? 0) + 1);
    job.attempts++;
    let delivered = false;
    try {
      const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const response = await fetch(this.urlOf(job), { method: "GET", redirect: "manual", signal: controller.signal });
        await response.body?.cancel();
        delivered = response.status >= 200 && response.status < 300;
      } finally {
        clearTimeout(timeout);
      }
    } catch {
      // Refused, reset or timed out: retried below.
    } finally {
      this.inFlight.delete(controller);
      const left = (this.inFlightByOrigin.get(origin) ?? 1) - 1;
      if (left > 0) this.inFlightByOrigin.set(origin, left);
      else this.inFlightByOrigin.delete(origin);
    }
    if (delivered) this.record(job, "delivered");
    else this.retryLater(job);
    this.pump();
  }

  private retryLater(job: Job): void {
    const delay = this.retryDelaysMs[job.attempts - 1];
    if (this.closed || delay === undefined) {
      this.record(job, "failed");
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.push(job);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private urlOf(job: Job): string {
    const url = new URL(job.url);
    url.searchParams.set("mdOrder", job.params.mdOrder);
    url.searchParams.set("orderNumber", job.params.orderNumber);
    url.searchParams.set("operation", job.params.operation);
    url.searchParams.set("status", String(job.params.status));
    url.searchParams.delete("checksum");
    // Over every parameter the shop receives, its own query included, so a verifier that hashes
    // all but `checksum` agrees.
    url.searchParams.set("checksum", callbackChecksum(Object.fromEntries(url.searchParams), this.secret));
    return url.toString();
  }

  private record(job: Job, outcome: CallbackDelivery["outcome"]): void {
    this.log.push({ url: job.url, params: job.params, attempts: job.attempts, outcome });
    if (this.log.length > MAX_LOG) this.log.shift();
  }
}
