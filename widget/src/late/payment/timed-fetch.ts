// One HTTP exchange with a deadline that covers the answer's body too, and that the
// controller's lifetime can cut short (destroy). Failures come back as values.

export type TimedFetchResult =
  /** `retryAfter`: the Retry-After header in seconds, when the answer has a usable one. */
  | { kind: "response"; status: number; body: string; retryAfter?: number }
  | { kind: "network" }
  | { kind: "timeout" }
  /** The lifetime signal fired (the controller was destroyed): nobody waits for the answer. */
  | { kind: "aborted" };

export async function timedFetch(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  lifetime: AbortSignal,
): Promise<TimedFetchResult> {
  if (lifetime.aborted) return { kind: "aborted" };
  const controller = new AbortController();
  let timedOut = false;
  let stop: () => void = () => undefined;
  // Races the fetch too, so a fetch that ignores its signal cannot hold the flow past the deadline.
  const stopped = new Promise<never>((_, reject) => {
    stop = () => {
      controller.abort();
      reject(new Error("aborted"));
    };
  });
  stopped.catch(() => undefined);
  const onLifetimeEnd = (): void => stop();
  lifetime.addEventListener("abort", onLifetimeEnd);
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeoutMs);
  try {
    const exchange = (async () => {
      const response = await fetchFn(url, { ...init, signal: controller.signal });
      return { status: response.status, body: await response.text(), retryAfter: retryAfterOf(response.headers?.get("retry-after")) };
    })();
    exchange.catch(() => undefined);
    const { status, body, retryAfter } = await Promise.race([exchange, stopped]);
    return retryAfter === undefined ? { kind: "response", status, body } : { kind: "response", status, body, retryAfter };
  } catch {
    if (lifetime.aborted) return { kind: "aborted" };
    return timedOut ? { kind: "timeout" } : { kind: "network" };
  } finally {
    clearTimeout(timer);
    lifetime.removeEventListener("abort", onLifetimeEnd);
  }
}

/** Retry-After as seconds (a delay, or an HTTP date from now), at least 1 and at most a day. */
export function retryAfterOf(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  const seconds = /^\d{1,9}$/.test(text) ? Number(text) : Math.ceil((Date.parse(text) - now) / 1000);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), 86_400) : undefined;
}
