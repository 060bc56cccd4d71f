// checkout-widget/server: the merchant side. Node 20+ (or any runtime with fetch and Web Crypto).
export * from "./attempts/index.ts";
export * from "./client/index.ts";
export type * from "./gateway/index.ts";
export { CLOUDPAYMENTS_NOTIFICATION_TYPES, cloudPaymentsGateway, readCloudPaymentsNotification } from "./gateway/index.ts";
export * from "./handlers/index.ts";
export { createNodeListener, toNodeHandler } from "./node-adapter.ts";
export type { NodeAdapterOptions } from "./node-adapter.ts";
export { setRemoteAddress } from "./request-context.ts";
export * from "./contract.ts";
