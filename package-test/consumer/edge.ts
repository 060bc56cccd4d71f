// A route handler on an edge runtime (Workers, Vercel Edge, Deno): checkout-widget/server with
// Web types only, no @types/node. Typechecked without Node's types; bundled for a neutral target.
import { CloudPaymentsClient, createCheckoutHandlers } from "checkout-widget/server";

declare const env: { CP_PUBLIC_ID: string; CP_API_SECRET: string; CHECKOUT_SECRET: string };

const { pay, threeDsReturn } = createCheckoutHandlers({
  client: new CloudPaymentsClient({ publicId: env.CP_PUBLIC_ID, apiSecret: env.CP_API_SECRET }),
  secret: env.CHECKOUT_SECRET,
  getOrder: async (invoiceId) => (invoiceId === "1001" ? { amount: 1500, currency: "RUB" } : null),
  termUrl: "https://shop.example/api/3ds/return",
  returnUrl: "https://shop.example/done",
  allowedOrigins: ["https://shop.example"],
  getClientIp: (request) => request.headers.get("cf-connecting-ip") ?? undefined,
});

export default {
  fetch(request: Request): Promise<Response> {
    return new URL(request.url).pathname === "/api/pay" ? pay(request) : threeDsReturn(request);
  },
};
