// The npm component: `<CardForm publicId=… endpoint=… invoiceId=… amount={1500} currency="RUB" />`.
// Options are props; the component owns its payment controller and loads the late code lazily.
// No hooks: the widget's components are classes, so no hooks runtime rides on the critical path.
import type { CheckoutOptions } from "../shared/index.ts";
import { CheckoutRoot } from "./checkout-root.tsx";

/** `<CardForm>`'s props: the widget's options (CheckoutOptions); a changed prop updates the form in place. */
export type CardFormProps = CheckoutOptions;

export function CardForm(props: CardFormProps) {
  const { children: _children, ...options } = props as CardFormProps & { children?: unknown };
  return <CheckoutRoot options={options} />;
}
