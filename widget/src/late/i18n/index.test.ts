import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createLateTranslator, declineMessage, messageText, paymentStatusText } from "./index.ts";

// docs/cloudpayments.md holds the gateway's decline codes with its own Russian texts.
const md = readFileSync(new URL("../../../../docs/cloudpayments.md", import.meta.url), "utf8");

/** Rows of the decline tables: a four-digit code and the gateway's Russian text (third column). */
function gatewayTexts(first: RegExp): Map<number, string> {
  const rows = new Map<number, string>();
  for (const line of md.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (first.test(cells[1] ?? "") && cells.length >= 6) rows.set(Number(cells[1]), cells[3] ?? "");
  }
  return rows;
}

describe("reason codes", () => {
  const main = gatewayTexts(/^[56]\d{3}$/);
  const registration = gatewayTexts(/^3\d{3}$/);

  it("parses every code of the document", () => {
    expect(main.size).toBe(61);
    expect(registration.size).toBe(8);
  });

  it("gives every decline code the gateway's own Russian text", () => {
    for (const [code, text] of main) expect([code, declineMessage(code, "ru")]).toEqual([code, text]);
    for (const [code, text] of registration) expect([code, declineMessage(code, "ru")]).toEqual([code, text]);
  });

  it("gives every code an English text of its own (not the generic fallback, no Cyrillic)", () => {
    const generic = declineMessage(1, "en");
    for (const code of [...main.keys(), ...registration.keys()]) {
      const text = declineMessage(code, "en");
      expect([code, text]).not.toEqual([code, generic]);
      expect(text).not.toMatch(/[\u0400-\u04FF]/);
    }
    expect(declineMessage(5051, "en")).toBe("Insufficient funds on the card");
  });

  it("falls back to a generic decline text for an unknown code", () => {
    expect(declineMessage(9999, "ru")).toBe(createLateTranslator("ru")("Error_Declined"));
    expect(declineMessage(9999, "en")).toMatch(/declined/);
  });

  it("lets a merchant override one code or a whole group", () => {
    expect(declineMessage(5051, "en", { R_5051: "No money" })).toBe("No money");
    expect(declineMessage(5051, "en", { R_Funds: "Top up" })).toBe("Top up");
    expect(declineMessage(5005, "en", { R_5051: "No money" })).toBe("Contact your bank or use a different card");
  });
});

describe("late texts", () => {
  it("has ru and en text for the flow's errors and the payment statuses", () => {
    const keys = ["Error_Network", "Error_Timeout", "Error_Server", "Error_Config", "Error_BadResponse", "ThreeDs_Cancelled", "Status_Approved"];
    for (const lang of ["ru", "en"] as const) {
      for (const key of keys) expect(createLateTranslator(lang).has(key), `${lang} ${key}`).toBe(true);
    }
  });

  it("finds a message key from the flow in either dictionary, and nothing for an unknown one", () => {
    expect(messageText("Error_Timeout", "en")).toBe("The server took too long to answer. Try again");
    expect(messageText("Error_Network", "ru")).toBe("Нет связи. Проверьте интернет и попробуйте снова");
    expect(messageText("Error_Timeout", "en", { Error_Timeout: "Too slow" })).toBe("Too slow");
    expect(messageText("No_Such_Key", "en")).toBeNull();
  });

  it("says what the live region says for 3-D Secure and the answers", () => {
    const challenge = { status: "3ds", transactionId: 1, acsUrl: "https://acs.test", paReq: "p", termUrl: "https://shop.test", iframeAllowed: true } as const;
    expect(paymentStatusText({ kind: "threeDs", transactionId: 1, mode: "redirect", challenge, frameName: "_top" }, "en")).toBe("Opening your bank's page…");
    expect(paymentStatusText({ kind: "declined", reasonCode: 5051, message: "Error_Declined" }, "ru")).toBe("Платёж отклонён: Недостаточно средств на карте");
  });
});
