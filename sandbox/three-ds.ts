// 3-D Secure tokens. PaReq follows the gateway's test format ("+/" + base64 JSON). PaRes is
// the sandbox's own: base64url(JSON { TransactionId, Authenticated }) "." HMAC-SHA256 with a
// secret made at start, so a forged or altered PaRes, or one made for another transaction, fails.
import crypto from "node:crypto";

export interface PaReqFacts {
  firstSix: string;
  lastFour: string;
  amount: number;
  currencyCode: number;
  date: Date;
  customerName: string | null;
}

export function createPaReq(facts: PaReqFacts): string {
  const json = JSON.stringify({
    MerchantName: "Sandbox shop",
    FirstSix: facts.firstSix,
    LastFour: facts.lastFour,
    Amount: facts.amount,
    CurrencyCode: facts.currencyCode,
    Date: facts.date.toISOString(),
    CustomerName: facts.customerName,
    CultureName: "ru-RU",
    // Two challenges for the same card and amount must still differ.
    Nonce: crypto.randomBytes(8).toString("hex"),
  });
  return `+/${Buffer.from(json, "utf8").toString("base64")}`;
}

export interface PaResContent {
  transactionId: number;
  authenticated: boolean;
}

export type PaResCheck = { ok: true; content: PaResContent } | { ok: false; code: "PaRes_Malformed" | "PaRes_BadSignature" };

export class PaResSigner {
  constructor(private readonly secret: Buffer = crypto.randomBytes(32)) {}

  sign(content: PaResContent): string {
    const payload = Buffer.from(
      JSON.stringify({ TransactionId: content.transactionId, Authenticated: content.authenticated, Nonce: crypto.randomBytes(8).toString("hex") }),
      "utf8",
    ).toString("base64url");
    return `${payload}.${this.mac(payload)}`;
  }

  verify(paRes: string): PaResCheck {
    const m = /^([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{43})$/.exec(paRes);
    if (!m?.[1] || !m[2]) return { ok: false, code: "PaRes_Malformed" };
    const expected = Buffer.from(this.mac(m[1]), "utf8");
    const given = Buffer.from(m[2], "utf8");
    if (!crypto.timingSafeEqual(expected, given)) return { ok: false, code: "PaRes_BadSignature" };
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8"));
    } catch {
      return { ok: false, code: "PaRes_Malformed" };
    }
    if (typeof parsed !== "object" || parsed === null) return { ok: false, code: "PaRes_Malformed" };
    const { TransactionId, Authenticated } = parsed as Record<string, unknown>;
    if (typeof TransactionId !== "number" || typeof Authenticated !== "boolean") return { ok: false, code: "PaRes_Malformed" };
    return { ok: true, content: { transactionId: TransactionId, authenticated: Authenticated } };
  }

  private mac(payload: string): string {
    return crypto.createHmac("sha256", this.secret).update(payload).digest("base64url");
  }
}
