// The attempt store in Redis, for several instances: every method is one Lua script, so it is
// atomic on the server; holds carry a PX expiry, so a crashed instance's hold frees itself.
// An invoice's two keys share a hash tag, so the store also works on Redis Cluster.
import type {
  AttemptStore,
  ClaimResult,
  Hold,
  HoldStage,
  InvoiceAttempts,
  PaidRecord,
  RecordResult,
  TakeResult,
} from "./attempt-store.ts";
import type { RedisScriptClient } from "./redis-client.ts";

export interface RedisAttemptStoreOptions {
  /** `fromIoredis(new Redis(url))`, `fromNodeRedis(client)` or your own RedisScriptClient. */
  redis: RedisScriptClient;
  /** Prefix of every key, default "checkout:". */
  keyPrefix?: string;
}

// KEYS: hold, paid. ARGV: attempt, stage, reference, ttlMs, replaceable stages (comma-separated),
// "1" when the reference is given (else the attempt's own earlier reference is kept).
const CLAIM = `
local paid = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
if paid[1] then return {'paid', paid[1], paid[2], paid[3], paid[4]} end
local cur = redis.call('HMGET', KEYS[1], 'attempt', 'stage', 'ref')
local ref = ARGV[3]
local replaced = nil
if cur[1] then
  if cur[1] ~= ARGV[1] then
    local ttl = redis.call('PTTL', KEYS[1])
    local replaceable = false
    for stage in string.gmatch(ARGV[5], '[^,]+') do
      if stage == cur[2] then replaceable = true end
    end
    if not replaceable then return {'held', cur[1], cur[2], cur[3] or '', ttl} end
    replaced = {'claimed', cur[1], cur[2], cur[3] or '', ttl}
  elseif ARGV[6] ~= '1' then
    ref = cur[3] or ''
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'attempt', ARGV[1], 'stage', ARGV[2], 'ref', ref)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if replaced then return replaced end
return {'claimed'}
`;

// KEYS: hold. ARGV: attempt.
const RELEASE = `
if redis.call('HGET', KEYS[1], 'attempt') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;

// KEYS: hold, paid. ARGV: attempt, reference, captured ("1"/"0"), paidAt, ttlMs.
const RECORD_PAID = `
local cur = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
if cur[1] then
  if cur[1] ~= ARGV[1] or cur[2] ~= ARGV[2] then return {'already_paid', cur[1], cur[2], cur[3], cur[4]} end
else
  redis.call('HSET', KEYS[2], 'attempt', ARGV[1], 'ref', ARGV[2], 'captured', ARGV[3], 'at', ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
end
redis.call('DEL', KEYS[1])
return {'recorded'}
`;

// KEYS: hold, paid.
const READ = `
local h = redis.call('HMGET', KEYS[1], 'attempt', 'stage', 'ref')
local p = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
return {h[1] or '', h[2] or '', h[3] or '', redis.call('PTTL', KEYS[1]), p[1] or '', p[2] or '', p[3] or '', p[4] or ''}
`;

// KEYS: counter. ARGV: limit, windowMs.
const TAKE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    ttl = tonumber(ARGV[2])
  end
  return {0, ttl}
end
redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, 0}
`;

// KEYS: counter.
const GIVE_BACK = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return n
`;

const STAGES: readonly HoldStage[] = ["call", "challenge", "hosted"];

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (typeof value === "number") return String(value);
  throw new TypeError("Unexpected reply from Redis");
}

function reply(value: unknown): string[] {
  if (!Array.isArray(value)) throw new TypeError("Unexpected reply from Redis");
  return value.map(text);
}

function stageOf(value: string | undefined): HoldStage {
  const stage = STAGES.find((s) => s === value);
  if (stage === undefined) throw new TypeError("Unexpected hold stage in Redis");
  return stage;
}

function holdOf(attemptId: string, stage: string | undefined, reference: string | undefined, ttl: string | undefined): Hold {
  return {
    attemptId,
    stage: stageOf(stage),
    reference: reference === undefined || reference === "" ? null : reference,
    remainingMs: Math.max(0, Number(ttl ?? 0)),
  };
}

function paidOf(fields: string[]): PaidRecord {
  const [attemptId = "", reference = "", captured = "", paidAt = "0"] = fields;
  return { attemptId, reference, captured: captured === "1", paidAt: Number(paidAt) };
}

/** Only characters that cannot end a hash tag or separate a key's parts. */
const tagOf = (invoiceId: string) => encodeURIComponent(invoiceId);

export function redisAttemptStore(options: RedisAttemptStoreOptions): AttemptStore {
  const { redis } = options;
  const prefix = options.keyPrefix ?? "checkout:";
  const keys = (invoiceId: string) => {
    const tag = `${prefix}{${tagOf(invoiceId)}}`;
    return [`${tag}:hold`, `${tag}:paid`] as const;
  };
  const counterKey = (key: string) => `${prefix}attempts:${encodeURIComponent(key)}`;
  const run = async (script: string, scriptKeys: readonly string[], args: readonly (string | number)[]) =>
    redis.evalScript(script, scriptKeys, args.map(String));

  return {
    async claim(invoiceId, request): Promise<ClaimResult> {
      const [status, ...rest] = reply(
        await run(CLAIM, keys(invoiceId), [
          request.attemptId,
          request.stage,
          request.reference ?? "",
          Math.max(1, Math.ceil(request.ttlMs)),
          (request.replaces ?? []).join(","),
          request.reference !== undefined ? "1" : "0",
        ]),
      );
      if (status === "paid") return { kind: "paid", paid: paidOf(rest) };
      const [attemptId, stage, reference, ttl] = rest;
      if (status === "held" && attemptId !== undefined) return { kind: "held", hold: holdOf(attemptId, stage, reference, ttl) };
      if (status !== "claimed") throw new TypeError("Unexpected reply from Redis");
      return { kind: "claimed", replaced: attemptId === undefined ? null : holdOf(attemptId, stage, reference, ttl) };
    },

    async release(invoiceId, attemptId) {
      const [hold] = keys(invoiceId);
      return Number(await run(RELEASE, [hold], [attemptId])) === 1;
    },

    async recordPaid(invoiceId, paid: PaidRecord, ttlMs): Promise<RecordResult> {
      const [status, ...rest] = reply(
        await run(RECORD_PAID, keys(invoiceId), [
          paid.attemptId,
          paid.reference,
          paid.captured ? "1" : "0",
          paid.paidAt,
          Math.max(1, Math.ceil(ttlMs)),
        ]),
      );
      if (status === "already_paid") return { kind: "already_paid", paid: paidOf(rest) };
      if (status !== "recorded") throw new TypeError("Unexpected reply from Redis");
      return { kind: "recorded" };
    },

    async read(invoiceId): Promise<InvoiceAttempts> {
      const [attemptId = "", stage, reference, ttl, ...paid] = reply(await run(READ, keys(invoiceId), []));
      return {
        hold: attemptId === "" ? null : holdOf(attemptId, stage, reference, ttl),
        paid: paid[0] === undefined || paid[0] === "" ? null : paidOf(paid),
      };
    },

    async takeAttempt(key, limit, windowMs): Promise<TakeResult> {
      const [taken, ttl] = reply(await run(TAKE, [counterKey(key)], [limit, Math.max(1, Math.ceil(windowMs))]));
      return taken === "1" ? { kind: "taken" } : { kind: "full", retryAfterMs: Math.max(0, Number(ttl)) };
    },

    async returnAttempt(key) {
      await run(GIVE_BACK, [counterKey(key)], []);
    },
  };
}
