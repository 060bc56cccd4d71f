// The checkout widget as a shopper sees it: found by accessible names in Russian or English,
// so the same page object drives every entry (script tag, modal, element, npm, CSP page).
import { expect } from "@playwright/test";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import { AcsPage } from "./acs-page.ts";

export interface CardDetails {
  number: string;
  cvc: string;
  expiry?: string;
  name?: string;
}

export type ResultKind = "approved" | "declined" | "failed";

const NAMES = {
  cardNumber: /^(card number|номер карты)/i,
  expiry: /^(expiry date|срок действия)/i,
  cvc: /^cvc/i,
  name: /^(name on card|имя на карте)/i,
  pay: /^(pay|оплатить)(\s|$)/i,
  retry: /^(try again|попробовать снова)$/i,
  threeDsDialog: /^(confirm the payment|подтверждение платежа)$/i,
  threeDsFrame: /^(your bank's confirmation page|страница подтверждения вашего банка)$/i,
  cancel: /^(cancel|отменить)$/i,
  approved: /^(payment successful|оплата прошла)$/i,
  declined: /^(payment declined|платёж отклонён)$/i,
  failed: /^(payment failed|не удалось провести платёж)$/i,
} as const;

export class WidgetPage {
  readonly page: Page;
  /** Where the widget lives: the page, or a container (e.g. the modal dialog). */
  readonly root: Locator;

  constructor(page: Page, root?: Locator) {
    this.page = page;
    this.root = root ?? page.locator("body");
  }

  get cardNumber(): Locator {
    return this.root.getByLabel(NAMES.cardNumber);
  }
  get expiry(): Locator {
    return this.root.getByLabel(NAMES.expiry);
  }
  get cvc(): Locator {
    return this.root.getByLabel(NAMES.cvc);
  }
  get name(): Locator {
    return this.root.getByLabel(NAMES.name);
  }
  get payButton(): Locator {
    return this.root.getByRole("button", { name: NAMES.pay });
  }
  get retryButton(): Locator {
    return this.page.getByRole("button", { name: NAMES.retry });
  }
  get threeDsDialog(): Locator {
    return this.page.getByRole("dialog", { name: NAMES.threeDsDialog });
  }
  get threeDsFrame(): FrameLocator {
    return this.threeDsDialog.frameLocator("iframe");
  }
  get threeDsCancel(): Locator {
    return this.threeDsDialog.getByRole("button", { name: NAMES.cancel });
  }

  /** The bank's page inside the 3-D Secure dialog. */
  acs(): AcsPage {
    return new AcsPage(this.threeDsFrame);
  }

  async waitForForm(): Promise<void> {
    await expect(this.cardNumber).toBeVisible({ timeout: 15_000 });
  }

  /** Types like a shopper (key by key), so the widget's formatting runs as in real use. */
  async fillCard(card: CardDetails): Promise<void> {
    await this.waitForForm();
    await this.cardNumber.pressSequentially(card.number.replace(/\s/g, ""));
    await this.expiry.pressSequentially((card.expiry ?? "12/30").replace(/\D/g, ""));
    await this.cvc.pressSequentially(card.cvc);
    if (await this.name.count()) await this.name.fill(card.name ?? "IVAN PETROV");
  }

  async submit(): Promise<void> {
    await this.payButton.click();
  }

  async pay(card: CardDetails): Promise<void> {
    await this.fillCard(card);
    await this.submit();
  }

  heading(kind: ResultKind): Locator {
    return this.page.getByRole("heading", { name: NAMES[kind] });
  }

  /** Waits for a result screen and returns which one and its text. */
  async result(timeout = 20_000): Promise<{ kind: ResultKind; text: string }> {
    const any = this.heading("approved").or(this.heading("declined")).or(this.heading("failed"));
    await expect(any.first()).toBeVisible({ timeout });
    for (const kind of ["approved", "declined", "failed"] as const) {
      const heading = this.heading(kind);
      if (await heading.isVisible()) {
        const screen = heading.locator("xpath=..");
        return { kind, text: (await screen.innerText()).replace(/\s+/g, " ").trim() };
      }
    }
    throw new Error("result screen vanished");
  }

  async expectApproved(lastFour?: string): Promise<string> {
    const result = await this.result();
    expect(result.kind, `expected approval, got: ${result.text}`).toBe("approved");
    if (lastFour) expect(result.text).toContain(`•••• ${lastFour}`);
    return result.text;
  }

  async expectDeclined(message?: RegExp): Promise<string> {
    const result = await this.result();
    expect(result.kind, `expected a decline, got: ${result.text}`).toBe("declined");
    if (message) expect(result.text).toMatch(message);
    return result.text;
  }

  async expectFailed(): Promise<string> {
    const result = await this.result();
    expect(result.kind, `expected a failure, got: ${result.text}`).toBe("failed");
    return result.text;
  }
}
