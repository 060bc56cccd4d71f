// Public face of the RBS client.
export { RbsClient } from "./rbs-client.ts";
export type { RbsClientOptions } from "./rbs-client.ts";
export { RbsError, isRbsError } from "./errors.ts";
export type { RbsErrorCode } from "./errors.ts";
export { rbsCallbackChecksum, verifyRbsCallback } from "./callback-checksum.ts";
export type { CallbackParamsInput, RbsCallback, RbsCallbackCheck, RbsCallbackOperation } from "./callback-checksum.ts";
export { fromKopecks, toKopecks } from "./money.ts";
export type * from "./models.ts";
