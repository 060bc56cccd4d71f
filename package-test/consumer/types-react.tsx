// Type tests from React (18 and 19 types): each `@ts-expect-error` line must stay an error and
// everything else must compile. Typechecked, never run.
import { createRef } from "react";
import { CheckoutWidget, type CheckoutWidgetElementProps, type CheckoutWidgetHandle } from "checkout-widget/react";
import type { CheckoutOptions, CheckoutWidgetElement } from "checkout-widget";

const options: CheckoutOptions = { publicId: "pk", endpoint: "/api", invoiceId: "1001", amount: 1500, currency: "RUB" };
const handle = createRef<CheckoutWidgetHandle>();
const element = createRef<CheckoutWidgetElement>();

export const widget = <CheckoutWidget {...options} ref={handle} className="pay" onFail={(failed) => failed.message.trim()} texts={{ pay: "Pay {amount}" }} />;
// @ts-expect-error publicId is required
export const missing = <CheckoutWidget endpoint="/api" invoiceId="1" amount={1} currency="RUB" />;
// @ts-expect-error a text key the widget does not have
export const badKey = <CheckoutWidget {...options} texts={{ payy: "Pay" }} />;

export const custom = <checkout-widget ref={element} public-id="pk" endpoint="/api" invoice-id="1001" amount="1500" currency="RUB" className="pay" oncheckout-complete={(event) => event.detail.status} />;
// @ts-expect-error attributes are kebab case
export const camel = <checkout-widget invoiceId="1001" />;
// @ts-expect-error threeDs takes "iframe" or "redirect"
export const mode = <checkout-widget three-ds="popup" />;
export const props: CheckoutWidgetElementProps = { "invoice-id": "1001", "oncheckout-success": (event) => event.detail.amount };
