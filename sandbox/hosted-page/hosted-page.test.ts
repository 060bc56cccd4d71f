import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import type { CardOutcome, HostedPaymentView, HostedTestCard } from "./index.ts";
import { HOSTED_CARD_FIELDS, isHostedCardPostPath, registerHostedPage } from "./index.ts";

const PRINTED: HostedTestCard = { number: "5543 7354 8462 6654", expiry: { month: 1, year: 2022 }, cvc: "852", threeDs: true, decline: null };

let app: Hono;
let views: Map<string, HostedPaymentView>;
let recorded: Array<{ ref: string; outcome: CardOutcome }>;

function view(extra: Partial<HostedPaymentView> = {}): HostedPaymentView {
  return {
    state: "open",
    amount: 1500,
    currency: "RUB",
    description: "Заказ <42>",
    merchant: "Shop & Co",
    successUrl: "https://shop.example/ok?order=42",
    failUrl: "https://shop.example/fail?order=42",
    ...extra,
  };
}

beforeEach(() => {
  app = new Hono();
  views = new Map([["p1", view()]]);
  recorded = [];
  registerHostedPage(app, {
    basePath: "/gw/pay",
    gatewayName: "Test gateway",
    testCards: [PRINTED],
    find: (ref) => views.get(ref) ?? null,
    complete: (ref, outcome) => {
      recorded.push({ ref, outcome });
      const current = views.get(ref);
      if (current) views.set(ref, { ...current, state: outcome.kind === "approved" ? "paid" : "failed" });
    },
  });
});

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

const card = (cardNumber: string, extra: Record<string, string> = {}) =>
  app.request("/gw/pay/p1/card", form({ cardNumber, expiry: "12/30", cvc: "123", holder: "IVAN PETROV", lang: "en", ...extra }));

function attemptOf(html: string): string {
  const attempt = /name="attempt" value="([^"]+)"/.exec(html)?.[1];
  if (!attempt) throw new Error("no attempt in the code page");
  return attempt;
}

describe("hosted card page: the form", () => {
  it("shows the payment and a card form with the autofill names, under the page CSP, without inline script", async () => {
    const response = await app.request("/gw/pay/p1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self'.*frame-ancestors \*/);
    const html = await response.text();
    expect(html).toContain('<html lang="ru">');
    for (const name of ["cc-number", "cc-exp", "cc-csc", "cc-name"]) expect(html).toContain(`autocomplete="${name}"`);
    expect(html).toMatch(/<label for="cardNumber">Номер карты<\/label>/);
    expect(html).toMatch(/Оплатить 1\s500,00\s₽/);
    expect(html).toContain("Заказ &#60;42&#62;");
    expect(html).toContain("Shop &#38; Co");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).toContain('role="alert"');
  });

  it("speaks English with ?lang=en or Accept-Language", async () => {
    const byQuery = await (await app.request("/gw/pay/p1?lang=en")).text();
    expect(byQuery).toContain('<html lang="en">');
    expect(byQuery).toContain("<label for=\"cardNumber\">Card number</label>");
    expect(byQuery).toContain('hreflang="ru"');
  });

  it("formats the amount in the shopper's language (Accept-Language)", async () => {
    const en = await (await app.request("/gw/pay/p1", { headers: { "Accept-Language": "en-US,en;q=0.9" } })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Pay RUB\s?1,500\.00/);
  });

  it("serves its script and stylesheet from the same origin", async () => {
    const js = await app.request("/hosted-page/hosted.js");
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await js.text()).toContain("data-msg-");
    expect((await app.request("/hosted-page/hosted.css")).status).toBe(200);
  });

  it("answers 404 for an unknown payment and a notice for one no longer open", async () => {
    expect((await app.request("/gw/pay/nope")).status).toBe(404);
    expect((await app.request("/gw/pay/bad%20ref")).status).toBe(404);
    views.set("p2", view({ state: "paid" }));
    const paid = await (await app.request("/gw/pay/p2?lang=en")).text();
    expect(paid).toContain("Already paid");
    expect(paid).toContain('href="https://shop.example/ok?order=42"');
    views.set("p3", view({ state: "expired" }));
    expect(await (await app.request("/gw/pay/p3?lang=en")).text()).toContain("Time to pay has run out");
    // A card posted to a paid payment changes nothing.
    const again = await app.request("/gw/pay/p2/card", form({ cardNumber: "4000000000003055", expiry: "12/30", cvc: "123" }));
    expect(await again.text()).toContain("Счёт уже оплачен");
    expect(recorded).toEqual([]);
  });
});

