// Public face of the attempt store: the claim that lets one attempt at a time pay an invoice.
export type {
  AttemptStore,
  ClaimResult,
  Hold,
  HoldChange,
  HoldRequest,
  HoldStage,
  InvoiceAttempts,
  PaidRecord,
  RecordResult,
  TakeResult,
} from "./attempt-store.ts";
export { DEFAULT_UNRESOLVED_MS, UNRESOLVED_ON_LAPSE } from "./attempt-store.ts";
export { AttemptStoreFullError, memoryAttemptStore } from "./memory-attempt-store.ts";
export type { MemoryAttemptStoreOptions } from "./memory-attempt-store.ts";
export { redisAttemptStore } from "./redis-attempt-store.ts";
export type { RedisAttemptStoreOptions } from "./redis-attempt-store.ts";
export { fromIoredis, fromNodeRedis } from "./redis-client.ts";
export type { IoredisLike, NodeRedisLike, RedisScriptClient } from "./redis-client.ts";
