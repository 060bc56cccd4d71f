// checkout-widget/server: the merchant side, Web-standard only (Fetch API, Web Crypto), so the
// same handlers run on Node, Bun, Deno, Workers and Next.js route handlers. Nothing here imports
// a `node:` module; the Node adapter and keep-alive transport are checkout-widget/server/node.
export * from "./attempts/index.ts";
export * from "./client/index.ts";
export type * from "./gateway/index.ts";
export { CLOUDPAYMENTS_NOTIFICATION_TYPES, cloudPaymentsGateway, invoiceGateway, rbsGateway, readCloudPaymentsNotification } from "./gateway/index.ts";
export * from "./saved-cards/index.ts";
export * from "./handlers/index.ts";
export { remoteAddress, setRemoteAddress } from "./request-context.ts";
export * from "./contract.ts";
