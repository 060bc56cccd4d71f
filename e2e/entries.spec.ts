// The script-tag entries, driven through the BUILT script (dist/checkout-widget.js + the crypto chunk)
// on plain HTML pages under a strict CSP: global mount, data-*, custom element, modal, cp.Checkout.
// Each types a card, checks formatting and brand, and opens the cryptogram the endpoint received.
import { execFileSync } from "node:child_process";
import { constants, privateDecrypt } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { PUBLIC_ID, startEntriesServer } from "./pages/entries/serve.ts";
import type { EntriesServer } from "./pages/entries/serve.ts";
import { WidgetPage } from "./pages/widget-page.ts";
import { CARDS } from "./support/cards.ts";

test.describe.configure({ mode: "serial" });

const root = fileURLToPath(new URL("../", import.meta.url));
let server: EntriesServer;

test.beforeAll(async () => {
  if (!existsSync(`${root}dist/checkout-widget.js`) || !existsSync(`${root}dist/checkout-widget-crypto.js`)) {
    execFileSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, "scripts/build.ts"], { cwd: root, stdio: "inherit" });
  }
  server = await startEntriesServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** The plaintext inside the cryptogram: `PAN@YYMM@CVV@PublicId` (PKCS#1 v1.5 stripped by hand). */
function openCryptogram(cryptogram: unknown): string {
  const packet = JSON.parse(Buffer.from(String(cryptogram), "base64").toString("utf8")) as { Value: string };
  const block = privateDecrypt({ key: server.privateKeyPem, padding: constants.RSA_NO_PADDING }, Buffer.from(packet.Value, "base64"));
  expect([block[0], block[1]]).toEqual([0, 2]);
  return block.subarray(block.indexOf(0, 2) + 1).toString("ascii");
}

async function expectNoCspViolation(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
}

async function expectNoAxeViolation(page: Page) {
  await page.addScriptTag({ url: "/axe.js" });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => v.id);
  });
  expect(violations).toEqual([]);
}

/** Types the approved test card; checks formatting and brand; pays; returns the /pay body. */
async function payAndOpen(page: Page, widget: WidgetPage, cvc: string) {
  await widget.waitForForm();
  await widget.cardNumber.pressSequentially(CARDS.approved.replace(/\s/g, ""));
  await expect(widget.cardNumber).toHaveValue(CARDS.approved);
  await expect(widget.root.getByRole("img", { name: "Card: Visa" })).toBeVisible();
  await widget.expiry.pressSequentially("1230");
  await expect(widget.expiry).toHaveValue("12/30");
  await widget.cvc.pressSequentially(cvc);
  await widget.name.fill("IVAN PETROV");
  const before = server.payBodies.length;
  await widget.submit();
  await widget.expectApproved("3055");
  expect(server.payBodies.length).toBe(before + 1);
  const body = server.payBodies[before]!;
  expect(openCryptogram(body.cryptogram)).toBe(`${CARDS.approved.replace(/\s/g, "")}@3012@${cvc}@${PUBLIC_ID}`);
  return body;
}

