// What a strict TypeScript consumer writes against every entry of the package. Typechecked with
// moduleResolution bundler, nodenext and node10; it is never run.
import { CardForm, createCryptogram, mount, type CheckoutOptions, type FailPayload } from "checkout-widget";
import { CheckoutWidget, useCheckoutWidget, type CheckoutWidgetHandle, type CheckoutWidgetProps } from "checkout-widget/react";
import { CloudPaymentsClient, GatewayTransportError, createCheckoutHandlers, type CheckoutHandlers, type GatewayHttp } from "checkout-widget/server";
import { createNodeListener, nodeGatewayHttp, remoteAddress, toNodeHandler, type NodeGatewayHttp } from "checkout-widget/server/node";
import { startSandbox, type Sandbox } from "checkout-widget/sandbox";
import { HostedPay, mount as mountHosted, open as openHosted, type HostedOptions, type HostedSuccessPayload } from "checkout-widget/hosted";

export const options: CheckoutOptions = {
  publicId: "pk_test",
  publicKeyUrl: "/api/publickey",
  endpoint: "/api",
  invoiceId: "1001",
  amount: 1500,
  currency: "RUB",
  onFail: (payload: FailPayload) => console.warn(payload.message),
};

export const props: CheckoutWidgetProps = { ...options, className: "checkout", style: { minHeight: 320 } };
// @ts-expect-error publicId is required
export const missing: CheckoutWidgetProps = { endpoint: "/api", invoiceId: "1", amount: 1, currency: "RUB" };
export const component: typeof CheckoutWidget = CheckoutWidget;
export const hook: typeof useCheckoutWidget = useCheckoutWidget;
export const submit = (handle: CheckoutWidgetHandle): void => handle.submit();
export const preactComponent: typeof CardForm = CardForm;

// Hosted mode (Invoice, RBS): no card or gateway-key option, and the card form takes none of its options.
export const hosted: HostedOptions = {
  mode: "hosted",
  endpoint: "/api/invoice",
  invoiceId: "1001",
  amount: 1500,
  currency: "RUB",
  paymentPage: "redirect",
  onSuccess: (payload: HostedSuccessPayload) => console.log(payload.transactionId.toUpperCase()),
};
// @ts-expect-error publicId is the card form's
export const mixedHosted: HostedOptions = { ...hosted, publicId: "pk_test" };
// @ts-expect-error the card form's options take no hosted mode
export const mixedCard: CheckoutOptions = { ...options, mode: "hosted" };
export const hostedComponent: typeof HostedPay = HostedPay;

export function hostedBrowser(target: HTMLElement): void {
  mountHosted(target, hosted).update({ amount: 2000 });
  openHosted(hosted).close();
}

export async function browser(target: HTMLElement): Promise<string> {
  const handle = mount(target, options);
  handle.update({ amount: 2000 });
  handle.unmount();
  return createCryptogram({ cardNumber: "4242424242424242", expDateMonthYear: "12/30", cvv: "123" }, { publicId: "pk", publicKeyPem: "", keyVersion: 1 });
}

export async function server(): Promise<void> {
  const http: NodeGatewayHttp = nodeGatewayHttp({ maxSockets: 16 });
  const transport: GatewayHttp = http;
  const client = new CloudPaymentsClient({ publicId: "pk", apiSecret: "secret", http: transport });
  const handlers: CheckoutHandlers = createCheckoutHandlers({
    client,
    secret: "0123456789abcdef0123456789abcdef",
    getOrder: async () => ({ amount: 1500, currency: "RUB" }),
    termUrl: "https://shop.example/api/3ds/return",
    returnUrl: "https://shop.example/done",
    allowedOrigins: ["https://shop.example"],
    getClientIp: remoteAddress,
    onPaymentEvent: (event) => console.log(event.operation, event.paymentTransactionId),
  });
  createNodeListener({ "/api/pay": handlers.pay, "/api/cloudpayments/pay": handlers.notifications.pay });
  toNodeHandler(handlers.threeDsReturn, { logger: { error: (message: string) => console.error(message) } });
  const sandbox: Sandbox = await startSandbox({ port: 0 });
  try {
    await client.test();
  } catch (error) {
    if (error instanceof GatewayTransportError && error.mayHaveReachedGateway) throw error;
  } finally {
    http.close();
    await sandbox.close();
  }
}
