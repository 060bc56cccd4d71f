// The gateway's public key for the cryptogram: given in the options, supplied by the host, or
// fetched from publicKeyUrl (`{ Pem, Version }`) once and kept. One source for the payment flow and
// cp.Checkout alike: the same answer check, the same timeout, a failure asked again next time.
import { isRecord, memoizeUntilFailure } from "../../shared/index.ts";
import type { CheckoutOptions, PublicKey } from "../../shared/index.ts";
import { timedFetch } from "./timed-fetch.ts";

/** Why there is no key: the failure's code (failures.ts); nothing was sent to the endpoint yet. */
export type KeyFailure = "network" | "config" | "timeout" | "server_error" | "bad_response";
export type PublicKeyResult = { ok: true; key: PublicKey } | { ok: false; code: KeyFailure };
/** The key, fetched at most once at a time; `signal` (the first asker's) cuts a fetch short. */
export type PublicKeySource = (signal?: AbortSignal) => Promise<PublicKeyResult>;

/** `{ Pem, Version }` as the gateway's /payments/publickey answers it, or null. */
export function parsePublicKeyAnswer(value: unknown): PublicKey | null {
  if (!isRecord(value)) return null;
  const { Pem: pem, Version: version } = value;
  if (typeof pem !== "string" || !pem.includes("-----BEGIN")) return null;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) return null;
  return { pem, version };
}

export interface PublicKeySourceDeps {
  fetch: typeof fetch;
  getPublicKey?: (() => Promise<PublicKey>) | undefined;
  timeoutMs: number;
}

export function createPublicKeySource(
  options: Pick<CheckoutOptions, "publicKey" | "publicKeyUrl">,
  deps: PublicKeySourceDeps,
): PublicKeySource {
  const { publicKey, publicKeyUrl } = options;
  if (publicKey) return () => Promise.resolve({ ok: true, key: publicKey });
  const { getPublicKey } = deps;
  if (getPublicKey) {
    return memoizeUntilFailure(
      () =>
        getPublicKey().then(
          (key): PublicKeyResult => ({ ok: true, key }),
          (): PublicKeyResult => ({ ok: false, code: "network" }),
        ),
      (result) => result.ok,
    );
  }
  if (!publicKeyUrl) return () => Promise.resolve({ ok: false, code: "config" });
  // Only a key is worth keeping: after a failure the next attempt asks again.
  return memoizeUntilFailure((signal?: AbortSignal) => fetchKey(publicKeyUrl, deps, signal), (result) => result.ok);
}

async function fetchKey(url: string, deps: PublicKeySourceDeps, signal = new AbortController().signal): Promise<PublicKeyResult> {
  const answer = await timedFetch(deps.fetch, url, { method: "GET", headers: { Accept: "application/json" } }, deps.timeoutMs, signal);
  if (answer.kind === "timeout") return { ok: false, code: "timeout" };
  if (answer.kind !== "response") return { ok: false, code: "network" };
  if (answer.status < 200 || answer.status > 299) return { ok: false, code: "server_error" };
  let key: PublicKey | null;
  try {
    key = parsePublicKeyAnswer(JSON.parse(answer.body));
  } catch {
    key = null;
  }
  return key ? { ok: true, key } : { ok: false, code: "bad_response" };
}
