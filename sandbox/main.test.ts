import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startSandbox } from "./index.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("npm run sandbox (sandbox/main.ts)", () => {
  it("prints its URL, Public ID and API Secret, serves, and stops on Ctrl-C", async () => {
    const run = runMain({
      SANDBOX_PORT: "0",
      SANDBOX_PUBLIC_ID: "pk_cli",
      SANDBOX_API_SECRET: "cli_secret",
      SANDBOX_INVOICE_MERCHANT_ID: "inv_cli",
      SANDBOX_INVOICE_API_KEY: "inv_key",
    });
    const deadline = Date.now() + 15_000;
    while (!/Press Ctrl-C/.test(run.output().stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const { stdout } = run.output();
    const url = /Sandbox gateway at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toContain("pk_cli");
    expect(stdout).toContain("cli_secret");
    const key = (await (await fetch(`${url}/payments/publickey`)).json()) as { Version: number };
    expect(key.Version).toBe(1);
    expect(stdout).toContain(`Invoice API at ${url}/api/v2`);
    expect(stdout).toMatch(/Merchant ID: inv_cli/);
    expect(stdout).toMatch(/API key: +inv_key/);
    const invoice = await fetch(`${url}/api/v2/GetTerminal`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("inv_cli:inv_key").toString("base64")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ alias: "none" }),
    });
    expect(await invoice.json()).toEqual({ error: "Terminal not found" });
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
  });

  it("takes the RBS credentials from the environment and prints them", async () => {
    const run = runMain({ SANDBOX_PORT: "0", SANDBOX_RBS_USER_NAME: "shop-cli", SANDBOX_RBS_PASSWORD: "cli-pass", SANDBOX_RBS_CALLBACK_SECRET: "cli-key" });
    try {
      const deadline = Date.now() + 15_000;
      while (!/Press Ctrl-C/.test(run.output().stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const { stdout } = run.output();
      const rest = /RBS API at (http:\/\/127\.0\.0\.1:\d+\/payment\/rest)/.exec(stdout)?.[1];
      expect(stdout).toMatch(/userName: shop-cli\s+password: cli-pass\s+callback secret: cli-key/);
      const status = (creds: Record<string, string>) =>
        fetch(`${rest}/getOrderStatusExtended.do?${new URLSearchParams({ ...creds, orderNumber: "none" })}`).then((r) => r.json());
      expect(await status({ userName: "shop-cli", password: "cli-pass" })).toMatchObject({ errorCode: "6" });
      expect(await status({ userName: "sandbox-api", password: "sandbox-password" })).toMatchObject({ errorCode: "5" });
    } finally {
      run.child.kill("SIGINT");
      await run.exited;
    }
  });

  it("refuses an RBS callback URL off loopback", async () => {
    const run = runMain({ SANDBOX_PORT: "0", SANDBOX_RBS_CALLBACK_URL: "https://shop.example/rbs" });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/callback URL must be .*loopback/);
  });

  it("says plainly when the port is in use", async () => {
    const busy = await startSandbox({ port: 0 });
    try {
      const port = new URL(busy.url).port;
      const run = runMain({ SANDBOX_PORT: port });
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toContain(`Port ${port} is already in use`);
    } finally {
      await busy.close();
    }
  });
});

describe("SANDBOX_KEY_FILE", () => {
  it("writes a new key there (owner-only) and reads the same key on the next start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-key-"));
    const keyFile = path.join(dir, "sandbox-key.pem");
    try {
      const first = await startSandbox({ port: 0, keyFile });
      await first.close();
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      const second = await startSandbox({ port: 0, keyFile });
      await second.close();
      expect(second.publicKeyPem).toBe(first.publicKeyPem);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
