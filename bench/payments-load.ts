// Payments per second and latency through the merchant endpoint and the sandbox on loopback.
// The sandbox and the merchant each run in a child process; this process only generates load.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { createCryptogram } from "../widget/src/cryptogram/index.ts";
import { measureSandboxLoad } from "./sandbox-load.ts";
import type { SandboxLoadResult } from "./sandbox-load.ts";
import { BENCH_INVOICE, BENCH_ORIGIN, CPU_LINE, CPU_QUERY, READY_LINE } from "./payment-stack.ts";
import type { SandboxAccess } from "./payment-stack.ts";
import { median, quantile } from "./stats.ts";

/** Approved without 3-D Secure in the sandbox (docs/cloudpayments.md, test cards). */
const APPROVED_CARD = "4000 0000 0000 3055";
const CRYPTOGRAMS = 200;
const INVOICE_SLOT = "__invoice__";

export interface PaymentsLoadOptions {
  runs: number;
  seconds: number;
  concurrency: number;
  sandboxRuns: number;
  sandboxSeconds: number;
  /** Open-loop runs: requests sent at this fixed rate (per second), latency from the scheduled send time. */
  fixedRate: number;
  fixedRateRuns: number;
  fixedRateSeconds: number;
  /**
   * "split" (default): sandbox and merchant each in a child process; "shared": both in one child.
   * Either way the load comes from this process.
   */
  layout?: "split" | "shared";
}

export interface LoadFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** CPU time per approved payment, ms, by process: what a payment costs, whatever else runs. */
export interface CpuPerPayment {
  loadGenerator: number;
  merchant: number;
  sandbox: number;
}

export interface PaymentsLoadFigures {
  /** Medians over runs; per-run figures alongside. */
  merchant: LoadFigures & {
    runs: LoadFigures[];
    failed: number;
    total: number;
    cpuPerPaymentMs: CpuPerPayment;
    /** Merchant-path throughput ÷ the sandbox alone's, run by run (each pair run back to back). */
    vsSandbox: { median: number; runs: number[] };
  };
  sandbox: LoadFigures & { runs: SandboxLoadResult[] };
  /** At options.fixedRate offered: achieved rate and latency, medians over runs. */
  fixedRate: LoadFigures & { offered: number; runs: LoadFigures[]; failed: number; total: number };
}

interface Child {
  info: Record<string, unknown>;
  /** User + system CPU time of the child so far, ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function spawnStack(role: "sandbox" | "merchant" | "both", env: Record<string, string> = {}): Promise<Child> {
  const file = fileURLToPath(new URL("./payment-stack.ts", import.meta.url));
  // BENCH_CPU_PROF=<dir>: each server process writes a V8 CPU profile there when it stops.
  const profile = process.env["BENCH_CPU_PROF"] ? ["--cpu-prof", `--cpu-prof-dir=${process.env["BENCH_CPU_PROF"]}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "--import", "tsx", file, role], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const cpuWaiters: ((ms: number) => void)[] = [];
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.startsWith(READY_LINE)) resolve(JSON.parse(line.slice(READY_LINE.length)) as Record<string, unknown>);
        if (line.startsWith(CPU_LINE)) {
          const usage = JSON.parse(line.slice(CPU_LINE.length)) as { user: number; system: number };
          cpuWaiters.shift()?.((usage.user + usage.system) / 1000);
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`payment-stack ${role} exited with code ${code}`)));
  });
  return {
    info,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        cpuWaiters.push(resolve);
        child.stdin?.write(`${CPU_QUERY}\n`);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs `send` from `concurrency` workers for `seconds`; latencies of successful sends only. */
async function fire(seconds: number, concurrency: number, send: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const ok = await send(next++).catch(() => false);
      if (ok) latencies.push(performance.now() - t0);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return {
    figures: { perSecond: latencies.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) },
    failed,
    total: latencies.length + failed,
  };
}

/** Cap of requests in flight in an open-loop run, so an overloaded server slows it down, not the OS. */
const MAX_IN_FLIGHT = 512;

/**
 * Open loop: sends at `rate` per second whatever the answers, timing each request from when it
 * was due (not when it went out), so a stall shows in the latencies instead of hiding them.
 */
async function fireAtRate(seconds: number, rate: number, send: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  let inFlight = 0;
  const running = new Set<Promise<void>>();
  const started = performance.now();
  const count = Math.round(seconds * rate);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(count, Math.floor(((performance.now() - started) * rate) / 1000));
      while (sent < due && inFlight < MAX_IN_FLIGHT) {
        const scheduled = started + (sent * 1000) / rate;
        inFlight++;
        const task = send(sent++)
          .catch(() => false)
          .then((ok) => {
            if (ok) latencies.push(performance.now() - scheduled);
            else failed++;
            inFlight--;
            running.delete(task);
          });
        running.add(task);
      }
      if (sent >= count) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  await Promise.all(running);
  const elapsed = (performance.now() - started) / 1000;
  return {
    figures: { perSecond: latencies.length / elapsed, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) },
    failed,
    total: latencies.length + failed,
  };
}

