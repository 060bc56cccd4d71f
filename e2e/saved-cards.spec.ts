// Saved cards in the CloudPayments widget (script tag, `savedCards: true`) on the demo's
// /saved-cards page with the demo login: a card saved on a first payment pays the next order in
// one click; a 3-D Secure card is saved through the dialog and then charged by its token; a card
// removed after an inline confirmation; a saved-card payment by keyboard alone; axe on the list.
// The leak guard watches every test (the full number never leaves the form's cryptogram).
import { test, expect } from "./fixtures.ts";
import { SavedCardsPage } from "./pages/saved-cards-page.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { axeViolations } from "./support/axe.ts";
import { ACS_CODE, CARDS } from "./support/cards.ts";
import { paymentsFor } from "./support/sandbox-api.ts";

// One shopper's cards are these tests' shared state: one after another.
test.describe.configure({ mode: "serial" });

test("a logged-in shopper saves a card on a first payment and pays the next order with it in one click", async ({ page, cvc }) => {
  const shop = new SavedCardsPage(page);
  await shop.openAs("alice");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.approved, cvc });
  await expect(shop.saveCard).not.toBeChecked();
  await shop.saveCard.check();
  await widget.payButton.click();
  await widget.expectApproved("3055");
  expect(await shop.savedCards()).toMatchObject([{ lastFour: "3055" }]);

  const second = await shop.nextOrder();
  await expect(shop.list).toBeVisible();
  await expect(shop.card(/^Visa •••• 3055/)).toBeChecked();
  expect(await axeViolations(page, "#checkout"), "saved cards list").toEqual([]);
  await shop.payButton.click();
  await widget.expectApproved("3055");
  expect((await paymentsFor(second)).map((p) => p.Status)).toEqual(["Completed"]);
  await expect(page.locator('#events li[data-event="success"]')).toHaveCount(2);
});

test("keyboard only: Tab to the chosen card, on to Pay, Enter pays with it", async ({ page }) => {
  const shop = new SavedCardsPage(page);
  await shop.openAs("alice", { keep: true });
  const visa = shop.card(/^Visa •••• 3055/);
  await expect(visa).toBeChecked();
  await page.locator("#next-order").focus();
  await page.keyboard.press("Tab");
  await expect(visa).toBeFocused();
  // The radio, its Remove, then Pay.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Remove Visa •••• 3055" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(shop.payButton).toBeFocused();
  await page.keyboard.press("Enter");
  await new WidgetPage(page).expectApproved("3055");
  expect((await paymentsFor(await shop.invoiceId())).map((p) => p.Status)).toEqual(["Completed"]);
});

test("removing a card asks once, inline; confirmed, it leaves the list and the endpoint", async ({ page }) => {
  const shop = new SavedCardsPage(page);
  await shop.openAs("alice", { keep: true });
  await page.getByRole("button", { name: "Remove Visa •••• 3055" }).click();
  const ask = page.getByRole("group", { name: "Remove Visa •••• 3055 from your saved cards?" });
  await expect(ask.getByRole("button", { name: "Yes, remove" })).toBeFocused();
  expect(await axeViolations(page, "#checkout"), "remove confirmation").toEqual([]);
  expect(await shop.savedCards()).toHaveLength(1);
  await ask.getByRole("button", { name: "Yes, remove" }).click();
  // The last card gone: the card form, still offering to save the next one.
  await new WidgetPage(page).waitForForm();
  await expect(shop.saveCard).toBeVisible();
  expect(await shop.savedCards()).toEqual([]);
});

test("a 3-D Secure card saved through the dialog, then charged by its token in one click", async ({ page, cvc }) => {
  const shop = new SavedCardsPage(page);
  await shop.openAs("bob");
  const widget = new WidgetPage(page);
  await widget.fillCard({ number: CARDS.threeDs, cvc });
  await shop.saveCard.check();
  await widget.payButton.click();
  await expect(widget.threeDsDialog).toBeVisible();
  await widget.acs().confirm(ACS_CODE);
  await widget.expectApproved("4242");

  const second = await shop.nextOrder();
  await expect(shop.card(/^Visa •••• 4242/)).toBeChecked();
  await shop.payButton.click();
  // CloudPayments charges a saved token without asking the bank again.
  await widget.expectApproved("4242");
  expect((await paymentsFor(second)).map((p) => p.Status)).toEqual(["Completed"]);
  await page.evaluate(async () => {
    const { cards } = (await (await fetch("/api/saved-cards")).json()) as { cards: { id: string }[] };
    for (const card of cards) await fetch(`/api/saved-cards/${encodeURIComponent(card.id)}`, { method: "DELETE" });
  });
});

test("a guest gets the card form, no Save this card, and nothing of the saved cards' code", async ({ page }) => {
  const loaded: string[] = [];
  page.on("request", (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto("/saved-cards?lang=en");
  const widget = new WidgetPage(page);
  await widget.waitForForm();
  await expect(page.locator("#customer")).toHaveValue("");
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  expect(loaded).toContain("/api/saved-cards");
  expect(loaded).not.toContain("/dist/checkout-widget-saved.js");
});
