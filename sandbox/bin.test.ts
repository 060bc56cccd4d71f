import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("./bin.ts", import.meta.url));
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("checkout-widget-sandbox --help (sandbox/bin.ts)", () => {
  it("names every environment variable npm run sandbox reads, and starts nothing", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", BIN, "--help"], { timeout: 20_000 });
    const read = new Set([...(await readFile(MAIN, "utf8")).matchAll(/process\.env\["(SANDBOX_[A-Z_]+)"\]/g)].map((m) => m[1]));
    const listed = new Set([...stdout.matchAll(/SANDBOX_[A-Z_]+/g)].map((m) => m[0]));
    expect(read.size).toBeGreaterThan(3);
    expect([...read].filter((name) => !listed.has(name ?? ""))).toEqual([]);
    expect(stdout).not.toContain("Sandbox gateway at");
  });
});
