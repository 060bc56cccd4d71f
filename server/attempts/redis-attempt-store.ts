// The attempt store in Redis, for several instances: every method is one Lua script, so it is
// atomic on the server. A hold lapses at a time Redis's own clock keeps in the hold; a lapsed
// `challenge` is gone, a lapsed `call`/`hosted` one stays (unresolved) until the kit has asked the
// gateway, with a PX expiry at least as long as the paid record's.
// An invoice's two keys share a hash tag, so the store also works on Redis Cluster.
import {
  DEFAULT_UNRESOLVED_MS,
  type AttemptStore,
  type ClaimResult,
  type Hold,
  type HoldChange,
  type HoldStage,
  type InvoiceAttempts,
  type PaidRecord,
  type RecordResult,
  type TakeResult,
} from "./attempt-store.ts";
import type { RedisScriptClient } from "./redis-client.ts";

export interface RedisAttemptStoreOptions {
  /** `fromIoredis(new Redis(url))`, `fromNodeRedis(client)` or your own RedisScriptClient. */
  redis: RedisScriptClient;
  /** Prefix of every key, default "checkout:". */
  keyPrefix?: string;
}

// Redis's own clock (TIME) decides when a hold lapses, so instances with skewed clocks agree.
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

// A hold lives for its ttl, and a `call`/`hosted` one for unresolvedMs longer, as unresolved.
const EXPIRE = `
local function expireHold(key, stage, ttl, unresolved)
  if stage == 'call' or stage == 'hosted' then ttl = ttl + unresolved end
  redis.call('PEXPIRE', key, ttl)
end
local function holdReply(status, h, now)
  local remaining = tonumber(h[5] or '0') - now
  local unresolved = '0'
  if remaining <= 0 then
    remaining = 0
    if h[2] ~= 'challenge' then unresolved = '1' end
  end
  return {status, h[1], h[2], h[3] or '', h[4] or '', remaining, unresolved}
end
local function listed(list, item)
  for entry in string.gmatch(list, '[^,]+') do
    if entry == item then return true end
  end
  return false
end
`;

const HOLD_FIELDS = `'attempt', 'stage', 'ref', 'lease', 'lapse'`;

// KEYS: hold, paid. ARGV: attempt, stage, reference, ttlMs, replaceable stages (comma-separated),
// "1" when the reference is given, renewable own stages, unresolvedMs, new lease.
const CLAIM = `${NOW}${EXPIRE}
local paid = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
if paid[1] then return {'paid', paid[1], paid[2], paid[3], paid[4]} end
local cur = redis.call('HMGET', KEYS[1], ${HOLD_FIELDS})
local ref = ARGV[3]
local replaced = nil
if cur[1] then
  -- A hold written without a lapse time (an older kit) counts as lapsed.
  if tonumber(cur[5] or '0') <= now then
    if cur[2] == 'challenge' then
      cur = {}
    else
      return holdReply('unresolved', cur, now)
    end
  end
end
if cur[1] then
  if cur[1] ~= ARGV[1] then
    if not listed(ARGV[5], cur[2]) then return holdReply('held', cur, now) end
    replaced = holdReply('claimed', cur, now)
    if ARGV[6] ~= '1' then ref = '' end
  else
    local own = (cur[3] or '') == '' or (ARGV[6] == '1' and cur[3] == ARGV[3])
    if not listed(ARGV[7], cur[2]) or not own then return holdReply('held', cur, now) end
    if ARGV[6] ~= '1' then ref = cur[3] or '' end
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'attempt', ARGV[1], 'stage', ARGV[2], 'ref', ref, 'lease', ARGV[9], 'lapse', now + tonumber(ARGV[4]))
expireHold(KEYS[1], ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[8]))
if replaced then return {'claimed', ARGV[9], replaced[2], replaced[3], replaced[4], replaced[5], replaced[6], replaced[7]} end
return {'claimed', ARGV[9]}
`;

// KEYS: hold. ARGV: lease, stage, reference, "1" when the reference is given, ttlMs, unresolvedMs.
const UPDATE = `${NOW}${EXPIRE}
if redis.call('HGET', KEYS[1], 'lease') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'stage', ARGV[2], 'lapse', now + tonumber(ARGV[5]))
if ARGV[4] == '1' then redis.call('HSET', KEYS[1], 'ref', ARGV[3]) end
expireHold(KEYS[1], ARGV[2], tonumber(ARGV[5]), tonumber(ARGV[6]))
return 1
`;

// KEYS: hold. ARGV: lease.
const RELEASE = `
if redis.call('HGET', KEYS[1], 'lease') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;

// KEYS: hold, paid. ARGV: attempt, reference, captured ("1"/"0"), paidAt, ttlMs.
const RECORD_PAID = `
local cur = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
if cur[1] then
  if cur[2] ~= ARGV[2] then return {'already_paid', cur[1], cur[2], cur[3], cur[4]} end
