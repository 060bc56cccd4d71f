// Test support for the host tests: counts listeners on window and document, so a test can prove
// that mount/unmount or open/close leaves none behind, and sets the late code's source: the real
// late code, with a marker for a cryptogram (the entries only pass it through) unless asked.
import { vi } from "vitest";
import type { CheckoutOptions } from "../shared/index.ts";
import { setLateSource } from "./late.ts";
import type { LateApi } from "./late.ts";

export interface ListenerCounter {
  /** Listeners added and not removed, per target. */
  active(): { window: number; document: number };
  restore(): void;
}

export function countListeners(): ListenerCounter {
  const targets = { window: window as EventTarget, document: document as EventTarget };
  const live = { window: new Set<string>(), document: new Set<string>() };
  const restores: (() => void)[] = [];
  const ids = new WeakMap<object, number>();
  let next = 0;
  const keyOf = (type: string, listener: unknown, options: unknown): string => {
    const capture = typeof options === "boolean" ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
    const fn = listener as object;
    if (!ids.has(fn)) ids.set(fn, ++next);
    return `${type}|${ids.get(fn)}|${capture}`;
  };
  for (const name of ["window", "document"] as const) {
    const target = targets[name];
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener) live[name].add(keyOf(type, listener, options));
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    } as typeof add;
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener) live[name].delete(keyOf(type, listener, options));
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    } as typeof remove;
    restores.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  return {
    active: () => ({ window: live.window.size, document: live.document.size }),
    restore: () => restores.forEach((r) => r()),
  };
}

export const TEST_OPTIONS: CheckoutOptions = {
  publicId: "pk_test",
  publicKey: { pem: "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", version: 4 },
  endpoint: "/api",
  invoiceId: "1001",
  amount: 15,
  currency: "USD",
  language: "en",
};

export interface TestLate {
  /** How often the late code was asked for (once per successful load: the slot memoizes). */
  load: ReturnType<typeof vi.fn<() => Promise<LateApi>>>;
}

/**
 * Points the slot at the real late code. `cryptogram: "real"` keeps node-forge's; by default the
 * cryptogram is "CRYPTOGRAM". `fail` makes the load fail as a blocked script would.
 */
export function useTestLate(options: { cryptogram?: "real" | "marker"; fail?: () => boolean } = {}): TestLate {
  const load = vi.fn(async (): Promise<LateApi> => {
    if (options.fail?.()) throw new Error("checkout-widget: could not load checkout-widget-crypto.js");
    const api = await import("../late/index.ts");
    // Each test is a page of its own: what an earlier one paid is not remembered.
    api.pagePayments.clear();
    return options.cryptogram === "real" ? api : { ...api, createCryptogram: () => "CRYPTOGRAM" };
  });
  setLateSource(load);
  return { load };
}
