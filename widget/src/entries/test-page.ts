// Test support for the entry tests: counts listeners on window and document, so a test can
// prove that mount/unmount or open/close leaves none behind, and a fake crypto module.
import { vi } from "vitest";
import type { CheckoutOptions } from "../options.ts";
import { createPaymentController } from "../payment/index.ts";
import type { CryptoModule, LoadCrypto } from "./crypto-loader.ts";
import { createLazyController } from "./lazy-controller.ts";
import type { EntryDeps } from "./mount.tsx";

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

export interface TestDeps extends EntryDeps {
  loadCrypto: LoadCrypto & ReturnType<typeof vi.fn>;
}

/**
 * Entry deps with a crypto module whose cryptogram is a marker (the entries only pass it through)
 * and the real payment flow — created directly (npm) or through the lazy stand-in (script tag).
 */
export function fakeCrypto(mode: "direct" | "lazy" = "direct"): TestDeps {
  const module = { createCryptogram: vi.fn(() => "CRYPTOGRAM") } as unknown as CryptoModule;
  const loadCrypto = vi.fn(() => Promise.resolve(module)) as TestDeps["loadCrypto"];
  const createController: EntryDeps["createController"] =
    mode === "direct"
      ? createPaymentController
      : (options, deps) => createLazyController(() => Promise.resolve(createPaymentController), options, deps);
  return { loadCrypto, createController };
}
