// useCheckoutWidget: the widget's mount()/update()/unmount() as a React hook. Mounted once per
// element (StrictMode's simulated unmount and remount keep the same widget, so a 3-D Secure
// redirect outcome is not taken twice and onReady fires once), updated in place when options
// change, and calling the latest callbacks without re-rendering the widget for a new closure.
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { mount, type CheckoutHandle, type CheckoutOptions } from "../index.ts";

export interface CheckoutWidgetControls {
  /** Submits the form as the Pay button would (validation first); nothing before it is mounted. */
  submit(): void;
}

type Options = Record<string, unknown>;

interface Mounted {
  element: HTMLElement;
  handle: CheckoutHandle;
  /** The options last given to the widget, callbacks as their stable wrappers. */
  applied: Options;
  /** Set between a cleanup and the microtask that really unmounts. */
  leaving: boolean;
}

// useLayoutEffect warns when rendered on a server (React 18); it only keeps a ref current.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

/** Same option value: identical, or plain data (appearance, texts, publicKey) with the same content. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && same(a[key], b[key]));
}

/** The changed keys, with `undefined` for an option that is no longer given. */
function changes(previous: Options, next: Options): Options | null {
  const diff: Options = {};
  let changed = false;
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (!same(previous[key], next[key])) {
      diff[key] = next[key];
      changed = true;
    }
  }
  return changed ? diff : null;
}

/**
 * Mounts the checkout widget into `ref`'s element after the first commit and keeps it in step
 * with `options`; unmounts it when the component goes away. Renders nothing on a server.
 */
export function useCheckoutWidget(ref: RefObject<HTMLElement | null>, options: CheckoutOptions): CheckoutWidgetControls {
  const latest = useRef<Options>(options as unknown as Options);
  const wrappers = useRef(new Map<string, (...args: unknown[]) => unknown>());
  const mounted = useRef<Mounted | null>(null);

  useIsomorphicLayoutEffect(() => {
    latest.current = options as unknown as Options;
  });

  // Functions become one stable wrapper per name that calls the current prop, so a new closure
  // each render neither re-renders the widget nor leaves it calling a stale one.
  const resolve = (): Options => {
    const resolved: Options = {};
    for (const [key, value] of Object.entries(latest.current)) {
      if (typeof value !== "function") {
        resolved[key] = value;
        continue;
      }
      let wrapper = wrappers.current.get(key);
      if (!wrapper) {
        wrapper = (...args) => {
          const current = latest.current[key];
          return typeof current === "function" ? (current as (...a: unknown[]) => unknown)(...args) : undefined;
        };
        wrappers.current.set(key, wrapper);
      }
      resolved[key] = wrapper;
    }
    return resolved;
  };

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let current = mounted.current;
    if (current && current.element === element && current.leaving) {
      current.leaving = false; // StrictMode's remount: keep the widget it just "unmounted"
    } else {
      if (current) current.handle.unmount();
      const applied = resolve();
      current = { element, handle: mount(element, applied as unknown as CheckoutOptions), applied, leaving: false };
      mounted.current = current;
    }
    const own = current;
    return () => {
      own.leaving = true;
      // A real unmount, unless the effect runs again first (StrictMode does, synchronously).
      queueMicrotask(() => {
        if (!own.leaving) return;
        own.handle.unmount();
        if (mounted.current === own) mounted.current = null;
      });
    };
    // Mounted once per element; option changes go through update() below.
  }, [ref]);

  useEffect(() => {
    const current = mounted.current;
    if (!current || current.leaving) return;
    const next = resolve();
    const diff = changes(current.applied, next);
    if (diff === null) return;
    current.applied = next;
    current.handle.update(diff as Partial<CheckoutOptions>);
  });

  const controls = useRef<CheckoutWidgetControls>({ submit: () => mounted.current?.handle.submit() });
  return controls.current;
}
