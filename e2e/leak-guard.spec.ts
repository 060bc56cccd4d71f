// The leak guard catches what it is meant to catch: card data in a console message, a URL, a DOM
// attribute, storage (also base64-encoded), and the PAN inside a cryptogram's visible wrapper.
import { test, expect } from "./fixtures.ts";
import { findLeaks, panSecret, payBodyForScan } from "./support/leak-scan.ts";

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
