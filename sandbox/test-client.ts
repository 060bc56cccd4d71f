// A small HTTP client for the sandbox, for tests and the load bench: Basic auth, JSON or form
// bodies, X-Request-ID, and cryptograms made the way the widget makes them.
import crypto from "node:crypto";
import { createCryptogram } from "../widget/src/cryptogram/index.ts";
import type { ApiEnvelope } from "./api-answer.ts";
import { basicAuthHeader } from "./basic-auth.ts";

export interface SandboxAccess {
  url: string;
  publicId: string;
  apiSecret: string;
  publicKeyPem: string;
  keyVersion: number;
}

export interface PostOptions {
  /** Send application/x-www-form-urlencoded instead of JSON. */
  form?: boolean;
  requestId?: string;
  /** false: no Authorization header; a pair: those credentials. */
  auth?: false | { login: string; password: string };
}

export interface ApiResponse {
  status: number;
  body: ApiEnvelope;
}

export class SandboxClient {
  constructor(readonly access: SandboxAccess) {}

  async post(path: string, params: Record<string, unknown> = {}, options: PostOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    const auth = options.auth ?? { login: this.access.publicId, password: this.access.apiSecret };
    if (auth) headers["Authorization"] = basicAuthHeader(auth.login, auth.password);
    if (options.requestId !== undefined) headers["X-Request-ID"] = options.requestId;
    let body: string;
    if (options.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) {
        // An array becomes a repeated field; an object can only travel as JSON text.
        if (Array.isArray(v)) for (const item of v) form.append(k, String(item));
        else form.append(k, typeof v === "object" ? JSON.stringify(v) : String(v));
      }
      body = form.toString();
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(params);
    }
    const response = await fetch(`${this.access.url}${path}`, { method: "POST", headers, body });
    return { status: response.status, body: (await response.json()) as ApiEnvelope };
  }

  /** A cryptogram of a valid card (the widget's own createCryptogram). */
  cryptogram(cardNumber: string, options: { format?: "json" | "legacy"; publicId?: string; expDateMonthYear?: string } = {}): string {
    return createCryptogram(
      { cardNumber, expDateMonthYear: options.expDateMonthYear ?? "12/30", cvv: "123" },
      { publicId: options.publicId ?? this.access.publicId, publicKeyPem: this.access.publicKeyPem, keyVersion: this.access.keyVersion },
      { format: options.format ?? "json" },
    );
  }

  /**
   * A legacy packet of any PAN and expiry, valid or not (the widget refuses to encrypt an
   * expired or non-Luhn card, but a gateway must still cope with one).
   */
  rawLegacyCryptogram(pan: string, yymm: string): string {
    const value = crypto
      .publicEncrypt(
        { key: this.access.publicKeyPem, padding: crypto.constants.RSA_PKCS1_PADDING },
        Buffer.from(`${pan}@${yymm}@123@${this.access.publicId}`, "latin1"),
      )
      .toString("base64");
    const version = String(this.access.keyVersion).padStart(2, "0");
    return `01${pan.slice(0, 6)}${pan.slice(-4)}${yymm}${version}${value}`;
  }

  /** Valid charge/auth parameters for a card. */
  payment(cardNumber: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      Amount: 150.5,
      Currency: "RUB",
      IpAddress: "127.0.0.1",
      Name: "CARDHOLDER NAME",
      InvoiceId: "1001",
      AccountId: "user_x",
      Email: "shopper@example.com",
      Description: "Order 1001",
      CardCryptogramPacket: this.cryptogram(cardNumber),
      ...extra,
    };
  }
}
