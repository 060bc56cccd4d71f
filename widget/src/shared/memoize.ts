// One pending load shared by every caller, kept once it succeeds and forgotten when it fails, so
// that the next call tries again (the late code, a public key).

/**
 * Wraps `load` so that concurrent and later calls share its promise. A rejection, or a value
 * `keep` refuses (a failure reported as a value), is forgotten once it settles. The first call of
 * each try passes its arguments to `load`.
 */
export function memoizeUntilFailure<A extends unknown[], T>(
  load: (...args: A) => Promise<T>,
  keep: (value: T) => boolean = () => true,
): (...args: A) => Promise<T> {
  let pending: Promise<T> | null = null;
  return (...args) => {
    if (pending) return pending;
    const current = load(...args);
    pending = current;
    const forget = (): void => {
      if (pending === current) pending = null;
    };
    current.then((value) => {
      if (!keep(value)) forget();
    }, forget);
    return current;
  };
}