test("global CheckoutWidget.mount: formats, validates, loads the crypto chunk after the form, pays", async ({ page, cvc }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${server.url}/global.html`);
  const widget = new WidgetPage(page);
  await widget.waitForForm();
  expect(await page.evaluate(() => typeof (window as unknown as { CheckoutWidget?: { version?: string } }).CheckoutWidget?.version)).toBe("string");
  // The crypto chunk comes from beside the main script, after the form is on screen.
  await expect.poll(() => scripts).toContain("/dist/checkout-widget-crypto.js");
  expect(scripts.indexOf("/dist/checkout-widget.js")).toBeLessThan(scripts.indexOf("/dist/checkout-widget-crypto.js"));

  // A wrong number is flagged on blur, not while typing.
  await widget.cardNumber.pressSequentially("4000000000003056");
  await expect(widget.cardNumber).not.toHaveAttribute("aria-invalid", "true");
  await widget.expiry.focus();
  await expect(widget.cardNumber).toHaveAttribute("aria-invalid", "true");
  await widget.cardNumber.fill("");

  await expectNoAxeViolation(page);
  const body = await payAndOpen(page, widget, cvc);
  expect(body).toMatchObject({ invoiceId: "E2E-1", name: "IVAN PETROV" });
  const events = await page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.map((e) => e.type));
  expect(events).toEqual(["onSuccess"]);
  await expectNoCspViolation(page);
});

test("data-checkout-widget mounts itself and reports outcomes as DOM events", async ({ page, cvc }) => {
  await page.goto(`${server.url}/data.html`);
  const widget = new WidgetPage(page, page.locator("[data-checkout-widget]:not(style)"));
  const body = await payAndOpen(page, widget, cvc);
  expect(body.invoiceId).toBe("E2E-2");
  const events = await page.evaluate(() => (window as unknown as { __events: { type: string }[] }).__events.map((e) => e.type));
  expect(events).toEqual(["checkout-success", "checkout-complete"]);
  await expectNoAxeViolation(page);
  await expectNoCspViolation(page);
});

test("<checkout-widget> takes its options from attributes and fires checkout-* events", async ({ page, cvc }) => {
  await page.goto(`${server.url}/element.html`);
  const widget = new WidgetPage(page, page.locator("checkout-widget"));
  await widget.waitForForm();
  await expect(widget.payButton).toHaveText(/\$15\.00/);
  await page.locator("checkout-widget").evaluate((el) => el.setAttribute("amount", "20"));
  await expect(widget.payButton).toHaveText(/\$20\.00/);
  await expectNoAxeViolation(page);
  const body = await payAndOpen(page, widget, cvc);
  expect(body.invoiceId).toBe("E2E-3");
  const events = await page.evaluate(() =>
    (window as unknown as { __events: { type: string; detail: { invoiceId?: string } }[] }).__events.map((e) => `${e.type}:${e.detail.invoiceId}`),
  );
  expect(events).toEqual(["checkout-success:E2E-3", "checkout-complete:E2E-3"]);
  await expectNoCspViolation(page);
});

test("CheckoutWidget.open: a modal dialog with focus inside, Escape closes and focus returns", async ({ page, cvc }) => {
  await page.goto(`${server.url}/modal.html`);
  const buy = page.getByRole("button", { name: "Buy now" });
  await buy.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const widget = new WidgetPage(page, dialog);
  await widget.waitForForm();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await expectNoAxeViolation(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(buy).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await payAndOpen(page, new WidgetPage(page, dialog), cvc);
  await expectNoCspViolation(page);
});

test("cp.Checkout reads the merchant's data-cp form: codes for wrong fields, a cryptogram for a good card", async ({ page, cvc }) => {
  await page.goto(`${server.url}/cp.html`);
  const field = (name: string) => page.getByLabel(name, { exact: true });
  await field("Card number").fill("4000 0000 0000 3056");
  await field("Month").fill("13");
  await field("Year").fill("30");
  await field("CVV").fill("");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.locator("#output")).not.toBeEmpty();
  expect(JSON.parse(await page.locator("#output").innerText())).toEqual({
    cardNumber: "CardNumber_Invalid",
    expDateMonth: "ExpDateMonth_Invalid",
    cvv: "Cvv_Empty",
    name: "Name_Empty", // a bound name field is checked
  });
  expect(server.payBodies.filter((b) => b.invoiceId === "E2E-CP")).toHaveLength(0);

  await field("Card number").fill(CARDS.approved);
  await field("Month").fill("12");
  await field("CVV").fill(cvc);
  await field("Name").fill("IVAN PETROV");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.locator("#output")).toHaveText("sent");
  const body = server.payBodies.find((b) => b.invoiceId === "E2E-CP")!;
  expect(openCryptogram(body.cryptogram)).toBe(`${CARDS.approved.replace(/\s/g, "")}@3012@${cvc}@${PUBLIC_ID}`);
  await expectNoCspViolation(page);
});
