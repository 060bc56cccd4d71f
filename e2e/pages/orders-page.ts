// The merchant's orders page (in English): status of one order and its Confirm / Void / Refund
// buttons, each of which asks before it moves money.
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

export class OrdersPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the staff view through the demo's staff link (found by a test hook), as staff would. */
  async open(): Promise<void> {
    const link = await this.page.request.get("/api/__test/staff-link");
    const { url } = (await link.json()) as { url: string };
    // In English: the tests read the page's words.
    await this.page.goto(`${url}&lang=en`);
    await expect(this.page).toHaveURL(/\/orders\?lang=en$/);
  }

  row(invoiceId: string): Locator {
    return this.page.locator(`#orders-body tr[data-invoice-id="${invoiceId}"]`);
  }

  status(invoiceId: string): Locator {
    return this.row(invoiceId).locator("td.status");
  }

  /** Presses the action's button; the row then asks "…?" with "Yes, <action>" and "Cancel". */
  async ask(invoiceId: string, action: "Confirm" | "Void" | "Refund"): Promise<void> {
    await this.row(invoiceId).getByRole("button", { name: new RegExp(`^${action} · Order`) }).click();
  }

  async act(invoiceId: string, action: "Confirm" | "Void" | "Refund"): Promise<void> {
    await this.ask(invoiceId, action);
    await this.row(invoiceId).getByRole("button", { name: `Yes, ${action.toLowerCase()}` }).click();
  }

  /** The status as a code (`paid`, `authorized`…): the cell shows it in words. */
  async expectStatus(invoiceId: string, status: string): Promise<void> {
    await expect(this.status(invoiceId)).toHaveAttribute("data-status", status, { timeout: 10_000 });
  }
}