export async function runPaymentsLoad(options: PaymentsLoadOptions): Promise<PaymentsLoadFigures> {
  const shared = options.layout === "shared";
  const sandboxChild = await spawnStack(shared ? "both" : "sandbox");
  const sandbox = sandboxChild.info as unknown as SandboxAccess;
  let merchantChild: Child | null = null;
  let agent: Agent | undefined;
  try {
    merchantChild = shared ? null : await spawnStack("merchant", { BENCH_SANDBOX: JSON.stringify(sandbox) });
    const payUrl = String((merchantChild ?? sandboxChild).info["payUrl"]);

    // The sandbox does not refuse a reused cryptogram, so a pool serves every request.
    const key = { publicId: sandbox.publicId, publicKeyPem: sandbox.publicKeyPem, keyVersion: sandbox.keyVersion };
    const bodies = Array.from({ length: CRYPTOGRAMS }, () =>
      JSON.stringify({
        cryptogram: createCryptogram({ cardNumber: APPROVED_CARD, expDateMonthYear: "12/30", cvv: "123" }, key, { format: "json" }),
        name: "IVAN PETROV",
        invoiceId: INVOICE_SLOT,
        amount: 1500,
      }),
    );
    // Each payment pays its own order: the kit refuses a second payment for a paid one.
    let sequence = 0;
    // node:http with keep-alive rather than fetch: the load generator shares the CPUs with the
    // servers it measures, and fetch costs several times more CPU per request.
    agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
    const pay = (i: number): Promise<boolean> =>
      new Promise((resolve, reject) => {
        const body = (bodies[i % CRYPTOGRAMS] ?? "").replace(INVOICE_SLOT, `${BENCH_INVOICE}-${++sequence}`);
        const req = request(
          payUrl,
          {
            method: "POST",
            agent,
            headers: {
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(body),
              Origin: BENCH_ORIGIN,
              "X-Request-ID": randomUUID(),
            },
          },
          (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (text += chunk));
            res.on("end", () => {
              try {
                resolve(res.statusCode === 200 && (JSON.parse(text) as { status?: string }).status === "approved");
              } catch {
                resolve(false);
              }
            });
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        req.end(body);
      });

    // Warm-up: JIT, keep-alive connections on both hops.
    const warm = await fire(1, options.concurrency, pay);
    if (warm.total > 0 && warm.failed === warm.total) throw new Error("every warm-up payment failed (is the pay handler answering?)");

    // CPU time of each process, summed over the merchant runs only (the sandbox-alone runs in
    // between cost the sandbox too, and must not count as payments' cost).
    const ownCpuMs = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const spent = { own: 0, sandbox: 0, merchant: 0 };
    const counted = async <T>(task: () => Promise<T>): Promise<T> => {
      const before = { own: ownCpuMs(), sandbox: await sandboxChild.cpuMs(), merchant: (await merchantChild?.cpuMs()) ?? 0 };
      const result = await task();
      spent.own += ownCpuMs() - before.own;
      spent.sandbox += (await sandboxChild.cpuMs()) - before.sandbox;
      spent.merchant += ((await merchantChild?.cpuMs()) ?? 0) - before.merchant;
      return result;
    };

    // Sandbox-alone and merchant runs alternate, so that a change in what else the machine runs
    // weighs on both sides of each ratio alike.
    const sandboxRuns: SandboxLoadResult[] = [];
    const merchantRuns: LoadFigures[] = [];
    const ratios: number[] = [];
    let failed = 0;
    let total = 0;
    for (let r = 0; r < Math.max(options.runs, options.sandboxRuns); r++) {
      if (r < options.sandboxRuns) {
        sandboxRuns.push(await measureSandboxLoad({ ...sandbox, seconds: options.sandboxSeconds, concurrency: options.concurrency }));
      }
      if (r < options.runs) {
        const run = await counted(() => fire(options.seconds, options.concurrency, pay));
        merchantRuns.push(run.figures);
        failed += run.failed;
        total += run.total;
        const alone = sandboxRuns[r];
        if (alone !== undefined && alone.perSecond > 0) ratios.push(run.figures.perSecond / alone.perSecond);
      }
    }
    const approved = Math.max(1, total - failed);
    const fixedRuns: LoadFigures[] = [];
    let fixedFailed = 0;
    let fixedTotal = 0;
    for (let r = 0; r < options.fixedRateRuns; r++) {
      const run = await counted(() => fireAtRate(options.fixedRateSeconds, options.fixedRate, pay));
      fixedRuns.push(run.figures);
      fixedFailed += run.failed;
      fixedTotal += run.total;
      // Far below the offered rate, each run mostly drains a backlog: one shows that, and the rest would take minutes.
      if (run.figures.perSecond < options.fixedRate / 2) break;
    }
    // Measured over the fixed-rate runs too: more samples, same cost per payment.
    const allApproved = approved + Math.max(0, fixedTotal - fixedFailed);
    // In the shared layout one child holds both servers: its time is shown as the merchant's.
    const cpuPerPaymentMs: CpuPerPayment = {
      loadGenerator: spent.own / allApproved,
      merchant: (merchantChild === null ? spent.sandbox : spent.merchant) / allApproved,
      sandbox: merchantChild === null ? 0 : spent.sandbox / allApproved,
    };
    const med = <T extends LoadFigures>(runs: T[]): LoadFigures => ({
      perSecond: median(runs.map((r) => r.perSecond)),
      p50Ms: median(runs.map((r) => r.p50Ms)),
      p99Ms: median(runs.map((r) => r.p99Ms)),
    });
    return {
      merchant: { ...med(merchantRuns), runs: merchantRuns, failed, total, cpuPerPaymentMs, vsSandbox: { median: median(ratios), runs: ratios } },
      sandbox: { ...med(sandboxRuns), runs: sandboxRuns },
      fixedRate: { ...med(fixedRuns), offered: options.fixedRate, runs: fixedRuns, failed: fixedFailed, total: fixedTotal },
    };
  } finally {
    agent?.destroy();
    await merchantChild?.stop();
    await sandboxChild.stop();
  }
}
