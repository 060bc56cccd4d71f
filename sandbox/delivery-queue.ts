// Sends the gateways' server-to-server requests to the shop (CloudPayments notifications, RBS
// callbacks): only to loopback addresses, from a bounded queue, a few at a time and at most two
// per shop, each with a timeout, retried after a failure (network, timeout, an answer the shop did
// not accept). A slow or dead shop delays nothing but its own requests.
import { isLoopbackUrl } from "./loopback.ts";

export interface OutgoingRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export interface DeliveryQueueOptions {
  /** Whether the shop's answer counts as received (else it is retried). */
  accept(status: number, body: string): boolean;
  /** Requests waiting to be sent; past it the oldest waiting one is dropped. Default 1000. */
  maxQueued?: number;
  /** Sent at once at most. Default 8. */
  concurrency?: number;
  /** Sent at once to one shop (origin) at most. Default 2. */
  perOriginConcurrency?: number;
  /** Waits before each retry. Default 1 s, 5 s, 30 s (the gateway waits minutes; a test cannot). */
  retryDelaysMs?: readonly number[];
  /** Per attempt. Default 5000 ms. */
  timeoutMs?: number;
}

export interface DeliveryRecord<Tag = unknown> {
  url: string;
  tag: Tag;
  attempts: number;
  outcome: "delivered" | "failed" | "dropped";
}

interface Job<Tag> {
  request: OutgoingRequest;
  tag: Tag;
  attempts: number;
}

const MAX_LOG = 200;
/** The most of a shop's answer read, to judge it. */
const MAX_ANSWER_BYTES = 4096;

async function readSome(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8");
}

export class DeliveryQueue<Tag> {
  private readonly accept: DeliveryQueueOptions["accept"];
  private readonly maxQueued: number;
  private readonly concurrency: number;
  private readonly perOrigin: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;
  private readonly ready: Job<Tag>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly inFlightByOrigin = new Map<string, number>();
  private readonly log: DeliveryRecord<Tag>[] = [];
  private closed = false;

  constructor(options: DeliveryQueueOptions) {
    this.accept = options.accept;
    this.maxQueued = options.maxQueued ?? 1000;
    this.concurrency = options.concurrency ?? 8;
    this.perOrigin = options.perOriginConcurrency ?? 2;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 5000, 30_000];
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Queues one request; returns at once. A URL that is not loopback is never called. */
  enqueue(request: OutgoingRequest, tag: Tag): void {
    if (this.closed || !isLoopbackUrl(request.url)) return;
    this.push({ request, tag, attempts: 0 });
  }

  /** The last deliveries and drops, oldest first (at most 200). */
  deliveries(): DeliveryRecord<Tag>[] {
    return [...this.log];
  }

  /** Stops sending: waiting requests are forgotten, those in flight aborted. */
  close(): void {
    this.closed = true;
    this.ready.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
  }

  private push(job: Job<Tag>): void {
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
      const origin = new URL(job.request.url).origin;
      if ((this.inFlightByOrigin.get(origin) ?? 0) >= this.perOrigin) {
        i++;
        continue;
      }
      this.ready.splice(i, 1);
      void this.attempt(job, origin);
    }
  }

  private async attempt(job: Job<Tag>, origin: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    this.inFlightByOrigin.set(origin, (this.inFlightByOrigin.get(origin) ?? 0) + 1);
    job.attempts++;
    let delivered = false;
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const { url, method, headers, body } = job.request;
      const response = await fetch(url, { method, headers, body: body ?? null, redirect: "manual", signal: controller.signal });
      delivered = this.accept(response.status, await readSome(response));
    } catch {
      // Refused, reset or timed out: retried below.
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
      const left = (this.inFlightByOrigin.get(origin) ?? 1) - 1;
      if (left > 0) this.inFlightByOrigin.set(origin, left);
      else this.inFlightByOrigin.delete(origin);
    }
    if (delivered) this.record(job, "delivered");
    else this.retryLater(job);
    this.pump();
  }

  private retryLater(job: Job<Tag>): void {
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

  private record(job: Job<Tag>, outcome: DeliveryRecord<Tag>["outcome"]): void {
    this.log.push({ url: job.request.url, tag: job.tag, attempts: job.attempts, outcome });
    if (this.log.length > MAX_LOG) this.log.shift();
  }
}
