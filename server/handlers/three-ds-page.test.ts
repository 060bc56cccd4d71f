import { describe, expect, it } from "vitest";
import type { ThreeDsOutcome } from "../contract.ts";
import { returnQuery, signedRedirectUrl, verifyReturnQuery } from "./return-query.ts";
import { createSigner } from "./signing.ts";
import { RESULT_SCRIPT, resultMessage, resultPage } from "./three-ds-page.ts";

const SECRET = "three-ds-page-test-secret-0123456789abcd";
const signer = createSigner(SECRET);
/** Fields of a return link: valid for an hour from now, without the last four digits. */
const fields = { expiresAt: Math.floor(Date.now() / 1000) + 3600, cardLastFour: false };

const approved: ThreeDsOutcome = {
  status: "approved",
  transactionId: 42,
  amount: 10,
  currency: "RUB",
  cardType: "Visa",
  cardLastFour: "4242",
  authCode: "A1B2C3",
};

function dataBlock(html: string): string {
  const match = /<script type="application\/json" id="checkout-widget-3ds">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error("no data block");
  return match[1];
}

/** Runs the page script against fake window/document objects. */
function runScript(html: string, framed: boolean, ancestorOrigins?: string[]) {
  const posted: { message: unknown; target: string }[] = [];
  const replaced: string[] = [];
  const self: Record<string, unknown> = {};
  const parent = framed ? { postMessage: (message: unknown, target: string) => posted.push({ message, target }) } : self;
  Object.assign(self, {
    parent,
    location: { replace: (url: string) => replaced.push(url), ancestorOrigins },
  });
  const document = { getElementById: (id: string) => (id === "checkout-widget-3ds" ? { textContent: dataBlock(html) } : null) };
  new Function("window", "document", RESULT_SCRIPT)(self, document);
  return { posted, replaced };
}

describe("3-D Secure result page", () => {
  const redirect = "https://a.example/done?x=1&status=approved&transactionId=42&sig=s";
  const html = resultPage(resultMessage(42, approved), ["https://a.example", "https://b.example"], redirect);

  it("framed: posts the result to each allowed origin with an explicit targetOrigin", () => {
    const { posted, replaced } = runScript(html, true);
    expect(posted.map((p) => p.target)).toEqual(["https://a.example", "https://b.example"]);
    expect(posted[0]?.message).toEqual({ type: "checkout-widget:3ds-result", version: 1, transactionId: 42, result: approved });
    expect(replaced).toEqual([]);
  });

  it("framed with ancestorOrigins: posts only to the parent's origin", () => {
    const { posted } = runScript(html, true, ["https://b.example"]);
    expect(posted.map((p) => p.target)).toEqual(["https://b.example"]);
  });

  it("top level: replaces the location with returnUrl and the result query", () => {
    const { posted, replaced } = runScript(html, false);
    expect(posted).toEqual([]);
    expect(replaced).toEqual([redirect]);
  });

  it("cannot be broken out of by a hostile value in the result", () => {
    const hostile: ThreeDsOutcome = { status: "error", message: "</script><script>alert(1)</script>" };
    const page = resultPage(resultMessage(7, hostile), ["https://a.example"], "https://a.example/done");
    expect(page).not.toContain("<script>alert");
    const { posted } = runScript(page, true);
    expect(posted[0]?.message).toMatchObject({ result: hostile });
  });

  it("redirect query carries the reason code of a decline and nothing secret, signed", async () => {
    const url = new URL(
      await signedRedirectUrl(
        "https://a.example/r",
        returnQuery(9, "inv-9", { status: "declined", transactionId: 9, reasonCode: 5051, reason: "InsufficientFunds", message: "Недостаточно средств" }, fields),
        signer,
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: "declined",
      transactionId: "9",
      invoiceId: "inv-9",
      reasonCode: "5051",
      exp: String(fields.expiresAt),
      sig: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(await verifyReturnQuery(url, SECRET)).toMatchObject({ status: "declined", reasonCode: "5051" });
  });

  it("a crafted outcome link fails verification: changed, added, doubled or unsigned fields, odd brands", async () => {
    const good = new URL(await signedRedirectUrl("https://a.example/r?lang=en", returnQuery(42, "inv-1", { ...approved, captured: true }, fields), signer));
    expect(await verifyReturnQuery(good, SECRET)).toMatchObject({ status: "approved", cardType: "Visa", captured: "1" });
    // The last four digits stay out of the URL unless the merchant asks for them.
    expect(good.searchParams.has("cardLastFour")).toBe(false);
    const withLastFour = new URL(await signedRedirectUrl("https://a.example/r", returnQuery(42, null, approved, { ...fields, cardLastFour: true }), signer));
    expect(await verifyReturnQuery(withLastFour, SECRET)).toMatchObject({ cardLastFour: approved.cardLastFour });
    expect(await verifyReturnQuery(good.search, SECRET)).not.toBeNull();
    const variants: Array<(u: URL) => void> = [
      (u) => u.searchParams.set("status", "declined"),
      (u) => u.searchParams.set("transactionId", "43"),
      (u) => u.searchParams.set("cardType", "<b>Visa</b>"),
      (u) => u.searchParams.append("amount", "1"),
      (u) => u.searchParams.set("reasonCode", "0"),
      (u) => u.searchParams.delete("sig"),
      (u) => u.searchParams.delete("invoiceId"),
      (u) => u.searchParams.set("exp", String(fields.expiresAt + 3600)),
      (u) => u.searchParams.delete("exp"),
      (u) => u.searchParams.set("cardLastFour", "1234"),
    ];
    for (const change of variants) {
      const crafted = new URL(good);
      change(crafted);
      expect(await verifyReturnQuery(crafted, SECRET), crafted.search).toBeNull();
    }
    const unsigned = new URL("https://a.example/r?status=approved&transactionId=42&amount=10&currency=RUB&cardLastFour=4242");
    expect(await verifyReturnQuery(unsigned, SECRET)).toBeNull();
  });

  it("lets only known brand names through to the redirect", async () => {
    const odd = new URL(await signedRedirectUrl("https://a.example/r", returnQuery(5, null, { ...approved, cardType: "Unknown" }, fields), signer));
    expect(odd.searchParams.get("cardType")).toBe("Unknown");
  });

  it("an expired outcome link no longer verifies", async () => {
    const url = new URL(await signedRedirectUrl("https://a.example/r", returnQuery(6, "inv-6", approved, fields), signer));
    expect(await verifyReturnQuery(url, SECRET, (fields.expiresAt - 1) * 1000)).not.toBeNull();
    expect(await verifyReturnQuery(url, SECRET, fields.expiresAt * 1000)).toBeNull();
  });

  it("a malformed signature or link is no outcome, and throws nothing", async () => {
    const url = new URL(await signedRedirectUrl("https://a.example/r", returnQuery(8, "inv-8", approved, fields), signer));
    for (const sig of ["A", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, "!".repeat(43), "", "é".repeat(43)]) {
      const crafted = new URL(url);
      crafted.searchParams.set("sig", sig);
      await expect(verifyReturnQuery(crafted, SECRET)).resolves.toBeNull();
    }
    await expect(verifyReturnQuery("http://[::1", SECRET)).resolves.toBeNull();
    await expect(signer.verify("x", "A")).resolves.toBe(false);
  });
});
