// The merchant's orders page: status of one order and its Confirm / Void / Refund buttons.
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
    await this.page.goto(url);
    await expect(this.page).toHaveURL(/\/orders$/);
  }

  row(invoiceId: string): Locator {
    return this.page.locator(`#orders-body tr[data-invoice-id="${invoiceId}"]`);
  }

  status(invoiceId: string): Locator {
    return this.row(invoiceId).locator("td.status");
  }

  async act(invoiceId: string, action: "Confirm" | "Void" | "Refund"): Promise<void> {
    await this.row(invoiceId).getByRole("button", { name: new RegExp(`^${action} order`) }).click();
  }

  async expectStatus(invoiceId: string, status: string): Promise<void> {
    await expect(this.status(invoiceId)).toHaveText(status, { timeout: 10_000 });
  }
}
