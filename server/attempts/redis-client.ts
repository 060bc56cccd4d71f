// The one thing the Redis attempt store needs from a Redis client: run a Lua script atomically.
// The kit depends on no Redis library; these adapters fit the two common ones by their shape
// (no import of either), and any other client fits in three lines.

export interface RedisScriptClient {
  /** `EVAL script numkeys keys… args…`, resolving to Redis's reply. */
  evalScript(script: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
}

/** What ioredis's `Redis` / `Cluster` offer (`redis.eval(script, numKeys, ...keysAndArgs)`). */
export interface IoredisLike {
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** What node-redis's client offers (`client.eval(script, { keys, arguments })`, v4 and later). */
export interface NodeRedisLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export function fromIoredis(redis: IoredisLike): RedisScriptClient {
  return { evalScript: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args) };
}

export function fromNodeRedis(client: NodeRedisLike): RedisScriptClient {
  return { evalScript: (script, keys, args) => client.eval(script, { keys: [...keys], arguments: [...args] }) };
}
