// Hosted mode's public face, and the npm entry `checkout-widget/hosted`: for a shop whose gateway
// hosts the card page itself (Invoice, RBS). Side-effect free; no card form, no node-forge.
import { createElement } from "preact";
import type { HostedOptions } from "../shared/index.ts";
import { HostedRoot } from "./hosted-root.tsx";

export { mount, open } from "./mount.tsx";
export type { HostedHandle, HostedOpenHandle } from "./mount.tsx";
export { version } from "../shared/index.ts";
export type {
  Appearance,
  HostedCancelPayload,
  HostedCompletePayload,
  HostedFailPayload,
  HostedOptions,
  HostedSuccessPayload,
  HostedTextKey,
  HostedTexts,
  Language,
  PaymentPageMode,
} from "../shared/index.ts";

/** The Preact component: `<HostedPay mode="hosted" endpoint=… invoiceId=… amount={1500} currency="RUB" />`. */
export function HostedPay(props: HostedOptions) {
  return createElement(HostedRoot, { options: props });
}
