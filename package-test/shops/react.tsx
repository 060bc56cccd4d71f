/** @jsxImportSource react */
// A React shop (18 or 19: the same source), in StrictMode as create-react-app and Next.js run it.
import { StrictMode, useRef, useState, version } from "react";
import { createRoot } from "react-dom/client";
import { CheckoutWidget, type CheckoutOptions, type CheckoutWidgetHandle } from "checkout-widget/react";

declare const __SHOP__: { app: string; framework: string };

function Shop({ options }: { options: CheckoutOptions }) {
  const [renders, setRenders] = useState(0);
  const [paid, setPaid] = useState<string | null>(null);
  const widget = useRef<CheckoutWidgetHandle>(null);
  return (
    <main>
      <h1>React {version} shop</h1>
      {/* Each click re-renders the shop with a new onSuccess closure: the widget must stay mounted
          (what was typed stays) and call the newest one. */}
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        Re-render
      </button>
      <CheckoutWidget
        ref={widget}
        {...options}
        className="checkout"
        onSuccess={(payload) => setPaid(`transaction ${payload.transactionId} after ${renders} re-renders`)}
      />
      <button type="button" onClick={() => widget.current?.submit()}>
        Place order
      </button>
      {paid && <p id="paid">Paid: {paid}</p>}
    </main>
  );
}

async function main(): Promise<void> {
  const options = (await (await fetch(`/config.json?app=${__SHOP__.app}`)).json()) as CheckoutOptions;
  const root = document.getElementById("app");
  if (!root) throw new Error("no #app");
  document.body.dataset["framework"] = `react ${version}`;
  createRoot(root).render(
    <StrictMode>
      <Shop options={options} />
    </StrictMode>,
  );
}

void main();