describe("hosted card page: outcomes", () => {
  it("approves a non-3-D Secure card and sends the shopper to successUrl with nothing added", async () => {
    const response = await card("4000 0000 0000 3055");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://shop.example/ok?order=42");
    expect(recorded).toEqual([
      {
        ref: "p1",
        outcome: { kind: "approved", card: { firstSix: "400000", lastFour: "3055", expMonth: 12, expYear: 2030, brand: "Visa", holder: "IVAN PETROV" } },
      },
    ]);
    expect(JSON.stringify(recorded)).not.toContain("4000000000003055");
  });

  it("declines insufficient funds and sends the shopper to failUrl", async () => {
    const response = await card("4000056655665556");
    expect(response.headers.get("location")).toBe("https://shop.example/fail?order=42");
    expect(recorded[0]?.outcome).toMatchObject({ kind: "declined", decline: "insufficient_funds" });
  });

  it("asks a 3-D Secure card for the code; 123456 approves, and the attempt cannot be replayed", async () => {
    const step = await card("4242424242424242", { cvc: "071" });
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain("4242");
    expect(html).not.toContain("4242424242424242");
    expect(html).not.toContain("071");
    expect(recorded).toEqual([]);
    const attempt = attemptOf(html);
    const done = await app.request("/gw/pay/p1/code", form({ attempt, code: "123456", action: "confirm" }));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("https://shop.example/ok?order=42");
    expect(recorded.map((r) => r.outcome.kind)).toEqual(["approved"]);
    views.set("p1", view());
    const replay = await app.request("/gw/pay/p1/code", form({ attempt, code: "123456", action: "confirm" }));
    expect(replay.status).toBe(400);
    expect(recorded).toHaveLength(1);
  });

  it("a wrong code or Cancel at the code step declines authentication_failed", async () => {
    const wrong = attemptOf(await (await card("5555555555554444")).text());
    await app.request("/gw/pay/p1/code", form({ attempt: wrong, code: "000000", action: "confirm" }));
    views.set("p1", view());
    const cancelled = attemptOf(await (await card("5555555555554444")).text());
    const response = await app.request("/gw/pay/p1/code", form({ attempt: cancelled, action: "cancel" }));
    expect(response.headers.get("location")).toBe("https://shop.example/fail?order=42");
    expect(recorded.map((r) => r.outcome)).toMatchObject([
      { kind: "declined", decline: "authentication_failed" },
      { kind: "declined", decline: "authentication_failed" },
    ]);
  });

  it("a 3-D Secure card with no funds is declined after the right code", async () => {
    const attempt = attemptOf(await (await card("4012888888881881")).text());
    await app.request("/gw/pay/p1/code", form({ attempt, code: "123456", action: "confirm" }));
    expect(recorded[0]?.outcome).toMatchObject({ kind: "declined", decline: "insufficient_funds" });
  });

  it("an empty code asks again instead of failing", async () => {
    const attempt = attemptOf(await (await card("4242424242424242")).text());
    const again = await app.request("/gw/pay/p1/code", form({ attempt, code: " ", action: "confirm", lang: "en" }));
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain("Enter the one-time code.");
    expect(recorded).toEqual([]);
    const done = await app.request("/gw/pay/p1/code", form({ attempt: attemptOf(html), code: "123456", action: "confirm" }));
    expect(done.status).toBe(303);
  });

  it("the printed test card works exactly as printed, its past expiry included", async () => {
    const attempt = attemptOf(await (await card("5543 7354 8462 6654", { expiry: "01/22", cvc: "852" })).text());
    await app.request("/gw/pay/p1/code", form({ attempt, code: "123456", action: "confirm" }));
    expect(recorded[0]?.outcome).toMatchObject({ kind: "approved", card: { lastFour: "6654", expMonth: 1, expYear: 2022, brand: "MasterCard" } });
  });

  it("the printed card with another CVC or expiry is declined", async () => {
    await card("5543735484626654", { expiry: "01/22", cvc: "853" });
    views.set("p1", view());
    await card("5543735484626654", { expiry: "02/30", cvc: "852" });
    expect(recorded.map((r) => r.outcome)).toMatchObject([
      { kind: "declined", decline: "authentication_failed" },
      { kind: "declined", decline: "expired_card" },
    ]);
  });

  it("without URLs the result is shown on the page itself", async () => {
    views.set("p1", view({ successUrl: null, failUrl: null }));
    const html = await (await card("4000000000003055", { lang: "en" })).text();
    expect(html).toContain("Payment successful");
  });

  it("'return to the shop' records nothing and goes to failUrl", async () => {
    const response = await app.request("/gw/pay/p1/leave", form({ lang: "en" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://shop.example/fail?order=42");
    expect(recorded).toEqual([]);
    expect(views.get("p1")?.state).toBe("open");
  });
});

describe("hosted card page: bad input", () => {
  it("lists every bad field, marks it invalid, and never gives the number or CVC back", async () => {
    const response = await card("4000 0000 0000 3056", { expiry: "13/30", cvc: "12", holder: "A".repeat(101), lang: "en" });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const text of ["Enter a valid card number.", "Enter the expiry date as MM/YY.", "Enter the CVC: 3 or 4 digits.", "at most 100 characters"]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/id="cardNumber"[^>]*aria-invalid="true"[^>]*autofocus/);
    expect(html).not.toContain("4000 0000 0000 3056");
    expect(html).not.toContain("4000000000003056");
    expect(recorded).toEqual([]);
  });

  it("refuses an expired card that is not a printed test card", async () => {
    const html = await (await card("4000000000003055", { expiry: "01/22", lang: "en" })).text();
    expect(html).toContain("The card has expired.");
    expect(recorded).toEqual([]);
  });

  it("keeps the name after an error", async () => {
    const html = await (await card("123", { holder: "MARIA" })).text();
    expect(html).toMatch(/id="holder"[^>]*value="MARIA"/);
  });

  it("refuses a post that is not a form, or repeats a field", async () => {
    const json = await app.request("/gw/pay/p1/card", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(400);
    const repeated = await app.request("/gw/pay/p1/card", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "cardNumber=4000000000003055&cardNumber=4242424242424242&expiry=12%2F30&cvc=123",
    });
    expect(repeated.status).toBe(400);
    expect((await app.request("/gw/pay/p1/card")).status).toBe(405);
    expect(recorded).toEqual([]);
  });
});

describe("the leak guard's view of the page", () => {
  it("names the card fields and the card post path", () => {
    expect(HOSTED_CARD_FIELDS).toEqual({ number: "cardNumber", cvc: "cvc" });
    expect(isHostedCardPostPath("/gw/pay/p1/card", "/gw/pay")).toBe(true);
    expect(isHostedCardPostPath("/gw/pay/p1/code", "/gw/pay")).toBe(false);
    expect(isHostedCardPostPath("/gw/pay/p1/card/x", "/gw/pay")).toBe(false);
    expect(isHostedCardPostPath("/other/p1/card", "/gw/pay")).toBe(false);
  });
});
