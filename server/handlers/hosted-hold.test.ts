// The hold reference of a gateway's page, with an RBS saved card's 3-D Secure challenge kept in it:
// read back as written, a malformed challenge dropped (the hold then answers nobody a challenge),
// and the card's digest distinct per customer and per card.
import { describe, expect, it } from "vitest";
import { decodeHostedHold, encodeHostedHold, savedCardDigest, type HostedHoldReference } from "./hosted-hold.ts";
import { createSigner } from "./signing.ts";

const challenge = {
  transactionId: "5f0c1d2e-0000-4000-8000-000000000001",
  acsUrl: "https://acs.example/acs?lang=en",
  paReq: "+/eyJvcGFxdWUiOnRydWV9",
  termUrl: "https://rbs.example/payment/rest/finish3ds.do",
  iframeAllowed: true,
  frameWidth: 500,
  card: "digest",
};

describe("hosted hold references", () => {
  it("keeps a binding's challenge as written", () => {
    const reference: HostedHoldReference = { id: challenge.transactionId, url: null, customer: null, frameAllowed: false, challenge };
    expect(decodeHostedHold(encodeHostedHold(reference))).toEqual(reference);
  });

  it("drops a challenge that lacks a field or has a wrong type, keeping the page's hold", () => {
    for (const broken of [{ ...challenge, paReq: 1 }, { ...challenge, card: undefined }, { ...challenge, iframeAllowed: "yes" }, "text", null]) {
      const decoded = decodeHostedHold(JSON.stringify({ id: "order-1", url: null, frameAllowed: false, challenge: broken }));
      expect(decoded).toEqual({ id: "order-1", url: null, customer: null, frameAllowed: false });
    }
  });

  it("names a card by its customer and its id: another customer, or another card, gets another digest", async () => {
    const signer = createSigner("a-shop-secret-of-at-least-32-characters!!");
    const ivy = await savedCardDigest(signer, "ivy", "card-1");
    expect(await savedCardDigest(signer, "ivy", "card-1")).toBe(ivy);
    expect(await savedCardDigest(signer, "zed", "card-1")).not.toBe(ivy);
    expect(await savedCardDigest(signer, "ivy", "card-2")).not.toBe(ivy);
  });
});
