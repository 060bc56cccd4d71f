// Finds (or, on a root CI box, installs) the redis-server the attempt-store tests start.
// Run directly before the unit tests; imported by the tests' Redis fixture for `findRedisServer()`.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const DEBIAN_REDIS = "/usr/bin/redis-server";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** REDIS_SERVER_PATH, else `redis-server` on PATH, else Debian's path; null when none exists. */
export function findRedisServer(): string | null {
  const fromEnv = process.env.REDIS_SERVER_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && isExecutable(join(dir, "redis-server"))) return join(dir, "redis-server");
  }
  return isExecutable(DEBIAN_REDIS) ? DEBIAN_REDIS : null;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function installDebianRedis(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "redis-server"], { stdio: "inherit", env });
}

/** Makes sure a redis-server exists; returns its path or throws with what to do. */
export function ensureRedisServer(): string {
  const found = findRedisServer();
  if (found) return found;
  if (process.env.REDIS_SERVER_PATH) {
    throw new Error(`REDIS_SERVER_PATH is set to ${process.env.REDIS_SERVER_PATH}, but no executable is there.`);
  }
  if (!isRoot()) {
    throw new Error(
      "No redis-server found for the attempt-store tests. Install Debian's package " +
        "(sudo apt-get install -y --no-install-recommends redis-server) or set REDIS_SERVER_PATH.",
    );
  }
  console.log("ensure-redis: no redis-server found; installing Debian's redis-server package…");
  installDebianRedis();
  const installed = findRedisServer();
  if (!installed) throw new Error(`apt-get installed redis-server, but ${DEBIAN_REDIS} is still missing.`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(`ensure-redis: using ${ensureRedisServer()}`);
  } catch (error) {
    console.error(`ensure-redis: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
