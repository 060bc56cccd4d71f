// The npm component: `<CardForm publicId=… endpoint=… invoiceId=… amount={1500} currency="RUB" />`.
// Options are props; the component owns its payment controller and loads the cryptogram lazily.
import { useState } from "preact/hooks";
import type { CheckoutOptions } from "../options.ts";
import { CheckoutRoot } from "./checkout-root.tsx";
import { npmDeps } from "./npm-crypto.ts";
import { takeRedirectOutcome } from "./redirect-outcome.ts";

export type CardFormProps = CheckoutOptions;

export function CardForm(props: CardFormProps) {
  const { children: _children, ...options } = props as CardFormProps & { children?: unknown };
  // Read during the first client render only (useState initializer); a server render reads nothing.
  const [initialOutcome] = useState(takeRedirectOutcome);
  return <CheckoutRoot options={options} {...npmDeps} initialOutcome={initialOutcome} />;
}
