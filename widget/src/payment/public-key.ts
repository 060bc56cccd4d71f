// The gateway's public key for the cryptogram: given in the options, supplied by the entry,
// or fetched once from publicKeyUrl (`{ Pem, Version }`) and kept for the controller's life.
import type { CheckoutOptions, PublicKey } from "../options.ts";
import type { PaymentMessageKey } from "./message-keys.ts";
import { timedFetch } from "./timed-fetch.ts";

export type PublicKeyResult = { ok: true; key: PublicKey } | { ok: false; messageKey: PaymentMessageKey };
export type PublicKeySource = () => Promise<PublicKeyResult>;

/** `{ Pem, Version }` as the gateway's /payments/publickey answers it, or null. */
export function parsePublicKeyAnswer(value: unknown): PublicKey | null {
  if (typeof value !== "object" || value === null) return null;
  const { Pem: pem, Version: version } = value as Record<string, unknown>;
  if (typeof pem !== "string" || !pem.includes("-----BEGIN")) return null;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) return null;
  return { pem, version };
}

export interface PublicKeySourceDeps {
  fetch: typeof fetch;
  getPublicKey?: (() => Promise<PublicKey>) | undefined;
  timeoutMs: number;
  lifetime: AbortSignal;
}

export function createPublicKeySource(
  options: Pick<CheckoutOptions, "publicKey" | "publicKeyUrl">,
  deps: PublicKeySourceDeps,
): PublicKeySource {
  const { publicKey, publicKeyUrl } = options;
  if (publicKey) return () => Promise.resolve({ ok: true, key: publicKey });
  const { getPublicKey } = deps;
  let load: PublicKeySource;
  if (getPublicKey) {
    load = () =>
      getPublicKey().then(
        (key): PublicKeyResult => ({ ok: true, key }),
        (): PublicKeyResult => ({ ok: false, messageKey: "Error_Network" }),
      );
  } else if (publicKeyUrl) {
    load = () => fetchKey(publicKeyUrl, deps);
  } else {
    return () => Promise.resolve({ ok: false, messageKey: "Error_Config" });
  }

  let cached: Promise<PublicKeyResult> | null = null;
  return () => {
    const current = (cached ??= load());
    // Only a key is worth keeping: after a failure the next attempt asks again.
    void current.then((result) => {
      if (!result.ok && cached === current) cached = null;
    });
    return current;
  };
}

async function fetchKey(url: string, deps: PublicKeySourceDeps): Promise<PublicKeyResult> {
  const answer = await timedFetch(deps.fetch, url, { method: "GET" }, deps.timeoutMs, deps.lifetime);
  if (answer.kind === "timeout") return { ok: false, messageKey: "Error_Timeout" };
  if (answer.kind !== "response") return { ok: false, messageKey: "Error_Network" };
  if (answer.status < 200 || answer.status > 299) return { ok: false, messageKey: "Error_Server" };
  let key: PublicKey | null;
  try {
    key = parsePublicKeyAnswer(JSON.parse(answer.body));
  } catch {
    key = null;
  }
  return key ? { ok: true, key } : { ok: false, messageKey: "Error_BadResponse" };
}
