import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureRedisServer, findRedisServer } from "./ensure-redis.ts";

const saved = { path: process.env.PATH, redis: process.env.REDIS_SERVER_PATH };
afterEach(() => {
  process.env.PATH = saved.path;
  if (saved.redis === undefined) delete process.env.REDIS_SERVER_PATH;
  else process.env.REDIS_SERVER_PATH = saved.redis;
});

function fakeBinary(mode: number): string {
  const dir = mkdtempSync(join(tmpdir(), "ensure-redis-"));
  const file = join(dir, "redis-server");
  writeFileSync(file, "#!/bin/sh\n", { mode });
  return file;
}

describe("finding redis-server", () => {
  it("takes REDIS_SERVER_PATH when it is executable, and refuses one that is not", () => {
    const good = fakeBinary(0o755);
    process.env.REDIS_SERVER_PATH = good;
    expect(findRedisServer()).toBe(good);
    process.env.REDIS_SERVER_PATH = fakeBinary(0o644);
    expect(findRedisServer()).toBeNull();
    expect(() => ensureRedisServer()).toThrow(/REDIS_SERVER_PATH is set/);
  });

  it("looks on PATH before Debian's path", () => {
    delete process.env.REDIS_SERVER_PATH;
    const onPath = fakeBinary(0o755);
    process.env.PATH = `${join(onPath, "..")}:${saved.path ?? ""}`;
    expect(findRedisServer()).toBe(onPath);
  });
});
