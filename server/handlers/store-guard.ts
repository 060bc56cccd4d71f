// The attempt store as the handlers use it: a failing store (Redis down, a database error) is one
// error type, so a handler can refuse to pay (never pay unguarded) without mistaking other errors.
import type { AttemptStore } from "../attempts/index.ts";
import type { CheckoutLogger } from "./options.ts";

export class AttemptStoreError extends Error {
  override readonly name = "AttemptStoreError";
  constructor(options: { cause: unknown }) {
    super("The attempt store failed", options);
  }
}

export function guardStore(store: AttemptStore): AttemptStore {
  const guarded = <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args);
      } catch (cause) {
        throw new AttemptStoreError({ cause });
      }
    };
  return {
    claim: guarded(store.claim.bind(store)),
    update: guarded(store.update.bind(store)),
    release: guarded(store.release.bind(store)),
    recordPaid: guarded(store.recordPaid.bind(store)),
    read: guarded(store.read.bind(store)),
    takeAttempt: guarded(store.takeAttempt.bind(store)),
    returnAttempt: guarded(store.returnAttempt.bind(store)),
  };
}

/**
 * For store writes after the gateway answered: the answer stands whatever the store does, and
 * a hold it could not change lapses by itself.
 */
export async function afterGateway(logger: CheckoutLogger, what: string, fields: Record<string, unknown>, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    logger.error(`checkout: attempt store failed to ${what}`, { ...fields, error: error instanceof AttemptStoreError ? String(error.cause) : String(error) });
  }
}
