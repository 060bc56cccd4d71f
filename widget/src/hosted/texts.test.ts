import { describe, expect, it } from "vitest";
import { invoiceDecline, rbsDecline } from "../../../server/gateway/decline-codes.ts";
import { failure } from "../late/payment/failures.ts";
import { createHostedTranslator, declineText, failureText, hostedTexts } from "./texts.ts";

describe("hosted texts", () => {
  it("every decline the kit maps Invoice's and RBS's codes onto reads as its own group's text, in both languages", () => {
    const invoice = [[3, -19], [3, -20], [2, 4], [2, 5], [2, 12], [2, 14], [2, 41], [2, 43], [2, 51], [2, 54], [2, 57], [2, 58], [2, 59], [2, 61], [2, 62], [2, 65], [2, 96]] as const;
    const rbs = [5, 101, 116, 120, 121, 123, 71015, -2006, -2007];
    const codes = [...invoice.map((pair) => invoiceDecline(pair).reasonCode), ...rbs.map((code) => rbsDecline(code).reasonCode)];
    for (const lang of ["en", "ru"] as const) {
      const t = createHostedTranslator(lang);
      for (const code of codes) expect(declineText(code, t), `${code} (${lang})`).not.toBe(t("Error_Declined"));
    }
    expect(declineText(5051, createHostedTranslator("ru"))).toBe("Недостаточно средств на карте");
  });

  it("a code only CloudPayments sends reads as the generic decline; the merchant's text for a code comes first", () => {
    const t = createHostedTranslator("en");
    expect(declineText(5082, t)).toBe("The payment was declined. Use a different card or contact your bank");
    expect(declineText(5051, t, { R_5051: "Top up the card" })).toBe("Top up the card");
    expect(declineText(5051, createHostedTranslator("en", { R_Funds: "No money" }))).toBe("No money");
  });

  it("names every failure the flow can reach, and has each own text in both languages", () => {
    const t = createHostedTranslator("en");
    for (const code of ["network", "timeout", "server_error", "bad_response", "gateway_unavailable", "payment_unconfirmed", "payment_in_progress", "too_many_attempts", "bad_request", "unknown_order", "order_unavailable", "origin_refused"] as const) {
      expect(failureText(failure(code), t), code).not.toBe(t("Error_Unknown"));
    }
    for (const [key, [en, ru]] of Object.entries(hostedTexts)) {
      expect(en, key).not.toBe("");
      expect(ru, key).toMatch(/[а-яё]/i);
    }
  });
});
