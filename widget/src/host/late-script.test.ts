// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import type { LateApi } from "./late.ts";
import { loadLate, setLateSource } from "./late.ts";
import { LATE_GLOBAL, lateScriptSource } from "./late-script.ts";

const host = window as unknown as Record<string, unknown>;
afterEach(() => {
  delete host[LATE_GLOBAL];
  document.head.innerHTML = "";
});

const injected = () => document.head.querySelector<HTMLScriptElement>("script");

describe("lateScriptSource, through the slot", () => {
  it("injects one script with the nonce and resolves with what the chunk registered", async () => {
    setLateSource(lateScriptSource("https://shop.test/assets/checkout-widget-crypto.js", () => "n0nce"));
    const first = loadLate();
    const second = loadLate();
    const script = injected()!;
    expect(document.head.querySelectorAll("script")).toHaveLength(1);
    expect(script.src).toBe("https://shop.test/assets/checkout-widget-crypto.js");
    expect(script.nonce).toBe("n0nce");
    const module = { createCryptogram: () => "x" } as unknown as LateApi;
    host[LATE_GLOBAL] = module; // what the chunk does when it runs
    script.dispatchEvent(new Event("load"));
    await expect(first).resolves.toBe(module);
    await expect(second).resolves.toBe(module);
    expect(injected()).toBeNull();
  });

  it("rejects when the chunk fails to load, and the next call tries again", async () => {
    setLateSource(lateScriptSource("/missing.js"));
    const first = loadLate();
    injected()!.dispatchEvent(new Event("error"));
    await expect(first).rejects.toThrow(/missing\.js/);
    const retry = loadLate();
    expect(injected()).not.toBeNull();
    host[LATE_GLOBAL] = { createCryptogram: () => "y" };
    injected()!.dispatchEvent(new Event("load"));
    await expect(retry).resolves.toBeTruthy();
  });

  it("uses an already registered chunk without injecting", async () => {
    host[LATE_GLOBAL] = { createCryptogram: () => "z" };
    setLateSource(lateScriptSource("/c.js"));
    await loadLate();
    expect(injected()).toBeNull();
  });
});
