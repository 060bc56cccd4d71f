// A gateway's hosted card page on the sandbox (Invoice's payment_url): in a frame (a FrameLocator)
// or top level (a Page), found by accessible names in Russian or English.
import { expect } from "@playwright/test";
import type { FrameLocator, Locator, Page } from "@playwright/test";

const NAMES = {
  cardNumber: /^(card number|номер карты)/i,
  expiry: /^(expiry date|срок действия)/i,
  cvc: /^cvc/i,
  holder: /^(name on card|имя владельца)/i,
  pay: /^(pay|оплатить)\s/i,
  leave: /^(return to the shop|вернуться в магазин)$/i,
  code: /^(one-time code|одноразовый код)/i,
  confirm: /^(confirm|подтвердить)$/i,
  cancel: /^(cancel|отменить)$/i,
} as const;

export interface HostedCard {
  number: string;
  cvc: string;
  expiry?: string;
  holder?: string;
}

export class HostedCardPage {
  constructor(readonly scope: FrameLocator | Page) {}

  get cardNumber(): Locator {
    return this.scope.getByLabel(NAMES.cardNumber);
  }
  get expiry(): Locator {
    return this.scope.getByLabel(NAMES.expiry);
  }
  get cvc(): Locator {
    return this.scope.getByLabel(NAMES.cvc);
  }
  get holder(): Locator {
    return this.scope.getByLabel(NAMES.holder);
  }
  get payButton(): Locator {
    return this.scope.getByRole("button", { name: NAMES.pay });
  }
  get leaveButton(): Locator {
    return this.scope.getByRole("button", { name: NAMES.leave });
  }
  get code(): Locator {
    return this.scope.getByLabel(NAMES.code);
  }
  get alert(): Locator {
    return this.scope.getByRole("alert");
  }

  async waitForForm(): Promise<void> {
    await expect(this.cardNumber).toBeVisible({ timeout: 15_000 });
  }

  /** Types the card the way a shopper does (key by key), then presses Pay. */
  async pay(card: HostedCard): Promise<void> {
    await this.waitForForm();
    await this.cardNumber.pressSequentially(card.number);
    await this.expiry.pressSequentially(card.expiry ?? "12/30");
    await this.cvc.pressSequentially(card.cvc);
    if (card.holder) await this.holder.fill(card.holder);
    await this.payButton.click();
  }

  async waitForCode(): Promise<void> {
    await expect(this.code).toBeVisible({ timeout: 15_000 });
  }

  async confirmCode(code: string): Promise<void> {
    await this.waitForCode();
    await this.code.fill(code);
    await this.scope.getByRole("button", { name: NAMES.confirm }).click();
  }

  async cancelCode(): Promise<void> {
    await this.waitForCode();
    await this.scope.getByRole("button", { name: NAMES.cancel }).click();
  }
}
