import { describe, expect, it } from "vitest";
import type { ThreeDsOutcome } from "../contract.ts";
import { RESULT_SCRIPT, redirectUrl, resultPage } from "./three-ds-page.ts";

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
  const html = resultPage(42, approved, ["https://a.example", "https://b.example"], "https://a.example/done?x=1");

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
    expect(replaced).toEqual(["https://a.example/done?x=1&status=approved&transactionId=42&amount=10&currency=RUB&cardType=Visa&cardLastFour=4242"]);
  });

  it("cannot be broken out of by a hostile value in the result", () => {
    const hostile: ThreeDsOutcome = { status: "error", message: "</script><script>alert(1)</script>" };
    const page = resultPage(7, hostile, ["https://a.example"], "https://a.example/done");
    expect(page).not.toContain("<script>alert");
    const { posted } = runScript(page, true);
    expect(posted[0]?.message).toMatchObject({ result: hostile });
  });

  it("redirect query carries the reason code of a decline and nothing secret", () => {
    const url = new URL(
      redirectUrl("https://a.example/r", 9, { status: "declined", transactionId: 9, reasonCode: 5051, reason: "InsufficientFunds", message: "Недостаточно средств" }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: "declined", transactionId: "9", reasonCode: "5051" });
  });
});
