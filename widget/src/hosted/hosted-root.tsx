// The one component behind every hosted-mode entry (mount, open, the npm component): checks the
// options, reads a return from the gateway's page off the URL (once), owns the flow, and draws
// the view, or for wrong options one localised line (the console says what to fix).
import { Component } from "preact";
import type { HostedOptions } from "../shared/index.ts";
import { createHostedFlow } from "./flow.ts";
import type { HostedFlow, HostedFlowDeps } from "./flow.ts";
import { hostedOptionProblems } from "./options.ts";
import { readHostedReturn } from "./return-result.ts";
import { askSavedCards } from "./ask-saved-cards.ts";
import { HostedView } from "./views.tsx";
import type { BeforePay } from "./views.tsx";

export interface HostedRootProps {
  options: HostedOptions;
  /** Drawn in place of the Pay button; default, with `savedCards: true`, the shopper's saved cards once listed. */
  beforePay?: BeforePay;
  /** Test seams: fetch, ids, window, storage. */
  deps?: Omit<HostedFlowDeps, "initial">;
}

/** A new order (or endpoint) is a new payment: a new flow, once the one in flight is over. */
const paymentKey = (options: HostedOptions): string => `${options.endpoint}\n${options.invoiceId}`;

export class HostedRoot extends Component<HostedRootProps, { saved?: BeforePay | undefined }> {
  #flow: { key: string; flow: HostedFlow } | null = null;
  #reported = "";
  #read = false;

  readonly #flowFor = (options: HostedOptions): HostedFlow => {
    const key = paymentKey(options);
    const current = this.#flow;
    if (current?.key === key) {
      current.flow.setOptions(options);
      return current.flow;
    }
    // Another order while a payment is under way: that payment finishes first, as it began.
    if (current && /^(submitting|page|leaving)$/.test(current.flow.getState().kind)) return current.flow;
    current?.flow.destroy();
    // The URL's outcome belongs to the first flow of this widget (the page it came back to).
    const initial = this.#read || typeof location === "undefined" ? null : readHostedReturn(location, { invoiceId: options.invoiceId });
    this.#read = true;
    const flow = createHostedFlow(options, { ...this.props.deps, initial });
    this.#flow = { key, flow };
    return flow;
  };

  override componentDidMount(): void {
    const { options, deps } = this.props;
    if (options.savedCards) void askSavedCards(options.endpoint, deps?.fetch).then((saved) => this.#flow && this.setState({ saved }));
  }

  override componentWillUnmount(): void {
    this.#flow?.flow.destroy();
    this.#flow = null;
  }

  override render({ options, beforePay }: HostedRootProps, { saved }: { saved?: BeforePay | undefined }) {
    const problems = hostedOptionProblems(options);
    const said = problems.join("\n");
    if (said !== this.#reported) {
      this.#reported = said;
      for (const problem of problems) console.error(problem);
    }
    // Wrong options: the view draws one localised line and no flow exists.
    return <HostedView flow={problems.length > 0 ? null : this.#flowFor(options)} options={options} beforePay={beforePay ?? saved} />;
  }
}
