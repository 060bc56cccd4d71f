// Test doubles for the payment flow's dependencies: a scripted fetch and a fake crypto chunk.
// Used by the *.test.ts files beside it; nothing in the widget imports it.
import type { CryptogramMaker } from "./controller.ts";

export type FakeAnswer =
  | { status: number; body: string; headers?: Record<string, string> }
  | { network: true }
  /** Never answers; rejects when the request is aborted (timeout or destroy). */
  | { hang: true };

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  credentials: RequestCredentials | undefined;
}

export function json(status: number, value: unknown, headers?: Record<string, string>): FakeAnswer {
  return headers ? { status, body: JSON.stringify(value), headers } : { status, body: JSON.stringify(value) };
}

/** A fetch that answers from a script, one answer per call, and records every request. */
export function createFakeFetch(script: FakeAnswer[]): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const queue = [...script];
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const signal = init?.signal ?? undefined;
    requests.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers,
      body: typeof init?.body === "string" ? init.body : undefined,
      signal,
      credentials: init?.credentials,
    });
    const answer = queue.shift();
    if (!answer) throw new Error(`unexpected request to ${String(input)}`);
    if ("network" in answer) throw new TypeError("Failed to fetch");
    if ("hang" in answer) {
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    return { status: answer.status, headers: new Headers(answer.headers), text: async () => answer.body } as Response;
  }) as typeof fetch;
  return { fetch: fakeFetch, requests };
}

export interface FakeCrypto {
  loadCrypto: () => Promise<CryptogramMaker>;
  calls: Array<{ card: Parameters<CryptogramMaker["createCryptogram"]>[0]; key: Parameters<CryptogramMaker["createCryptogram"]>[1] }>;
}

/** A crypto chunk whose cryptograms are opaque numbered strings ("CRYPTOGRAM-1", ...). */
export function createFakeCrypto(fail?: () => Error): FakeCrypto {
  const calls: FakeCrypto["calls"] = [];
  const module: CryptogramMaker = {
    createCryptogram(card, key) {
      calls.push({ card: { ...card }, key: { ...key } });
      if (fail) throw fail();
      return `CRYPTOGRAM-${calls.length}`;
    },
  };
  return { loadCrypto: async () => module, calls };
}

/** Sequential ids ("id-1", "id-2", ...) so tests can tell attempts apart. */
export function sequentialIds(prefix = "id"): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
