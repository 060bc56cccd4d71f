/** @jsxImportSource preact */
// A Preact shop, as a merchant writes it: CardForm from the npm entry, options from its server.
import { render } from "preact";
import { useState } from "preact/hooks";
import { CardForm, type CheckoutOptions, type SuccessPayload } from "checkout-widget";

declare const __SHOP__: { app: string; framework: string };

function Shop({ options }: { options: CheckoutOptions }) {
  const [paid, setPaid] = useState<SuccessPayload | null>(null);
  return (
    <main>
      <h1>{__SHOP__.framework} shop</h1>
      <CardForm {...options} onSuccess={setPaid} />
      {paid && <p id="paid">Paid: transaction {paid.transactionId}</p>}
    </main>
  );
}

async function main(): Promise<void> {
  const options = (await (await fetch(`/config.json?app=${__SHOP__.app}`)).json()) as CheckoutOptions;
  const root = document.getElementById("app");
  if (!root) throw new Error("no #app");
  document.body.dataset["framework"] = __SHOP__.framework;
  render(<Shop options={options} />, root);
}

void main();
