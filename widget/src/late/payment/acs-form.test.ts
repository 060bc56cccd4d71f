// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PayThreeDs } from "../../../../server/contract.ts";
import { postToAcs } from "./index.ts";

const challenge: PayThreeDs = {
  status: "3ds",
  transactionId: 4321,
  acsUrl: "https://acs.bank.test/3ds?session=1",
  paReq: "eJxVUdtu+&=\"<>",
  termUrl: "https://shop.test/api/3ds/return",
  iframeAllowed: true,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("postToAcs", () => {
  it("submits one hidden POST form with MD, PaReq and TermUrl to the ACS in the given target, then removes it", () => {
    const seen: Array<{ inDocument: boolean; method: string; action: string; target: string; hidden: boolean; fields: Array<[string, string, string]> }> = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      seen.push({
        inDocument: document.body.contains(this),
        method: this.method,
        action: this.action,
        target: this.target,
        hidden: this.hidden,
        fields: Array.from(this.elements as HTMLCollectionOf<HTMLInputElement>, (el) => [el.name, el.type, el.value]),
      });
    });

    postToAcs(challenge, "cw-3ds-frame");

    expect(seen).toEqual([
      {
        inDocument: true,
        method: "post",
        action: challenge.acsUrl,
        target: "cw-3ds-frame",
        hidden: true,
        fields: [
          ["MD", "hidden", "4321"],
          ["PaReq", "hidden", challenge.paReq],
          ["TermUrl", "hidden", challenge.termUrl],
        ],
      },
    ]);
    expect(document.querySelectorAll("form")).toHaveLength(0);
  });

  it("removes the form even when submit throws", () => {
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {
      throw new Error("blocked");
    });
    expect(() => postToAcs(challenge, "_top")).toThrow("blocked");
    expect(document.querySelectorAll("form")).toHaveLength(0);
  });

  it("builds the form in the document it is given", () => {
    const other = document.implementation.createHTMLDocument("other");
    const targets: string[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      expect(this.ownerDocument).toBe(other);
      targets.push(this.target);
    });
    postToAcs(challenge, "_top", other);
    expect(targets).toEqual(["_top"]);
    expect(other.querySelectorAll("form")).toHaveLength(0);
  });
});
