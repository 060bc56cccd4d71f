// Loopback load on the sandbox: non-3-D Secure charges with pre-made cryptograms, measured from
// a client in this process. Run directly (`npm run bench:sandbox`), it starts the sandbox in a
// child process so server and client each get a core, and prints the figures.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { SandboxClient } from "../sandbox/test-client.ts";

export interface SandboxLoadOptions {
  url: string;
  publicId: string;
  apiSecret: string;
  seconds: number;
  concurrency: number;
}

export interface SandboxLoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const CRYPTOGRAMS = 200;

export async function measureSandboxLoad(options: SandboxLoadOptions): Promise<SandboxLoadResult> {
  const key = (await (await fetch(`${options.url}/payments/publickey`)).json()) as { Pem: string; Version: number };
  const client = new SandboxClient({ ...options, publicKeyPem: key.Pem, keyVersion: key.Version });
  // The sandbox does not refuse a reused cryptogram, so a small pool serves the whole run.
  const bodies = Array.from({ length: CRYPTOGRAMS }, () => JSON.stringify(client.payment("4000000000003055")));
  const headers = {
    Authorization: `Basic ${Buffer.from(`${options.publicId}:${options.apiSecret}`).toString("base64")}`,
    "Content-Type": "application/json",
  };
  // node:http with keep-alive costs the client less CPU than fetch, so more of the figure is the server's.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(`${options.url}/payments/cards/charge`);
  const charge = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = bodies[i % CRYPTOGRAMS] ?? "";
      const request = http.request(target, { method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          if ((JSON.parse(text) as { Success: boolean }).Success) resolve();
          else reject(new Error("sandbox load: a charge was not approved"));
        });
      });
      request.on("error", reject);
      request.end(body);
    });

  for (let i = 0; i < 50; i++) await charge(i); // warm-up: JIT and connections

  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await charge(next++);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function startSandboxProcess(): Promise<{ url: string; publicId: string; apiSecret: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../sandbox/main.ts", import.meta.url))], {
    env: { ...process.env, SANDBOX_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Sandbox gateway at (\S+)/.exec(output);
      if (m?.[1] && /API Secret/.test(output)) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with code ${code}`)));
  });
  const publicId = /Public ID:\s+(\S+)/.exec(output)?.[1] ?? "";
  const apiSecret = /API Secret:\s+(\S+)/.exec(output)?.[1] ?? "";
  return { url, publicId, apiSecret, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); null elsewhere. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sandbox = await startSandboxProcess();
  try {
    const seconds = Number(process.env["SECONDS_PER_RUN"] ?? 5);
    const concurrency = Number(process.env["CONCURRENCY"] ?? 32);
    const cpuBefore = cpuSecondsOf(sandbox.pid);
    const result = await measureSandboxLoad({ ...sandbox, seconds, concurrency });
    const cpuAfter = cpuSecondsOf(sandbox.pid);
    console.log(
      `sandbox charges: ${result.perSecond.toFixed(0)}/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms ` +
        `(${seconds} s, ${concurrency} concurrent, loopback, aim ≥ 1000/s)`,
    );
    if (cpuBefore !== null && cpuAfter !== null) {
      // Includes the 50 warm-up charges; a busy machine slows the wall clock, much less the CPU per charge.
      const perCharge = (cpuAfter - cpuBefore) / (result.perSecond * seconds + 50);
      console.log(`sandbox CPU per charge: ${(perCharge * 1000).toFixed(2)} ms → about ${(1 / perCharge).toFixed(0)} charges/s per core`);
    }
  } finally {
    sandbox.stop();
  }
}
