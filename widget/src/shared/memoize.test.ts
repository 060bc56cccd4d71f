import { describe, expect, it, vi } from "vitest";
import { memoizeUntilFailure } from "./memoize.ts";

describe("memoizeUntilFailure", () => {
  it("shares one pending load and keeps what it gave", async () => {
    const inner = vi.fn(async () => ({ value: 1 }));
    const load = memoizeUntilFailure(inner);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(inner).toHaveBeenCalledTimes(1);
  });

  it("forgets a rejection once it settles, so that the next call tries again", async () => {
    const inner = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue("loaded");
    const load = memoizeUntilFailure(inner as () => Promise<string>);
    const first = load();
    expect(load()).toBe(first); // still pending: the same try
    await expect(first).rejects.toThrow("offline");
    await expect(load()).resolves.toBe("loaded");
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it("forgets a value `keep` refuses (a failure reported as a value), and passes the first caller's arguments", async () => {
    const inner = vi.fn(async (attempt: number) => ({ ok: attempt > 1, attempt }));
    const load = memoizeUntilFailure(inner, (result) => result.ok);
    expect(await load(1)).toEqual({ ok: false, attempt: 1 });
    expect(await load(2)).toEqual({ ok: true, attempt: 2 });
    expect(await load(3)).toEqual({ ok: true, attempt: 2 });
    expect(inner.mock.calls).toEqual([[1], [2]]);
  });
});
