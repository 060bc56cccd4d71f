// 3-D Secure steps waiting for their code: one random, single-use id per card submission, so
// the code form never carries card data. Bounded and short-lived.
import crypto from "node:crypto";
import { BoundedMap } from "../bounded-map.ts";
import type { CardOutcome } from "./outcome.ts";

export interface Challenge {
  ref: string;
  /** The outcome when the code is right. */
  outcome: CardOutcome;
  expiresAt: number;
}

export class ChallengeStore {
  private readonly entries: BoundedMap<string, Challenge>;

  constructor(
    maxEntries: number,
    private readonly ttlMs: number,
  ) {
    this.entries = new BoundedMap(maxEntries);
  }

  open(ref: string, outcome: CardOutcome, now: number): string {
    this.prune(now);
    const id = crypto.randomBytes(24).toString("base64url");
    this.entries.set(id, { ref, outcome, expiresAt: now + this.ttlMs });
    return id;
  }

  /** Takes the challenge (it cannot be used twice); undefined when unknown, used, expired or of another payment. */
  take(id: string, ref: string, now: number): Challenge | undefined {
    const challenge = this.entries.get(id);
    if (challenge === undefined || challenge.ref !== ref) return undefined;
    this.entries.delete(id);
    return challenge.expiresAt > now ? challenge : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    // Same TTL for all: insertion order is expiry order.
    for (const id of this.entries.keys()) {
      const challenge = this.entries.get(id);
      if (challenge === undefined || challenge.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
