// One HTTP exchange with a deadline that covers the answer's body too, and that the
// controller's lifetime can cut short (destroy). Failures come back as values.

export type TimedFetchResult =
  | { kind: "response"; status: number; body: string }
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
      return { status: response.status, body: await response.text() };
    })();
    exchange.catch(() => undefined);
    const { status, body } = await Promise.race([exchange, stopped]);
    return { kind: "response", status, body };
  } catch {
    if (lifetime.aborted) return { kind: "aborted" };
    return timedOut ? { kind: "timeout" } : { kind: "network" };
  } finally {
    clearTimeout(timer);
    lifetime.removeEventListener("abort", onLifetimeEnd);
  }
}
