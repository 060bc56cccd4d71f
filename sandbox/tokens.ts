// Card tokens issued on approval: bound to the AccountId of the first payment, they pay again
// without a cryptogram or 3-D Secure.
import crypto from "node:crypto";
import { BoundedMap } from "./bounded-map.ts";
import type { CardFacts } from "./transactions.ts";

export interface TokenRecord {
  token: string;
  accountId: string | null;
  name: string | null;
  card: CardFacts;
}

export class TokenStore {
  private readonly tokens: BoundedMap<string, TokenRecord>;

  constructor(maxTokens: number) {
    this.tokens = new BoundedMap(maxTokens);
  }

  issue(init: Omit<TokenRecord, "token">): TokenRecord {
    const record: TokenRecord = { token: `tk_${crypto.randomBytes(16).toString("hex")}`, ...init };
    this.tokens.set(record.token, record);
    return record;
  }

  /** The token only when it belongs to this AccountId. */
  find(token: string, accountId: string): TokenRecord | undefined {
    const record = this.tokens.get(token);
    return record !== undefined && record.accountId === accountId ? record : undefined;
  }
}
