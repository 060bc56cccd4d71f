// A demo shop checkout page: opens it, waits for its order, reads the widget events it logged.
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

export type DemoPath = "/script-tag" | "/modal" | "/element" | "/npm" | "/checkoutjs" | "/redirect" | "/two-stage" | "/csp";

export class ShopPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens a demo page and returns the invoice id of the order it created. */
  async open(path: DemoPath, language: "ru" | "en" = "ru"): Promise<string> {
    await this.page.goto(language === "en" ? `${path}?lang=en` : path);
    return this.invoiceId();
  }

  async invoiceId(): Promise<string> {
    const order = this.page.locator("#order[data-invoice-id]");
    await expect(order).toBeVisible({ timeout: 15_000 });
    const id = await order.getAttribute("data-invoice-id");
    if (!id) throw new Error("the page created no order");
    return id;
  }

  events(name?: "success" | "fail" | "complete" | "cancel"): Locator {
    return name ? this.page.locator(`#events li[data-event="${name}"]`) : this.page.locator("#events li");
  }
}
