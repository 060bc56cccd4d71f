// The saved cards' demo page (/saved-cards, CloudPayments, `savedCards: true`) and the widget's
// list as a shopper sees it, in English: the demo login, "Next order", the cards as radios.
import { expect } from "@playwright/test";
import type { Locator, Page } from "@playwright/test";

export class SavedCardsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the page logged in as `customer` with none of their CloudPayments cards left from earlier runs (unless `keep`). */
  async openAs(customer: "alice" | "bob", options: { keep?: boolean } = {}): Promise<void> {
    await this.page.goto("/saved-cards?lang=en");
    await expect(this.page.locator("#customer option")).toHaveCount(3);
    const login = this.page.waitForResponse((response) => response.url().endsWith("/api/demo/login"));
    await this.page.selectOption("#customer", customer);
    await login;
    if (!options.keep) {
      await this.page.evaluate(async () => {
        const { cards } = (await (await fetch("/api/saved-cards")).json()) as { cards: { id: string }[] };
        for (const card of cards) await fetch(`/api/saved-cards/${encodeURIComponent(card.id)}`, { method: "DELETE" });
      });
    }
    // The widget asks for the cards as it mounts: once more, with the list as it is now.
    await this.page.reload();
    await expect(this.page.locator("#order[data-invoice-id]")).toBeVisible({ timeout: 15_000 });
  }

  async invoiceId(): Promise<string> {
    return (await this.page.locator("#order").getAttribute("data-invoice-id")) ?? "";
  }

  /** Prices a new order and mounts the widget for it; returns its invoice id. */
  async nextOrder(): Promise<string> {
    const before = await this.invoiceId();
    await this.page.getByRole("button", { name: "Next order" }).click();
    await expect(this.page.locator("#order")).not.toHaveAttribute("data-invoice-id", before);
    return this.invoiceId();
  }

  get list(): Locator {
    return this.page.getByRole("group", { name: "Your saved cards" });
  }
  card(name: RegExp | string): Locator {
    return this.page.getByRole("radio", { name });
  }
  /** The list's Pay button (not "Pay with another card"). */
  get payButton(): Locator {
    return this.page.locator("#checkout").getByRole("button", { name: /^Pay (?!with)/ });
  }
  get anotherCard(): Locator {
    return this.page.getByRole("button", { name: "Pay with another card" });
  }
  get saveCard(): Locator {
    return this.page.getByRole("checkbox", { name: "Save this card for next payments" });
  }

  /** The shopper's CloudPayments cards as the endpoint lists them now. */
  async savedCards(): Promise<{ id: string; lastFour: string }[]> {
    return this.page.evaluate(async () => ((await (await fetch("/api/saved-cards")).json()) as { cards: { id: string; lastFour: string }[] }).cards);
  }
}
