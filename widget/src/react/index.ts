// checkout-widget/react: the widget for React 18 and 19 (React is the host app's, a peer).
// Built on the npm entry's mount()/update()/unmount(); nothing else of the widget is imported.
export { CheckoutWidget } from "./checkout-widget.ts";
export type { CheckoutWidgetHandle, CheckoutWidgetProps } from "./checkout-widget.ts";
export { useCheckoutWidget } from "./use-checkout-widget.ts";
export type { CheckoutWidgetControls } from "./use-checkout-widget.ts";
export type { CheckoutWidgetElementProps } from "./jsx.ts";
export type { CheckoutOptions, ChangePayload, CompletePayload, FailPayload, SuccessPayload } from "../index.ts";
