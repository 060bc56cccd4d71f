// The leak guard catches what it is meant to catch: card data in a console message, a URL, a DOM
// attribute, storage (also base64-encoded), and the PAN inside a cryptogram's visible wrapper.
import { test, expect } from "./fixtures.ts";
import { findLeaks, gatewayCardPostForScan, panSecret, payBodyForScan } from "./support/leak-scan.ts";

test("the guard reports card data planted in each place it watches", async ({ page, cvc, leakGuard }) => {
  await page.goto("/");
  await page.evaluate(
    async ({ pan, cvc }) => {
      console.log(`card ${pan}`);
      document.body.setAttribute("data-debug", `cvc=${cvc}`);
      localStorage.setItem("saved", btoa(pan.replace(/\s/g, "")));
      await fetch(`/healthz?card=${encodeURIComponent(pan)}`);
    },
    { pan: "4242 4242 4242 4242", cvc },
  );
  await leakGuard.snapshot("planted");
  const leaks = await leakGuard.findLeaksNow();
  const where = leaks.map((leak) => `${leak.secret} @ ${leak.where}`).join("\n");
  expect(where).toMatch(/PAN 4242 •••• 4242 @ console\.log/);
  expect(where).toMatch(/PAN 4242 •••• 4242 @ request GET .*healthz.* url/);
  expect(where).toMatch(/CVC @ planted: .* DOM attributes/);
  expect(where).toMatch(/PAN 4242 •••• 4242 @ planted: .* storage/);

  // Clean up the page, then forget the planted evidence so this test's own guard passes.
  await page.evaluate(() => {
    document.body.removeAttribute("data-debug");
    localStorage.clear();
  });
  leakGuard.discardEvidence();
});

test("only the cryptogram's ciphertext is exempt, not its wrapper or the rest of the body", () => {
  const pan = panSecret("4000 0000 0000 3055");
  const wrapper = Buffer.from(JSON.stringify({ Type: "CloudCard", CardInfo: { Leak: "4000000000003055" }, Value: "AAAA" })).toString("base64");
  const leakyWrapper = payBodyForScan(JSON.stringify({ cryptogram: wrapper, name: "X", invoiceId: "1" }));
  expect(findLeaks([{ where: "wrapper", text: leakyWrapper.cryptogramWrapper ?? "" }], [pan])).toHaveLength(1);

  const cleanPacket = Buffer.from(JSON.stringify({ Type: "CloudCard", CardInfo: { FirstSixDigits: "400000", LastFourDigits: "3055" }, Value: "c2VjcmV0" })).toString("base64");
  const clean = payBodyForScan(JSON.stringify({ cryptogram: cleanPacket, name: "4000 0000 0000 3055", invoiceId: "1" }));
  expect(findLeaks([{ where: "wrapper", text: clean.cryptogramWrapper ?? "" }], [pan])).toHaveLength(0);
  // The PAN typed into another field of the body is still caught.
  expect(findLeaks([{ where: "body", text: clean.rest }], [pan])).toHaveLength(1);
});

test("a card typed on the gateway's own page may go to the gateway in that page's form post, and nowhere else", () => {
  const pages = { origin: "http://127.0.0.1:18600", isCardPostPath: (path: string) => /^\/invoice\/pay\/[^/]+\/card$/.test(path), cardFields: ["cardNumber", "cvc"] };
  const pan = panSecret("4000 0000 0000 3055");
  const post = {
    url: "http://127.0.0.1:18600/invoice/pay/abc/card",
    method: "POST",
    resourceType: "document",
    contentType: "application/x-www-form-urlencoded",
    secFetchSite: "same-origin",
    frameUrl: "http://127.0.0.1:18600/invoice/pay/abc",
    body: "lang=ru&cardNumber=4000+0000+0000+3055&expiry=12%2F30&cvc=042&holder=IVAN",
  };
  const scanned = gatewayCardPostForScan(post, pages);
  expect(scanned).toBe("lang=ru&expiry=12%2F30&holder=IVAN");
  // The same card in another field of that post is still caught.
  const inHolder = gatewayCardPostForScan({ ...post, body: `${post.body}&note=4000000000003055` }, pages) ?? "";
  expect(findLeaks([{ where: "body", text: inHolder }], [pan]).length).toBeGreaterThan(0);
  // Not exempt: posted by a shop page (same site, other port), by a script, elsewhere, twice, or not a form.
  for (const other of [
    { ...post, secFetchSite: "same-site" },
    { ...post, secFetchSite: "cross-site", frameUrl: "http://127.0.0.1:18080/checkout" },
    { ...post, resourceType: "fetch" },
    { ...post, url: "http://127.0.0.1:18600/invoice/pay/abc/code" },
    { ...post, url: "http://127.0.0.1:18080/invoice/pay/abc/card" },
    { ...post, body: `${post.body}&cardNumber=4242424242424242` },
    { ...post, contentType: "application/json" },
    { ...post, method: "GET" },
  ]) {
    expect(gatewayCardPostForScan(other, pages)).toBeNull();
  }
});
