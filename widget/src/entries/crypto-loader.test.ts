// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { CRYPTO_GLOBAL, createScriptCryptoLoader, memoizeLoader } from "./crypto-loader.ts";
import type { CryptoModule } from "./crypto-loader.ts";

const host = window as unknown as Record<string, unknown>;
afterEach(() => {
  delete host[CRYPTO_GLOBAL];
  document.head.innerHTML = "";
});

const injected = () => document.head.querySelector<HTMLScriptElement>("script");

describe("createScriptCryptoLoader", () => {
  it("injects one script with the nonce and resolves with what the chunk registered", async () => {
    const load = createScriptCryptoLoader("https://shop.test/assets/checkout-widget-crypto.js", () => "n0nce");
    const first = load();
    const second = load();
    const script = injected()!;
    expect(document.head.querySelectorAll("script")).toHaveLength(1);
    expect(script.src).toBe("https://shop.test/assets/checkout-widget-crypto.js");
    expect(script.nonce).toBe("n0nce");
    const module = { createCryptogram: () => "x" } as unknown as CryptoModule;
    host[CRYPTO_GLOBAL] = module; // what the chunk does when it runs
    script.dispatchEvent(new Event("load"));
    await expect(first).resolves.toBe(module);
    await expect(second).resolves.toBe(module);
    expect(injected()).toBeNull();
  });

  it("rejects when the chunk fails to load, and the next call tries again", async () => {
    const load = createScriptCryptoLoader("/missing.js");
    const first = load();
    injected()!.dispatchEvent(new Event("error"));
    await expect(first).rejects.toThrow(/missing\.js/);
    const retry = load();
    expect(injected()).not.toBeNull();
    host[CRYPTO_GLOBAL] = { createCryptogram: () => "y" };
    injected()!.dispatchEvent(new Event("load"));
    await expect(retry).resolves.toBeTruthy();
  });

  it("uses an already registered chunk without injecting", async () => {
    host[CRYPTO_GLOBAL] = { createCryptogram: () => "z" };
    await createScriptCryptoLoader("/c.js")();
    expect(injected()).toBeNull();
  });
});

describe("memoizeLoader", () => {
  it("shares one pending load", async () => {
    const inner = vi.fn(() => Promise.resolve({} as CryptoModule));
    const load = memoizeLoader(inner);
    await Promise.all([load(), load(), load()]);
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