else
  redis.call('HSET', KEYS[2], 'attempt', ARGV[1], 'ref', ARGV[2], 'captured', ARGV[3], 'at', ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
end
redis.call('DEL', KEYS[1])
return {'recorded'}
`;

// KEYS: hold, paid.
const READ = `${NOW}${EXPIRE}
local h = redis.call('HMGET', KEYS[1], ${HOLD_FIELDS})
local p = redis.call('HMGET', KEYS[2], 'attempt', 'ref', 'captured', 'at')
local hold = {'none'}
if h[1] then hold = holdReply('hold', h, now) end
return {hold, {p[1] or '', p[2] or '', p[3] or '', p[4] or ''}}
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

/** A hold as the scripts answer it: attempt, stage, reference, lease, remaining ms, unresolved. */
function holdOf(fields: readonly string[]): Hold {
  const [attemptId = "", stage, reference, lease = "", remaining, unresolved] = fields;
  return {
    attemptId,
    stage: stageOf(stage),
    reference: reference === undefined || reference === "" ? null : reference,
    lease,
    remainingMs: Math.max(0, Number(remaining ?? 0)),
    unresolved: unresolved === "1",
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
  const ms = (value: number) => Math.max(1, Math.ceil(value));

  return {
    async claim(invoiceId, request): Promise<ClaimResult> {
      const lease = crypto.randomUUID();
      const [status, ...rest] = reply(
        await run(CLAIM, keys(invoiceId), [
          request.attemptId,
          request.stage,
          request.reference ?? "",
          ms(request.ttlMs),
          (request.replaces ?? []).join(","),
          request.reference !== undefined && request.reference !== null ? "1" : "0",
          (request.renews ?? STAGES).join(","),
          ms(request.unresolvedMs ?? DEFAULT_UNRESOLVED_MS),
          lease,
        ]),
      );
      if (status === "paid") return { kind: "paid", paid: paidOf(rest) };
      if (status === "held" && rest.length >= 6) return { kind: "held", hold: holdOf(rest) };
      if (status === "unresolved" && rest.length >= 6) return { kind: "unresolved", hold: holdOf(rest) };
      if (status !== "claimed" || rest[0] !== lease) throw new TypeError("Unexpected reply from Redis");
      return { kind: "claimed", lease, replaced: rest.length > 1 ? holdOf(rest.slice(1)) : null };
    },

    async update(invoiceId, lease, change: HoldChange) {
      const [hold] = keys(invoiceId);
      const given = change.reference !== undefined;
      return (
        Number(
          await run(UPDATE, [hold], [
            lease,
            change.stage,
            change.reference ?? "",
            given ? "1" : "0",
            ms(change.ttlMs),
            ms(change.unresolvedMs ?? DEFAULT_UNRESOLVED_MS),
          ]),
        ) === 1
      );
    },

    async release(invoiceId, lease) {
      const [hold] = keys(invoiceId);
      return Number(await run(RELEASE, [hold], [lease])) === 1;
    },

    async recordPaid(invoiceId, paid: PaidRecord, ttlMs): Promise<RecordResult> {
      const [status, ...rest] = reply(
        await run(RECORD_PAID, keys(invoiceId), [paid.attemptId, paid.reference, paid.captured ? "1" : "0", paid.paidAt, ms(ttlMs)]),
      );
      if (status === "already_paid") return { kind: "already_paid", paid: paidOf(rest) };
      if (status !== "recorded") throw new TypeError("Unexpected reply from Redis");
      return { kind: "recorded" };
    },

    async read(invoiceId): Promise<InvoiceAttempts> {
      const answer = await run(READ, keys(invoiceId), []);
      if (!Array.isArray(answer) || answer.length !== 2) throw new TypeError("Unexpected reply from Redis");
      const [holdStatus, ...hold] = reply(answer[0]);
      const paid = reply(answer[1]);
      return {
        hold: holdStatus === "hold" ? holdOf(hold) : null,
        paid: paid[0] === undefined || paid[0] === "" ? null : paidOf(paid),
      };
    },

    async takeAttempt(key, limit, windowMs): Promise<TakeResult> {
      const [taken, ttl] = reply(await run(TAKE, [counterKey(key)], [limit, ms(windowMs)]));
      return taken === "1" ? { kind: "taken" } : { kind: "full", retryAfterMs: Math.max(0, Number(ttl)) };
    },

    async returnAttempt(key) {
      await run(GIVE_BACK, [counterKey(key)], []);
    },
  };
}
