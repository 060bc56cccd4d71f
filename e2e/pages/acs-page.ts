// The sandbox bank's 3-D Secure page: in the widget's iframe (a FrameLocator) or top level (a Page).
import { expect } from "@playwright/test";
import type { FrameLocator, Locator, Page } from "@playwright/test";

const NAMES = {
  code: /^(one-time code|одноразовый код)/i,
  confirm: /^(confirm|подтвердить)$/i,
  cancel: /^(cancel|отменить)$/i,
} as const;

export class AcsPage {
  readonly scope: FrameLocator | Page;

  constructor(scope: FrameLocator | Page) {
    this.scope = scope;
  }

  get code(): Locator {
    return this.scope.getByLabel(NAMES.code);
  }
  get confirmButton(): Locator {
    return this.scope.getByRole("button", { name: NAMES.confirm });
  }
  get cancelButton(): Locator {
    return this.scope.getByRole("button", { name: NAMES.cancel });
  }

  async waitForPage(): Promise<void> {
    await expect(this.code).toBeVisible({ timeout: 15_000 });
  }

  async enterCode(code: string): Promise<void> {
    await this.waitForPage();
    await this.code.fill(code);
  }

  async confirm(code: string): Promise<void> {
    await this.enterCode(code);
    await this.confirmButton.click();
  }

  async cancel(): Promise<void> {
    await this.waitForPage();
    await this.cancelButton.click();
  }
}
