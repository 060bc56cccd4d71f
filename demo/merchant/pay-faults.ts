// Test hook: makes the next `POST /api/pay` for one invoice fail on purpose (DEMO_TEST_HOOKS=1 only).
// before: answer 500 without calling the gateway; after: call it, then answer 500;
// drop: call it, then drop the connection. The widget's retry must still pay exactly once.
// Faults are per invoice so parallel e2e workers never take each other's.
export type PayFault = "before" | "after" | "drop";

export class PayFaults {
  readonly #armed = new Map<string, PayFault[]>();

  arm(invoiceId: string, fault: PayFault, times = 1): void {
    const queue = this.#armed.get(invoiceId) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.#armed.set(invoiceId, queue);
  }

  /** The fault for this request, if one is armed for its invoice. */
  take(invoiceId: string | undefined): PayFault | undefined {
    if (invoiceId === undefined) return undefined;
    const queue = this.#armed.get(invoiceId);
    const fault = queue?.shift();
    if (queue && queue.length === 0) this.#armed.delete(invoiceId);
    return fault;
  }

  get armedCount(): number {
    return this.#armed.size;
  }
}
