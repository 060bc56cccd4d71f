// checkout-widget/server/node: the Node-native path for the handlers of checkout-widget/server —
// a node:http adapter (Express too) and a keep-alive transport for the gateway clients.
export { createNodeListener, toNodeHandler } from "./node-adapter.ts";
export type { FetchHandler, NodeAdapterOptions } from "./node-adapter.ts";
export { nodeGatewayHttp } from "./node-gateway-http.ts";
export type { NodeGatewayHttp, NodeGatewayHttpOptions } from "./node-gateway-http.ts";
// The adapter records each request's socket address: `getClientIp: remoteAddress`.
export { remoteAddress } from "../request-context.ts";
