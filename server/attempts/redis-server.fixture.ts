// Test fixture: a real redis-server on a free loopback port, nothing saved to disk, stopped by
// close(). Never skipped: without redis-server the tests fail and say how to get one
// (`npm test` installs Debian's package as root, see scripts/ensure-redis.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { Redis } from "ioredis";
import { findRedisServer } from "../../scripts/ensure-redis.ts";
import { fromIoredis } from "./redis-client.ts";
import { redisAttemptStore } from "./redis-attempt-store.ts";
import type { AttemptStore } from "./attempt-store.ts";

export interface RedisServer {
  port: number;
  url: string;
  /** An attempt store on this server with a client of its own, as one kit instance has (disconnected by close()). */
  store(keyPrefix: string): AttemptStore;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function startOnce(binary: string): Promise<RedisServer | null> {
  const port = await freePort();
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      // Another process took the port between freePort() and the bind: try another.
      if (/in use/i.test(stderr)) return null;
      throw new Error(`redis-server exited (${child.exitCode}): ${stderr.trim()}`);
    }
    if (await ping(port)) {
      const url = `redis://127.0.0.1:${port}`;
      const clients: Redis[] = [];
      return {
        port,
        url,
        store(keyPrefix) {
          const client = new Redis(url);
          clients.push(client);
          return redisAttemptStore({ redis: fromIoredis(client), keyPrefix });
        },
        async close() {
          for (const client of clients) client.disconnect();
          child.kill("SIGTERM");
          await exited(child);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer on port ${port} within 10 s`);
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  if (binary === null) {
    throw new Error(
      "redis-server is not installed: run `npm test` as root (it installs Debian's redis-server), " +
        "`apt-get install redis-server`, or set REDIS_SERVER_PATH.",
    );
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const server = await startOnce(binary);
    if (server) return server;
  }
  throw new Error("redis-server could not bind a free loopback port in 5 tries");
}
